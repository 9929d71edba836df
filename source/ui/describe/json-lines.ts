// A description as the screen draws it: the object as indented JSON whose strings are made inert,
// each line coloured by token (keys, strings, numbers, true/false/null) with search matches
// highlighted, and wrapped at the screen's width. Only the lines on screen are coloured; what is
// kept for the whole description is its text and one number per line (where its rows start).
// Long lines wrap rather than scroll sideways: a description is read for whole values (ARNs, stop
// reasons, event messages), and every search match is then on screen.
import type { RowMap } from "../../features/describe/describe.js";
import { highlight, sliceSegments, cursorRow, type Row, type Segment } from "../log-pane/layout.js";
import { wrapStarts } from "../log-pane/columns.js";
import { sanitizeCell } from "../../core/text/sanitize.js";
import { JSON_COLOR } from "../theme.js";

/** Escape sequences and control characters out of a string, its line breaks kept (JSON shows `\n`). */
function inert(text: string): string {
  return text.split("\n").map(sanitizeCell).join("\n");
}

/**
 * The object as JSON lines. Dates become ISO strings (their toJSON); every string, keys too (tags,
 * Docker labels and log options have keys anyone can set), is sanitised.
 */
export function describeLines(value: object): string[] {
  const json = JSON.stringify(
    value,
    (_key, item: unknown) => {
      if (typeof item === "string") return inert(item);
      if (item === null || typeof item !== "object" || Array.isArray(item)) return item;
      return Object.fromEntries(Object.entries(item).map(([key, child]) => [inert(key), child]));
    },
    2,
  );
  return json.split("\n");
}

const TOKEN =
  /(?<key>"(?:[^"\\]|\\.)*"(?=:))|(?<string>"(?:[^"\\]|\\.)*")|(?<number>-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(?<literal>true|false|null)/g;

/** A JSON line in coloured segments, the matches of `search` marked. */
export function jsonSegments(line: string, search: string): Segment[] {
  const marked = highlight(line, search, {});
  const segments: Segment[] = [];
  const plain = (start: number, end: number) => segments.push(...sliceSegments(marked, start, end));
  let from = 0;
  for (const match of line.matchAll(TOKEN)) {
    plain(from, match.index);
    const kind = Object.entries(match.groups!).find(([, text]) => text !== undefined)![0];
    const color = JSON_COLOR[kind as keyof typeof JSON_COLOR];
    from = match.index + match[0].length;
    segments.push(...sliceSegments(marked, match.index, from).map((segment) => ({ ...segment, color })));
  }
  plain(from, line.length);
  return segments;
}

/** Where each line's rows start when wrapped at `width` columns. */
export function rowMap(lines: readonly string[], width: number): RowMap {
  const starts = new Int32Array(lines.length + 1);
  lines.forEach((line, index) => {
    starts[index + 1] = starts[index]! + wrapStarts(line, width).length;
  });
  return {
    total: starts[lines.length]!,
    rowOf: (line) => starts[Math.max(0, Math.min(line, lines.length))]!,
    lineAt(row) {
      let low = 0;
      let high = lines.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (starts[mid]! <= row) low = mid;
        else high = mid - 1;
      }
      return low;
    },
  };
}

export interface ScreenOptions {
  top: number;
  height: number;
  width: number;
  search: string;
  matchLine?: number;
  /** How line number `line` is coloured; JSON tokens by default. */
  segmentsOf?: (text: string, search: string, line: number) => Segment[];
}

/** The rows on screen from row `top`: the current match's line drawn as a bar. */
export function screenRows(lines: readonly string[], map: RowMap, options: ScreenOptions): Row[] {
  const { top, height, width, search, matchLine, segmentsOf = jsonSegments } = options;
  const rows: Row[] = [];
  for (let line = map.lineAt(top); line < lines.length && rows.length < height; line++) {
    const text = lines[line]!;
    const segments = segmentsOf(text, search, line);
    const starts = wrapStarts(text, width);
    for (let index = Math.max(0, top - map.rowOf(line)); index < starts.length; index++) {
      if (rows.length === height) break;
      const row = { segments: sliceSegments(segments, starts[index]!, starts[index + 1] ?? text.length) };
      rows.push(line === matchLine ? cursorRow(row, width) : row);
    }
  }
  return rows;
}
