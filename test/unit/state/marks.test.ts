import { describe, expect, it } from "vitest";
import { cacheKey } from "../../../source/state/app-state.js";
import { markedAtCursor, marksOf, marksOn, toggledMark, withoutMarks } from "../../../source/state/marks.js";
import { freshView } from "../../../source/state/app-state.js";
import { stateWith } from "./state-fixtures.js";

const tasks = freshView({ kind: "tasks", scope: { clusterArn: "c", serviceName: "api" } });
const stopped = freshView({
  kind: "tasks",
  scope: { clusterArn: "c", serviceName: "api", taskSet: "stopped" },
});
const task = (arn: string) => ({ arn, task: { taskArn: arn, lastStatus: "RUNNING" } });

describe("marks", () => {
  it("toggles a row's mark in its own view; a view without marks has an empty set", () => {
    const one = toggledMark(new Map(), tasks, "t1");
    const two = toggledMark(one, tasks, "t2");
    expect([...marksOf(two, tasks)]).toEqual(["t1", "t2"]);
    expect(marksOf(two, stopped).size).toBe(0);
    const none = toggledMark(toggledMark(two, tasks, "t1"), tasks, "t2");
    expect(none.has(cacheKey(tasks.kind, tasks.scope))).toBe(false);
  });

  it("drops the marks of one view, or of the views no longer on the stack", () => {
    const marks = toggledMark(toggledMark(new Map(), tasks, "t1"), stopped, "t9");
    expect(marksOf(withoutMarks(marks, tasks), tasks).size).toBe(0);
    expect(marksOf(withoutMarks(marks, tasks), stopped).size).toBe(1);
    const kept = marksOn(marks, [stopped]);
    expect([...kept.keys()]).toEqual([cacheKey(stopped.kind, stopped.scope)]);
  });

  it("space marks the row under the cursor where rows are markable, and nowhere else", () => {
    const state = stateWith([task("t1"), task("t2")], [{ kind: "tasks", scope: tasks.scope }]);
    const patch = markedAtCursor(state);
    expect([...marksOf(patch!.marks!, tasks)]).toEqual(["t1"]);
    expect(markedAtCursor(stateWith([], [{ kind: "tasks", scope: tasks.scope }]))).toBeUndefined();
    expect(markedAtCursor(stateWith([{ arn: "c1", cluster: {} }]))).toBeUndefined();
  });
});
