// Turns log lines into the rows the pane draws: timestamps, a source prefix, level colours, JSON
// pretty-printing, search highlights, the current line, buffer markers, wrapping or horizontal
// scroll by terminal columns. Everything from the network is sanitised here and over-long lines are
// capped, so no log line can break the frame. Only the lines on screen are laid out.
import type { LogMarker } from "../../features/logs/log-buffer.js";
import type { LineList, LogLevel, LogLine } from "../../features/logs/log-line.js";
import {
  bottomIndex,
  cursorIndex,
  isPretty,
  visibleRange,
  type PaneView,
  type TimestampMode,
} from "../../features/logs/log-pane.js";
import { termPattern } from "../../features/logs/shown-lines.js";
import { detectLevel } from "../../features/logs/log-level.js";
import { formatAge } from "../../kinds/format.js";
import { sanitizeCell } from "../../core/text/sanitize.js";
import { cutColumns, textColumns, wrapStarts } from "./columns.js";
import { SOURCE_COLORS, theme } from "../theme.js";

export const MAX_LINE_CHARS = 4_000;

export interface Segment {
  text: string;
  color?: string;
  dim?: boolean;
  highlight?: boolean;
}

export interface Row {
  segments: Segment[];
  /** A row of the current line, drawn as a bar across the pane. */
  cursor?: boolean;
}

/** The buffer's markers by where they are drawn: above the first line, or after a line's rows. */
export interface PaneMarkers {
  top: LogMarker[];
  after: ReadonlyMap<string, LogMarker[]>;
}

export interface LayoutOptions {
  width: number;
  now: number;
  showSource: boolean;
  markers: PaneMarkers;
}

const levelColor = (level: LogLevel): string | undefined =>
  level === "error"
    ? theme.logError
    : level === "warn"
      ? theme.logWarn
      : level === "debug"
        ? theme.logDebug
        : undefined;

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

function sourceColor(label: string): string | undefined {
  let hash = 0;
  for (const char of label) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return SOURCE_COLORS[hash % SOURCE_COLORS.length];
}

/** The message as displayable text: inert, capped, and (on demand) pretty-printed JSON. */
export function messageLines(message: string, pretty: boolean): string[] {
  let capped = message;
  if (message.length > MAX_LINE_CHARS) {
    // Not between the two halves of a surrogate pair.
    const cut = /[\uD800-\uDBFF]/.test(message[MAX_LINE_CHARS - 1]!) ? MAX_LINE_CHARS - 1 : MAX_LINE_CHARS;
    // ASCII, so that a long ASCII line stays on the fast path of column counting.
    capped = `${message.slice(0, cut)} ... (${message.length - cut} more characters)`;
  }
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
  // Matched in the text itself (not a lower-cased copy, whose length can differ).
  const pattern = termPattern(term, "gi");
  const out: Segment[] = [];
  let from = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > from) out.push({ ...base, text: text.slice(from, match.index) });
    out.push({ ...base, text: match[0], highlight: true });
    from = match.index + match[0].length;
  }
  if (from < text.length) out.push({ ...base, text: text.slice(from) });
  return out;
}

/** The segments covering code units [start, end) of their joined text. */
export function sliceSegments(segments: Segment[], start: number, end: number): Segment[] {
  const out: Segment[] = [];
  let position = 0;
  for (const segment of segments) {
    const segmentEnd = position + segment.text.length;
    const from = Math.max(start, position);
    const to = Math.min(end, segmentEnd);
    if (to > from) out.push({ ...segment, text: segment.text.slice(from - position, to - position) });
    position = segmentEnd;
  }
  return out;
}

/** The display rows of one log line, each at most `width` columns wide. */
export function lineRows(
  line: LogLine,
  view: Pick<PaneView, "timestamps" | "pretty" | "prettyFlipped" | "wrap" | "hscroll" | "search">,
  options: Pick<LayoutOptions, "width" | "now" | "showSource">,
): Row[] {
  const prefix: Segment[] = [];
  const stamp = formatTimestamp(line.timestamp, view.timestamps, options.now);
  if (stamp) prefix.push({ text: `${stamp} `, dim: true });
  if (options.showSource) {
    const label = `${line.taskId.slice(0, 8)}/${sanitizeCell(line.container)}`;
    prefix.push({ text: `${label} `, color: sourceColor(label) });
  }
  const prefixWidth = prefix.reduce((sum, segment) => sum + textColumns(segment.text), 0);
  const indent = [{ text: " ".repeat(prefixWidth) }];
  const room = Math.max(10, options.width - prefixWidth);
  // Detected as drawn, for the few lines on screen, not for every line taken in.
  const level = detectLevel(line.message);
  const color = level ? levelColor(level) : undefined;
  const rows: Row[] = [];
  messageLines(line.message, isPretty(view, line)).forEach((text, index) => {
    const segments = highlight(text, view.search, { color });
    const lead = index === 0 ? prefix : indent;
    if (!view.wrap) {
      const cut = cutColumns(text, view.hscroll, room);
      const blank = cut.lead > 0 ? [{ text: " ".repeat(cut.lead) }] : [];
      rows.push({ segments: [...lead, ...blank, ...sliceSegments(segments, cut.start, cut.end)] });
      return;
    }
    const starts = wrapStarts(text, room);
    starts.forEach((start, row) => {
      const end = starts[row + 1] ?? text.length;
      rows.push({ segments: [...(row === 0 ? lead : indent), ...sliceSegments(segments, start, end)] });
    });
  });
  return rows;
}

export function indexMarkers(markers: readonly LogMarker[]): PaneMarkers {
  const top: LogMarker[] = [];
  const after = new Map<string, LogMarker[]>();
  for (const marker of markers) {
    if (marker.afterId === undefined) top.push(marker);
    else after.set(marker.afterId, [...(after.get(marker.afterId) ?? []), marker]);
  }
  return { top, after };
}

export function markerText(marker: LogMarker): string {
  const count = marker.count.toLocaleString("en-US");
  switch (marker.kind) {
    case "dropped":
      return `${count} older lines dropped (buffer full)`;
    case "sampled":
      return `Live Tail sampled here (${count} update${marker.count === 1 ? "" : "s"} over 500 events/s)`;
    case "skipped": {
      const { group, from, to } = marker.skipped!;
      const clock = (ms: number) => formatTimestamp(ms, "local", 0).slice(0, 8);
      return `polling fell behind: lines of ${sanitizeCell(group)} from ${clock(from)} to ${clock(to)} skipped (${Math.round((to - from) / 1000)} s)`;
    }
  }
}

function markerRow(marker: LogMarker, width: number): Row {
  const text = `── ${markerText(marker)} `;
  return {
    segments: [
      { text: text + "─".repeat(Math.max(0, width - textColumns(text))), color: theme.marker, dim: true },
    ],
  };
}

/** The rows of the line at `index`: its own, and the markers drawn above or after it. */
export function blockRows(shown: LineList, index: number, view: PaneView, options: LayoutOptions): Row[] {
  const line = shown.at(index)!;
  const current = !view.follow && index === cursorIndex(shown, view);
  const own = lineRows(line, view, options).map((row) => (current ? cursorRow(row, options.width) : row));
  const above = index === 0 ? options.markers.top : [];
  const after = options.markers.after.get(line.id) ?? [];
  return [
    ...above.map((marker) => markerRow(marker, options.width)),
    ...own,
    ...after.map((marker) => markerRow(marker, options.width)),
  ];
}

/** A row of the current line, padded so that its bar spans the pane. */
export function cursorRow(row: Row, width: number): Row {
  const used = row.segments.reduce((sum, segment) => sum + textColumns(segment.text), 0);
  const fill = width > used ? [{ text: " ".repeat(width - used) }] : [];
  return { segments: [...row.segments, ...fill], cursor: true };
}

/**
 * The rows that fill the pane: the lines wholly on screen (see visibleRange), and the part of the
 * next one that fits. A current line taller than the pane shows its top; any other its bottom.
 */
export function paneRows(
  shown: LineList,
  view: PaneView,
  options: LayoutOptions & { height: number },
): Row[] {
  if (shown.length === 0) return [];
  const blocks = new Map<number, Row[]>();
  const block = (index: number): Row[] => {
    let rows = blocks.get(index);
    if (!rows) blocks.set(index, (rows = blockRows(shown, index, view, options)));
    return rows;
  };
  const { first, last } = visibleRange(shown, view, {
    rows: options.height,
    rowsOf: (_, index) => block(index).length,
  });
  const rows: Row[] = [];
  for (let index = first; index <= last; index++) rows.push(...block(index));
  const room = options.height - rows.length;
  if (room < 0) {
    const top = !view.follow && cursorIndex(shown, view) === bottomIndex(shown, view);
    return top ? rows.slice(0, options.height) : rows.slice(-options.height);
  }
  if (room > 0 && first > 0) return [...block(first - 1).slice(-room), ...rows];
  if (room > 0 && last + 1 < shown.length) return [...rows, ...block(last + 1).slice(0, room)];
  return rows;
}
