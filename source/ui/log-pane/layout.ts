// Turns log lines into the rows the pane draws: timestamps, a source prefix, level colours, JSON
// pretty-printing, search highlights, wrapping or horizontal scroll. Everything from the network is
// sanitised here and over-long lines are capped, so no log line can break the frame.
import type { LineList, LogLevel, LogLine } from "../../logs/log-line.js";
import { bottomIndex, type PaneView, type TimestampMode } from "../../store/log-pane.js";
import { formatAge } from "../../resources/format.js";
import { sanitizeCell } from "../sanitize.js";

export const MAX_LINE_CHARS = 4_000;

export interface Segment {
  text: string;
  color?: string;
  dim?: boolean;
  highlight?: boolean;
}

export type Row = Segment[];

const SOURCE_COLORS = ["cyan", "magenta", "green", "blue", "yellow", "white"];
const LEVEL_COLORS: Record<LogLevel, string | undefined> = {
  error: "red",
  warn: "yellow",
  info: undefined,
  debug: "gray",
};

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

export function formatTimestamp(ms: number, mode: TimestampMode, now: number): string {
  if (mode === "off") return "";
  if (mode === "relative") return `${formatAge(new Date(ms), now)} ago`.padStart(9);
  const d = new Date(ms);
  if (mode === "utc") {
    return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}Z`;
  }
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

function sourceColor(label: string): string {
  let hash = 0;
  for (const char of label) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return SOURCE_COLORS[hash % SOURCE_COLORS.length]!;
}

/** The message as displayable text: inert, capped, and (on demand) pretty-printed JSON. */
export function messageLines(message: string, pretty: boolean): string[] {
  const capped =
    message.length > MAX_LINE_CHARS
      ? `${message.slice(0, MAX_LINE_CHARS)} … (${message.length - MAX_LINE_CHARS} more characters)`
      : message;
  if (pretty && capped.trimStart().startsWith("{")) {
    try {
      const parsed: unknown = JSON.parse(capped);
      return JSON.stringify(parsed, null, 2)
        .split("\n")
        .map((line) => sanitizeCell(line));
    } catch {
      // not JSON after all: shown as it is
    }
  }
  return [sanitizeCell(capped)];
}

/** Splits text into segments, marking every case-insensitive occurrence of `term`. */
export function highlight(text: string, term: string, base: Omit<Segment, "text">): Segment[] {
  if (!term) return [{ ...base, text }];
  const lower = text.toLowerCase();
  const needle = term.toLowerCase();
  const out: Segment[] = [];
  let from = 0;
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length)) {
    if (at > from) out.push({ ...base, text: text.slice(from, at) });
    out.push({ ...base, text: text.slice(at, at + needle.length), highlight: true });
    from = at + needle.length;
  }
  if (from < text.length) out.push({ ...base, text: text.slice(from) });
  return out;
}

function sliceSegments(segments: Segment[], start: number, width: number): Segment[] {
  const out: Segment[] = [];
  let position = 0;
  for (const segment of segments) {
    const end = position + segment.text.length;
    const from = Math.max(start, position);
    const to = Math.min(start + width, end);
    if (to > from) out.push({ ...segment, text: segment.text.slice(from - position, to - position) });
    position = end;
  }
  return out;
}

/** The display rows of one log line. */
export function lineRows(
  line: LogLine,
  view: Pick<PaneView, "timestamps" | "pretty" | "wrap" | "hscroll" | "search">,
  options: { width: number; now: number; showSource: boolean },
): Row[] {
  const prefix: Segment[] = [];
  const stamp = formatTimestamp(line.timestamp, view.timestamps, options.now);
  if (stamp) prefix.push({ text: `${stamp} `, dim: true });
  if (options.showSource) {
    const label = `${line.taskId.slice(0, 8)}/${sanitizeCell(line.container)}`;
    prefix.push({ text: `${label} `, color: sourceColor(label) });
  }
  const prefixWidth = prefix.reduce((sum, segment) => sum + segment.text.length, 0);
  const room = Math.max(10, options.width - prefixWidth);
  const color = line.level ? LEVEL_COLORS[line.level] : undefined;
  const rows: Row[] = [];
  messageLines(line.message, view.pretty).forEach((text, index) => {
    const segments = highlight(text, view.search, { color });
    const lead = index === 0 ? prefix : [{ text: " ".repeat(prefixWidth) }];
    if (!view.wrap) {
      rows.push([...lead, ...sliceSegments(segments, view.hscroll, room)]);
      return;
    }
    for (let start = 0; start === 0 || start < text.length; start += room) {
      rows.push([
        ...(start === 0 ? lead : [{ text: " ".repeat(prefixWidth) }]),
        ...sliceSegments(segments, start, room),
      ]);
    }
  });
  return rows;
}

/** The rows that fill the pane, ending with the line at `bottom` (the newest when following). */
export function paneRows(
  shown: LineList,
  view: PaneView,
  options: { width: number; height: number; now: number; showSource: boolean },
): Row[] {
  const last = bottomIndex(shown, view);
  const rows: Row[] = [];
  for (let index = last; index >= 0 && rows.length < options.height; index--) {
    rows.unshift(...lineRows(shown.at(index)!, view, options));
  }
  return rows.slice(Math.max(0, rows.length - options.height));
}
