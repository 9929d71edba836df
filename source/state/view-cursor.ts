import type { KindId, Scope } from "../kinds/types.js";
import type { SortOrder } from "./view-sort.js";

/** One level of the navigation stack: what it shows, and where the user is in it. */
export interface ViewEntry {
  kind: KindId;
  scope: Scope;
  /** Index of the selected row among the filtered rows. */
  cursor: number;
  /** Key of the selected row, so that the cursor follows it when rows move. */
  cursorKey?: string;
  /** First row in the window on screen. */
  top: number;
  filter: string;
  /** Shift + a column's letter; as loaded when absent. */
  sort?: SortOrder;
}

/**
 * Puts the cursor on the row with `cursorKey` (or at `fallback`, clamped to the rows) and scrolls
 * the window of `height` rows just enough to keep it visible.
 */
export function placeCursor(
  view: ViewEntry,
  rowKeys: readonly string[],
  height: number,
  cursorKey: string | undefined,
  fallback = view.cursor,
): ViewEntry {
  let cursor = cursorKey === undefined ? -1 : rowKeys.indexOf(cursorKey);
  if (cursor < 0) cursor = Math.min(Math.max(0, fallback), Math.max(0, rowKeys.length - 1));
  const window = Math.max(1, height);
  let top = Math.min(view.top, Math.max(0, rowKeys.length - window));
  if (cursor < top) top = cursor;
  if (cursor >= top + window) top = cursor - window + 1;
  return { ...view, cursor, top: Math.max(0, top), cursorKey: rowKeys[cursor] };
}
