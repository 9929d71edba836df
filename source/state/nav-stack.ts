// The navigation stack and the cursor of each view on it, as reducers: moving, paging, drilling
// down and back, sorting, wide columns, the task set, a filter. The cursor follows its row (by
// key) whenever the rows it is placed among change.
import { freshView, topOf, viewKey, type AppState, type StatePatch, type Step } from "./app-state.js";
import { withoutMarks } from "./marks.js";
import { rowView, type RowViewAction } from "./row-views.js";
import { showTaskSet, taskSetMessage } from "./task-set-view.js";
import { kindOf, noRowHere, rowAtCursor, visibleRows, withCursor } from "./view-rows.js";
import type { ViewEntry } from "./view-cursor.js";
import type { KindId, Scope } from "../kinds/types.js";
import { nextSort } from "./view-sort.js";

function replaceTop(state: AppState, view: ViewEntry): StatePatch {
  return { stack: [...state.stack.slice(0, -1), view] };
}

export function movedCursor(state: AppState, delta: number): StatePatch {
  const view = topOf(state);
  return replaceTop(state, withCursor(state, view, undefined, view.cursor + delta));
}

export function movedTo(state: AppState, position: "first" | "last"): StatePatch {
  const view = topOf(state);
  const last = visibleRows(state, view).length - 1;
  return replaceTop(state, withCursor(state, view, undefined, position === "first" ? 0 : last));
}

export function paged(state: AppState, direction: 1 | -1): StatePatch {
  return movedCursor(state, direction * Math.max(1, state.viewportRows - 1));
}

/** The table has room for `rows` rows now: the cursor stays on its row, in sight. */
export function resized(state: AppState, rows: number): StatePatch | undefined {
  if (rows === state.viewportRows) return undefined;
  const next = { ...state, viewportRows: rows };
  const view = topOf(next);
  return { viewportRows: rows, ...replaceTop(next, withCursor(next, view, view.cursorKey)) };
}

/** `view` opened on top of the stack; it loads at once. */
export function pushed(state: AppState, view: { kind: KindId; scope: Scope }): Step {
  return { patch: { stack: [...state.stack, freshView(view)] }, refresh: true };
}

/** enter: the view the row under the cursor drills into. */
export function drilled(state: AppState): Step {
  const view = topOf(state);
  const kind = kindOf(view);
  const row = rowAtCursor(state);
  if (row === undefined) return { flash: noRowHere(state) };
  if (!kind.drill) return { flash: `enter opens nothing in the ${kind.id} view: d describes a row` };
  const next = kind.drill(row, view.scope);
  if (!next) return { flash: "this row opens nothing (d describes it)" };
  return pushed(state, next);
}

/** esc: first clears the filter, then pops back to the previous view (cursor where it was). */
export function wentBack(state: AppState): Step {
  const view = topOf(state);
  if (view.filter)
    return { patch: replaceTop(state, withCursor(state, { ...view, filter: "" }, view.cursorKey)) };
  if (state.stack.length <= 1) return {};
  return {
    patch: { stack: state.stack.slice(0, -1), marks: withoutMarks(state.marks, view) },
    refresh: true,
  };
}

/** `z`, `e`, `a`, `t`, `i`, `b` or `n` on a row: a view about it that is not its drill-down (row-views.ts). */
export function openedRowView(state: AppState, action: RowViewAction): Step {
  const view = topOf(state);
  const row = rowAtCursor(state);
  if (row === undefined) return { flash: noRowHere(state) };
  const opened = rowView(action, view, row);
  if (typeof opened === "string") return { flash: opened };
  return opened ? pushed(state, opened) : {};
}

/** Shift + a column's letter: sorts the view on top by it, or reverses its sort. */
export function sortedBy(state: AppState, letter: string): Step {
  const view = topOf(state);
  const sort = nextSort(kindOf(view), view.sort, letter, state.wide);
  if (typeof sort === "string") return { flash: sort };
  return { patch: replaceTop(state, withCursor(state, { ...view, sort }, view.cursorKey)) };
}

/** `t` in a tasks view: running → stopped → all tasks of the service (or the host). */
export function cycledTaskSet(state: AppState): Step {
  const view = topOf(state);
  if (!kindOf(view).taskSets) return {};
  const next = showTaskSet(view);
  return { patch: replaceTop(state, next), flash: taskSetMessage(next), refresh: true };
}

/** ctrl-w: wide columns on or off, in every view. */
export function toggledWide(state: AppState): Step {
  const next = { ...state, wide: !state.wide };
  const stack = next.stack.map((view) => withCursor(next, view, view.cursorKey));
  // Said, since nothing on screen changes in a view without wide columns.
  const kind = kindOf(topOf(state));
  const none = kind.columns.some((column) => column.wide) ? "" : ` (the ${kind.id} view has none)`;
  return { patch: { wide: next.wide, stack }, flash: `wide columns ${next.wide ? "on" : "off"}${none}` };
}

/** The view on top filtered by `filter`, its cursor on the same row if it still shows. */
export function filtered(state: AppState, filter: string): StatePatch {
  const view = topOf(state);
  return replaceTop(state, withCursor(state, { ...view, filter, top: 0 }, view.cursorKey, 0));
}

/** Keeps the cursor on the same row (by key) in the views cached under `key`, whose rows changed. */
export function repositioned(state: AppState, key: string): StatePatch {
  return {
    stack: state.stack.map((view) =>
      viewKey(view) === key ? withCursor(state, view, view.cursorKey) : view,
    ),
  };
}
