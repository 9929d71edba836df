// Filter matches are found in a cell's full text, but the table shows it fitted to its column
// (padded, right-aligned or cut with an ellipsis): this maps the matches onto what is shown.
import type { MatchRange } from "../state/row-filter.js";

export interface Segment {
  text: string;
  match: boolean;
}

function leadingSpaces(text: string): number {
  return text.length - text.trimStart().length;
}

/** `fitted` cut into plain and matched pieces; matches outside what is shown are dropped. */
export function highlightSegments(text: string, fitted: string, ranges: readonly MatchRange[]): Segment[] {
  if (ranges.length === 0) return [{ text: fitted, match: false }];
  // Right-aligned cells are padded in front; a cut cell ends in "…" where the text stopped matching.
  const offset = Math.max(0, leadingSpaces(fitted) - leadingSpaces(text));
  let shown = 0;
  while (shown < text.length && text[shown] === fitted[offset + shown]) shown++;
  const marked = new Array<boolean>(fitted.length).fill(false);
  for (const [start, end] of ranges) {
    for (let i = Math.max(0, start); i < Math.min(end, shown); i++) marked[offset + i] = true;
  }
  const segments: Segment[] = [];
  for (let i = 0; i < fitted.length; i++) {
    const last = segments[segments.length - 1];
    if (last && last.match === marked[i]) last.text += fitted[i];
    else segments.push({ text: fitted[i]!, match: marked[i]! });
  }
  return segments;
}
