// What a view shows, as functions of the state: its cached rows in its order after its filter,
// the row under its cursor (or why there is none), and the cursor placed on them.
import { KINDS, type AnyKind } from "../kinds/registry.js";
import { cacheKey, topOf, viewKey, type AppState, type CacheEntry } from "./app-state.js";
import { filterRows } from "./row-filter.js";
import { placeCursor, type ViewEntry } from "./view-cursor.js";
import { sortedRows } from "./view-sort.js";

export const kindOf = (view: ViewEntry): AnyKind => KINDS[view.kind];

export function entryOf(state: AppState, view: ViewEntry): CacheEntry | undefined {
  return state.cache.get(cacheKey(view.kind, view.scope));
}

/** `rows` in the view's order, after its filter. */
export function shownRows(state: AppState, view: ViewEntry, rows: readonly unknown[]): readonly unknown[] {
  const { wide, now } = state;
  const kind = kindOf(view);
  return filterRows(kind, sortedRows(kind, rows, view.sort, wide, now), view.filter, now);
}

/** The rows of a view in its order, after its filter: what the table shows. */
export function visibleRows(state: AppState, view: ViewEntry): readonly unknown[] {
  return shownRows(state, view, entryOf(state, view)?.rows ?? []);
}

/** The row under the cursor of the view on top, if there is one. */
export function rowAtCursor(state: AppState): unknown {
  const view = topOf(state);
  return visibleRows(state, view)[view.cursor];
}

/** Why the view on top has no row under its cursor, for the flash line. */
export function noRowHere(state: AppState): string {
  const view = topOf(state);
  const entry = entryOf(state, view);
  const why =
    entry?.rows === undefined
      ? entry?.failure
        ? "the list did not load"
        : "the list is still loading"
      : view.filter
        ? "nothing matches the filter"
        : "the list is empty";
  return `no row here: ${why}`;
}

/** The view with its cursor on the row keyed `cursorKey` (or at `fallback`), kept on screen. */
export function withCursor(
  state: AppState,
  view: ViewEntry,
  cursorKey: string | undefined,
  fallback = view.cursor,
): ViewEntry {
  const kind = kindOf(view);
  const keys = visibleRows(state, view).map((row) => kind.key(row));
  return placeCursor(view, keys, state.viewportRows, cursorKey, fallback);
}

/** Which of `rows`, loaded for the view cached under `key`, would be on screen now. */
export function keysOnScreen(state: AppState, key: string, rows: readonly unknown[]): ReadonlySet<string> {
  const view = topOf(state);
  if (viewKey(view) !== key) return new Set();
  const kind = kindOf(view);
  const shown = shownRows(state, view, rows);
  return new Set(shown.slice(view.top, view.top + state.viewportRows).map((r) => kind.key(r)));
}
