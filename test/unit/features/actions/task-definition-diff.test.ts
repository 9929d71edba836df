// The revision diff: hunks as `diff -u` groups them, which two revisions `=` compares in the
// taskdefs and deployments views, and the lines the diff pane shows.
import { describe, expect, it } from "vitest";
import type { TaskDefinition } from "@aws-sdk/client-ecs";
import { diffHunks, hunkHeader, lineDiff } from "../../../../source/features/actions/line-diff.js";
import { comparableTaskDefinition } from "../../../../source/features/actions/task-definition-diff.js";
import type { DeploymentRow } from "../../../../source/kinds/deployment.js";
import type { RevisionRow, RevisionUse } from "../../../../source/kinds/task-definition.js";
import { diffPair, diffText } from "../../../../source/features/describe/revision-diff.js";

const lines = (n: number, prefix = "l") => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

describe("diffHunks", () => {
  it("keeps `context` unchanged lines around each change and counts what it leaves out", () => {
    const before = lines(20);
    const after = before.map((line) => (line === "l10" ? "L10" : line));
    const { hunks, skippedAfter } = diffHunks(lineDiff(before, after), 3);
    expect(hunks).toHaveLength(1);
    expect(hunkHeader(hunks[0]!)).toBe("@@ -7,7 +7,7 @@");
    expect(hunks[0]!.skippedBefore).toBe(6);
    expect(hunks[0]!.lines.map((line) => line.text)).toEqual([
      "l7",
      "l8",
      "l9",
      "l10",
      "L10",
      "l11",
      "l12",
      "l13",
    ]);
    expect(skippedAfter).toBe(7);
  });

  it("merges changes closer than twice the context, splits the others", () => {
    const before = lines(30);
    const change = (...at: number[]) =>
      before.map((line, i) => (at.includes(i + 1) ? line.toUpperCase() : line));
    expect(diffHunks(lineDiff(before, change(5, 12)), 3).hunks).toHaveLength(1);
    const apart = diffHunks(lineDiff(before, change(5, 13)), 3).hunks;
    expect(apart.map(hunkHeader)).toEqual(["@@ -2,7 +2,7 @@", "@@ -10,7 +10,7 @@"]);
    expect(apart[1]!.skippedBefore).toBe(1);
  });

  it("numbers an insertion, a removal, and a side with no lines as diff -u does", () => {
    const inserted = diffHunks(lineDiff(["a", "b"], ["a", "x", "b"]), 0).hunks;
    expect(inserted.map(hunkHeader)).toEqual(["@@ -1,0 +2,1 @@"]);
    expect(diffHunks(lineDiff(["a"], []), 3).hunks.map(hunkHeader)).toEqual(["@@ -1,1 +0,0 @@"]);
    expect(diffHunks(lineDiff(["a", "b"], ["a", "b"]), 3)).toEqual({ hunks: [], skippedAfter: 0 });
  });
});

const ARN = "arn:aws:ecs:us-east-1:123456789012:task-definition/web";
const definition = (revision: number, image: string, memory = 512): TaskDefinition => ({
  // Keys in an order that is not sorted: the comparison sorts them.
  taskDefinitionArn: `${ARN}:${revision}`,
  revision,
  family: "web",
  containerDefinitions: [
    { name: "web", image, memory, environment: [{ name: "A", value: "1" }], essential: true },
  ],
  registeredAt: new Date(Date.UTC(2026, 10, revision)),
  registeredBy: "arn:aws:sts::123456789012:assumed-role/deploy/ci",
  cpu: "256",
  status: "ACTIVE",
});

describe("comparableTaskDefinition", () => {
  it("sorts keys at every level and leaves out what every revision has of its own", () => {
    const shown = comparableTaskDefinition(definition(3, "web:1")) as Record<string, unknown>;
    expect(Object.keys(shown)).toEqual(["containerDefinitions", "cpu", "family", "status"]);
    const [container] = shown.containerDefinitions as Record<string, unknown>[];
    expect(Object.keys(container!)).toEqual(["environment", "essential", "image", "memory", "name"]);
  });
});

describe("diffText", () => {
  const toLines = (value: object) => JSON.stringify(value, null, 2).split("\n");

  it("says what changed as a unified diff: file lines, hunk header, - and + lines", () => {
    const text = diffText(
      definition(3, "web:v1.0.3"),
      definition(5, "web:v1.0.5", 1024),
      { before: `${ARN}:3`, after: `${ARN}:5` },
      toLines,
    );
    expect(text.heading).toBe("diff");
    expect(text.lines[0]).toMatch(
      /^--- web:3 {2}registered 2026-11-0\d \d\d:\d\d by arn:aws:sts::123456789012:assumed-role\/deploy\/ci$/,
    );
    expect(text.lines[1]).toMatch(/^\+\+\+ web:5 /);
    const changed = text.lines.filter((_, i) => text.kinds[i] === "added" || text.kinds[i] === "removed");
    expect(changed.map((line) => line.replace(/\s+/g, " "))).toEqual([
      '- "image": "web:v1.0.3",',
      '- "memory": 512,',
      '+ "image": "web:v1.0.5",',
      '+ "memory": 1024,',
    ]);
    expect(text.kinds.filter((kind) => kind === "hunk")).toHaveLength(1);
    expect(text.lines.some((line) => line.includes("registeredAt") || line.includes('"revision"'))).toBe(
      false,
    );
  });

  it("says plainly when two revisions are identical", () => {
    const text = diffText(
      definition(3, "web:1"),
      definition(4, "web:1"),
      { before: "web:3", after: "web:4" },
      toLines,
    );
    expect(text.kinds).toEqual(["header", "header", "note", "note"]);
    expect(text.lines[3]).toMatch(/^identical: /);
  });
});

const revision = (n: number, use?: RevisionUse): RevisionRow => ({
  arn: `${ARN}:${n}`,
  family: "web",
  revision: n,
  status: "ACTIVE",
  use,
});

describe("diffPair in the taskdefs view", () => {
  const rows = [revision(5, "deploying"), revision(4, "draining"), revision(3), revision(2), revision(1)];
  const pair = (row: RevisionRow | undefined, marked: number[] = [], list = rows) =>
    diffPair({ kind: "taskdefs", rows: list, row, marked: new Set(marked.map((n) => `${ARN}:${n}`)) });
  const arns = (before: number, after: number) => ({
    ok: true,
    before: `${ARN}:${before}`,
    after: `${ARN}:${after}`,
  });

  it("compares the two marked revisions, older first, wherever the cursor is", () => {
    expect(pair(rows[0], [2, 4])).toEqual(arns(2, 4));
    expect(pair(rows[4], [4, 2])).toEqual(arns(2, 4));
  });

  it("compares one marked revision with the cursor's", () => {
    expect(pair(rows[2], [5])).toEqual(arns(3, 5));
    expect(pair(rows[0], [5])).toMatchObject({
      ok: false,
      message: expect.stringMatching(/another revision/),
    });
  });

  it("refuses three marks", () => {
    expect(pair(rows[0], [1, 2, 3])).toEqual({
      ok: false,
      message: "3 revisions marked: mark two to diff them",
    });
  });

  it("with nothing marked: the service's revision against the cursor's, or against the one before it", () => {
    expect(pair(rows[2])).toEqual(arns(5, 3));
    expect(pair(rows[0])).toEqual(arns(4, 5));
    const steady = [revision(2, "running"), revision(1)];
    expect(pair(steady[0], [], steady)).toEqual(arns(1, 2));
    expect(pair(steady[1], [], [revision(1, "running")])).toMatchObject({ ok: false });
  });

  it("asks for marks in a family's list, where no service runs a revision", () => {
    const family = [revision(2), revision(1)];
    expect(pair(family[0], [], family)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^mark two/),
    });
  });
});

describe("diffPair in the deployments view", () => {
  const deployment = (
    id: string,
    status: string,
    taskDefinition: string,
    createdAt: number,
  ): DeploymentRow => ({
    id,
    deployment: { id, status, taskDefinition, createdAt: new Date(createdAt) },
    service: {},
  });
  const primary = deployment("ecs-svc/3", "PRIMARY", `${ARN}:5`, 3);
  const active = deployment("ecs-svc/2", "ACTIVE", `${ARN}:4`, 2);
  const older = deployment("ecs-svc/1", "ACTIVE", `${ARN}:3`, 1);
  const rows = [primary, active, older];
  const pair = (row: DeploymentRow, list = rows) =>
    diffPair({ kind: "deployments", rows: list, row, marked: new Set() });

  it("compares an ACTIVE deployment's revision (old) with the PRIMARY one's (new)", () => {
    expect(pair(older)).toEqual({ ok: true, before: `${ARN}:3`, after: `${ARN}:5` });
    // On the PRIMARY deployment: against the newest deployment it replaces.
    expect(pair(primary)).toEqual({ ok: true, before: `${ARN}:4`, after: `${ARN}:5` });
  });

  it("says there is nothing to compare once the rollout is over", () => {
    expect(pair(primary, [primary])).toMatchObject({
      ok: false,
      message: expect.stringMatching(/no older deployment/),
    });
  });

  it("says a forced new deployment (a restart) runs the same revision instead of diffing it with itself", () => {
    const restarted = deployment("ecs-svc/4", "PRIMARY", `${ARN}:5`, 4);
    const before = deployment("ecs-svc/3", "ACTIVE", "web:5", 3);
    expect(pair(restarted, [restarted, before])).toEqual({
      ok: false,
      message: "both deployments run web:5 (a forced new deployment): nothing to diff",
    });
  });
});
