// Terminal columns of sanitised text: a CJK character or an emoji takes two, a combining mark none.
// Wrapping and horizontal scrolling cut text at grapheme boundaries by column, so no surrogate pair,
// emoji sequence or wide character is ever split across the pane's edge.
import { stringWidth } from "../text-fit.js";

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
/** One column per code unit: most log lines, measured without segmenting. */
const PLAIN = /^[\x20-\x7e]*$/;

/** Grapheme boundaries: code-unit offsets and the column each starts at (the last is the end). */
interface Boundaries {
  index: number[];
  column: number[];
}

/** Recently measured texts: the same lines are laid out again on every frame. */
const measured = new Map<string, Boundaries>();
const MEASURED_LIMIT = 512;

/**
 * Boundaries of `text`, or undefined for plain ASCII. With `upTo`, measuring may stop once past that
 * column (the last boundary is then where it stopped, not the end of the text): a screen shows
 * only the start of a 4,000-character line, and segmenting all of it costs milliseconds.
 */
function boundariesOf(text: string, upTo = Infinity): Boundaries | undefined {
  if (PLAIN.test(text)) return undefined;
  const known = measured.get(text);
  if (known) return known;
  const index: number[] = [];
  const column: number[] = [];
  let at = 0;
  for (const { segment, index: offset } of segmenter.segment(text)) {
    if (at > upTo) {
      index.push(offset);
      column.push(at);
      return { index, column };
    }
    index.push(offset);
    column.push(at);
    at += stringWidth(segment);
  }
  index.push(text.length);
  column.push(at);
  if (measured.size >= MEASURED_LIMIT) measured.clear();
  const boundaries = { index, column };
  measured.set(text, boundaries);
  return boundaries;
}

export function textColumns(text: string): number {
  const boundaries = boundariesOf(text);
  return boundaries ? boundaries.column[boundaries.column.length - 1]! : text.length;
}

/** The first boundary whose column is at least `column` (or the end). */
function boundaryFrom(boundaries: Boundaries, column: number): number {
  let low = 0;
  let high = boundaries.column.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (boundaries.column[mid]! < column) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The last boundary whose column is at most `column`. */
function boundaryUpTo(boundaries: Boundaries, column: number): number {
  const from = boundaryFrom(boundaries, column);
  return boundaries.column[from]! > column ? from - 1 : from;
}

/**
 * The part of `text` shown in columns [from, from + width): code units [start, end), after `lead`
 * blank columns standing for the half of a wide character cut off at the left edge.
 */
export function cutColumns(
  text: string,
  from: number,
  width: number,
): { start: number; end: number; lead: number } {
  const boundaries = boundariesOf(text, from + width);
  if (!boundaries) {
    const start = Math.min(from, text.length);
    return { start, end: Math.min(text.length, from + width), lead: 0 };
  }
  const first = boundaryFrom(boundaries, from);
  const last = Math.max(first, boundaryUpTo(boundaries, from + width));
  const lead = Math.min(width, boundaries.column[first]! - Math.min(from, boundaries.column[first]!));
  return { start: boundaries.index[first]!, end: boundaries.index[last]!, lead };
}

/**
 * Where each row of `text` wrapped at `width` columns starts (code-unit offsets, the first 0). A row
 * ends before a character that would cross the edge; one wider than the whole row still gets a row.
 */
export function wrapStarts(text: string, width: number): number[] {
  const room = Math.max(1, width);
  const boundaries = boundariesOf(text);
  if (!boundaries) {
    const starts = [0];
    for (let start = room; start < text.length; start += room) starts.push(start);
    return starts;
  }
  const starts = [0];
  const end = boundaries.index.length - 1;
  let row = 0; // boundary where the current row starts
  while (row < end) {
    let next = boundaryUpTo(boundaries, boundaries.column[row]! + room);
    if (next <= row) next = row + 1;
    if (next >= end) break;
    starts.push(boundaries.index[next]!);
    row = next;
  }
  return starts;
}
