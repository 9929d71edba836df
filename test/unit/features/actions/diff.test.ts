// The line diff shown before changing a service's task definition revision.
import { describe, expect, it } from "vitest";
import type { TaskDefinition } from "@aws-sdk/client-ecs";
import { changeRevisionAction } from "../../../../source/features/actions/change-revision.js";
import { taskDefinitionDiff } from "../../../../source/features/actions/task-definition-diff.js";
import { lineDiff, type DiffLine } from "../../../../source/features/actions/line-diff.js";
import { SCOPE, service, tdArn } from "./fixtures.js";

/** "  same", "- removed", "+ added": how a reader checks a diff. */
const show = (diff: DiffLine[]) =>
  diff.map((line) => `${line.kind === "same" ? " " : line.kind === "added" ? "+" : "-"} ${line.text}`);

describe("lineDiff", () => {
  it.each<[string, string[], string[], string[]]>([
    ["identical", ["a", "b"], ["a", "b"], ["  a", "  b"]],
    ["both empty", [], [], []],
    ["all added", [], ["a"], ["+ a"]],
    ["all removed", ["a"], [], ["- a"]],
    ["one changed line", ["a", "b", "c"], ["a", "B", "c"], ["  a", "- b", "+ B", "  c"]],
    ["insert in the middle", ["a", "c"], ["a", "b", "c"], ["  a", "+ b", "  c"]],
    [
      "keeps the longest common run",
      ["x", "a", "b", "c", "y"],
      ["a", "b", "c", "z"],
      ["- x", "  a", "  b", "  c", "- y", "+ z"],
    ],
    ["repeated lines", ["}", "}", "}"], ["}", "}"], ["  }", "  }", "- }"]],
  ])("%s", (_name, before, after, expected) => {
    expect(show(lineDiff(before, after))).toEqual(expected);
  });

  it("rebuilds both sides", () => {
    const before = Array.from({ length: 200 }, (_, i) => `line ${i % 7} ${i % 3}`);
    const after = before.filter((_, i) => i % 5 !== 0).map((l, i) => (i % 11 === 0 ? `${l}!` : l));
    const diff = lineDiff(before, after);
    expect(diff.filter((l) => l.kind !== "added").map((l) => l.text)).toEqual(before);
    expect(diff.filter((l) => l.kind !== "removed").map((l) => l.text)).toEqual(after);
  });
});

const web = (revision: number, image: string, memory: number): TaskDefinition => ({
  taskDefinitionArn: tdArn(`web:${revision}`),
  family: "web",
  revision,
  registeredAt: new Date(Date.UTC(2026, 0, revision)),
  containerDefinitions: [{ name: "web", image, memory, essential: true }],
  status: "ACTIVE",
});

describe("change revision", () => {
  it("diffs the task definitions as JSON, without the fields every revision changes", () => {
    const changed = show(taskDefinitionDiff(web(3, "nginx:1.27", 512), web(2, "nginx:1.26", 512))).filter(
      (line) => !line.startsWith(" "),
    );
    expect(changed).toEqual(['-       "image": "nginx:1.27",', '+       "image": "nginx:1.26",']);
  });

  it("moves the service to the chosen revision's ARN", () => {
    const built = changeRevisionAction(
      SCOPE,
      service(),
      web(3, "nginx:1.27", 512),
      web(2, "nginx:1.27", 256),
    );
    if (!built.ok) throw new Error(built.message);
    expect(built.action.title).toBe("Change web from web:3 to web:2");
    expect(built.action.calls.map((c) => c.parameters)).toEqual([
      { cluster: "prod", service: "web", taskDefinition: tdArn("web:2") },
    ]);
    expect(built.action.diff?.filter((l) => l.kind !== "same").map((l) => l.text.trim())).toEqual([
      '"memory": 512,',
      '"memory": 256,',
    ]);
    expect(built.action.warnings).toEqual([]);
  });

  it("warns when the revisions have the same content", () => {
    const built = changeRevisionAction(
      SCOPE,
      service(),
      web(3, "nginx:1.27", 512),
      web(2, "nginx:1.27", 512),
    );
    expect(built.ok && built.action.warnings).toEqual([
      "web:3 and web:2 have the same content: this only replaces the tasks",
    ]);
  });

  it("refuses the revision the service already uses", () => {
    expect(changeRevisionAction(SCOPE, service(), web(3, "a", 1), web(3, "a", 1))).toEqual({
      ok: false,
      message: "web already uses web:3",
    });
  });
});
