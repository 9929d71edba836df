// The log pane as the bench reads it off the screen: its title, mode, counts and rows, and the
// timestamp format each row is in.

export type StampMode = "local" | "utc" | "relative" | "off";
/** The order `t` cycles through, from the default. */
export const STAMP_CYCLE: StampMode[] = ["local", "utc", "relative", "off"];

/** The pane as drawn: its title, mode, line count, dropped count and body rows. */
export interface PaneSnapshot {
  count: number | undefined;
  mode: string;
  sampled: boolean;
  dropped: number;
  rows: string[];
}

export function readPane(screen: string): PaneSnapshot {
  const lines = screen.split("\n");
  const top = lines.findIndex((line) => line.includes("┌─ logs("));
  const bottom = lines.findIndex((line, i) => i > top && line.startsWith("└"));
  const title = top >= 0 ? lines[top]! : "";
  const status = bottom >= 0 ? lines[bottom]! : "";
  const mode = /(live tail|polling|starting…|stopped)( \([^)]*\))?(, sampled)?( · history \S+)? ─┐/.exec(
    title,
  );
  return {
    count:
      Number(/logs\([^)]*\)\[([\d,]+)\]/.exec(title)?.[1]?.replaceAll(",", "") ?? Number.NaN) || undefined,
    mode: mode ? `${mode[1]}${mode[2] ?? ""}` : "?",
    sampled: Boolean(mode?.[3]) || /sampled/.test(title),
    dropped: Number(/([\d,]+) lines dropped/.exec(status)?.[1]?.replaceAll(",", "") ?? 0),
    rows: top >= 0 && bottom > top ? lines.slice(top + 1, bottom).map((line) => line.slice(1)) : [],
  };
}

export function stampModeOf(row: string): StampMode | undefined {
  if (/^\d\d:\d\d:\d\d\.\d{3}Z /.test(row)) return "utc";
  if (/^\d\d:\d\d:\d\d\.\d{3} /.test(row)) return "local";
  if (/^ *\d+[smhdy]\w* ago /.test(row)) return "relative";
  if (/^[0-9a-f]{8}\/\S/.test(row)) return "off";
  return undefined;
}

/** Every row of the pane body in `mode`: the whole frame shows the new format. */
export function paneShows(screen: string, mode: StampMode): boolean {
  // Marker rows ("── Live Tail sampled here …") carry no timestamp.
  const rows = readPane(screen).rows.filter((row) => row.trim() !== "" && !row.startsWith("──"));
  return rows.length > 0 && rows.every((row) => stampModeOf(row) === mode);
}
