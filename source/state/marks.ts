// Marked rows (space), kept per view: actions then apply to the marked rows of the view on top.
import { topOf, viewKey, type AppState, type StatePatch } from "./app-state.js";
import type { ViewEntry } from "./view-cursor.js";
import { kindOf, rowAtCursor } from "./view-rows.js";

export type Marks = ReadonlyMap<string, ReadonlySet<string>>;

const NO_MARKS: ReadonlySet<string> = new Set();

export function marksOf(marks: Marks, view: ViewEntry): ReadonlySet<string> {
  return marks.get(viewKey(view)) ?? NO_MARKS;
}

/** The row keyed `key` marked in `view`, or unmarked if it was. */
export function toggledMark(marks: Marks, view: ViewEntry, key: string): Marks {
  const marked = new Set(marksOf(marks, view));
  if (!marked.delete(key)) marked.add(key);
  const next = new Map(marks);
  if (marked.size > 0) next.set(viewKey(view), marked);
  else next.delete(viewKey(view));
  return next;
}

export function withoutMarks(marks: Marks, view: ViewEntry): Marks {
  const next = new Map(marks);
  next.delete(viewKey(view));
  return next;
}

/** The marks of the views still on `stack`. */
export function marksOn(marks: Marks, stack: readonly ViewEntry[]): Marks {
  const kept = new Set(stack.map(viewKey));
  return new Map([...marks].filter(([key]) => kept.has(key)));
}

/** space: the row under the cursor marked, or unmarked; nothing in a view whose rows are not markable. */
export function markedAtCursor(state: AppState): StatePatch | undefined {
  const view = topOf(state);
  const kind = kindOf(view);
  const row = rowAtCursor(state);
  if (!kind.markable || row === undefined) return undefined;
  return { marks: toggledMark(state.marks, view, kind.key(row)) };
}
