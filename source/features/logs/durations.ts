// The log pane's history windows: the presets `H` steps through and the durations people type.

/** The history windows `H` steps through before it asks for one. */
export const HISTORY_PRESETS_MS = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000];

const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "90s", "10m", "2h", "1h30m" in ms; undefined unless it is a positive duration in those units. */
export function parseDuration(text: string): number | undefined {
  const compact = text.replace(/\s+/g, "").toLowerCase();
  if (!/^(\d+[smhd])+$/.test(compact)) return undefined;
  let ms = 0;
  for (const [, amount, unit] of compact.matchAll(/(\d+)([smhd])/g)) ms += Number(amount) * UNIT_MS[unit!]!;
  return ms > 0 && Number.isSafeInteger(ms) ? ms : undefined;
}

/** 90 000 → "1m30s", 7 200 000 → "2h". */
export function formatDuration(ms: number): string {
  let rest = Math.round(ms / 1_000) * 1_000;
  let text = "";
  for (const unit of ["d", "h", "m", "s"]) {
    const amount = Math.floor(rest / UNIT_MS[unit]!);
    if (amount > 0) text += `${amount}${unit}`;
    rest -= amount * UNIT_MS[unit]!;
  }
  return text || "0s";
}
