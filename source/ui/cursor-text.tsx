// A prompt's cursor, drawn as readline and k9s draw it: the cell under it in inverse video (a
// space after the last character). Every prompt draws its line through these.
import { Text } from "ink";
import { fit } from "./text-fit.js";

export interface CursorCells {
  before: string;
  /** The character under the cursor; empty at the end of the line. */
  at: string;
  after: string;
}

/** The text split around the cursor (a count of characters from the start). */
export function splitAtCursor(text: string, cursor: number): CursorCells {
  const chars = [...text];
  return {
    before: chars.slice(0, cursor).join(""),
    at: chars[cursor] ?? "",
    after: chars.slice(cursor + 1).join(""),
  };
}

/** A line and its cursor in exactly `width` columns (cut short or padded, as fit() does). */
export function CursorLine({ text, cursor, width }: { text: string; cursor: number; width: number }) {
  const atEnd = cursor >= [...text].length;
  const { before, at, after } = splitAtCursor(fit(atEnd ? `${text} ` : text, width), cursor);
  return (
    <>
      {before}
      <Text inverse>{at}</Text>
      {after}
    </>
  );
}
