// `t` in the tasks view: the same service's running, stopped or all tasks. The set is part of the
// view's scope, so each tasks view on the stack keeps its own, and its own rows and marks.
import { nextTaskSet, taskSetOf, withTaskSet } from "../kinds/task-set.js";
import type { TaskSet } from "../kinds/types.js";
import type { ViewEntry } from "./view-cursor.js";

/** The view showing `set` (the next one when absent), its cursor at the top, filter and sort kept. */
export function showTaskSet(view: ViewEntry, set?: TaskSet): ViewEntry {
  const next = set ?? nextTaskSet(taskSetOf(view.scope));
  return { ...view, scope: withTaskSet(view.scope, next), cursor: 0, top: 0, cursorKey: undefined };
}

export function taskSetMessage(view: ViewEntry): string {
  const set = taskSetOf(view.scope);
  if (set === "running") return "showing running tasks";
  const kept = "(ECS keeps them for about an hour)";
  return set === "stopped" ? `showing stopped tasks ${kept}` : `showing all tasks, stopped ones too ${kept}`;
}
