// Compact, k9s-style formatting of ECS values for table cells.

/** Durations like k9s: 45s, 12m, 3h4m, 5d2h, 2y */
export function formatAge(from: Date | undefined, now: number): string {
  if (!from) return "";
  const seconds = Math.max(0, Math.floor((now - from.getTime()) / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) return `${minutes}m${seconds % 60 ? `${seconds % 60}s` : ""}`;
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h${minutes % 60 ? `${minutes % 60}m` : ""}`;
  const days = Math.floor(hours / 24);
  if (days < 365) return `${days}d${hours % 24 ? `${hours % 24}h` : ""}`;
  return `${Math.floor(days / 365)}y`;
}

/** The part after the last "/" of an ARN: service, task id, cluster name. */
export function arnName(arn: string | undefined): string {
  if (!arn) return "";
  const slash = arn.lastIndexOf("/");
  return slash >= 0 ? arn.slice(slash + 1) : arn.slice(arn.lastIndexOf(":") + 1);
}

export function taskDefinitionRevision(arn: string | undefined): string {
  const name = arnName(arn);
  const colon = name.lastIndexOf(":");
  return colon >= 0 ? name.slice(colon + 1) : "";
}

export function count(value: number | undefined): string {
  return value === undefined ? "" : String(value);
}

export function orDash(value: string | undefined | null): string {
  return value ? value : "-";
}

/** "arn:aws:ecs:us-east-1:123456789012:cluster/prod" → "123456789012" */
export function accountIdOf(arn: string): string | undefined {
  const parts = arn.split(":");
  return parts[0] === "arn" && /^\d{12}$/.test(parts[4] ?? "") ? parts[4] : undefined;
}

/** A moment in local time to the minute, as the ECS console lists it: 2026-11-27 03:14 */
export function formatTime(date: Date | undefined): string {
  if (!date) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** What an age column sorts by: the youngest first when ascending, like the ages read. */
export function ageOrder(from: Date | undefined): number | undefined {
  return from && -from.getTime();
}
