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

export function count(value: number | undefined): string {
  return value === undefined ? "" : String(value);
}

export function orDash(value: string | undefined | null): string {
  return value ? value : "-";
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
