// `=`: which two task definition revisions to compare, and the comparison as the lines of a
// unified diff (3 lines of context, like `diff -u`). In the taskdefs view: the two marked revisions
// (older first), one marked against the cursor's, or with nothing marked the cursor's against the
// revision the service runs (the one it runs against the one before it). In the deployments view:
// an ACTIVE or finished deployment's revision (old) against the PRIMARY one's (new), unless both run
// the same.
import type { TaskDefinition } from "@aws-sdk/client-ecs";
import { diffHunks, hunkHeader } from "../actions/line-diff.js";
import { taskDefinitionDiff, type ToLines } from "../actions/task-definition-diff.js";
import { newestFirst, type DeploymentRow } from "../../kinds/deployment.js";
import { formatTime } from "../../kinds/format.js";
import { resourceName } from "../../core/arn.js";
import { currentRevision, type RevisionRow } from "../../kinds/task-definition.js";
import type { KindId } from "../../kinds/types.js";
import { sanitizeCell } from "../../core/text/sanitize.js";
import { PaneText, type DiffLineKind } from "./describe-pane.js";

export const DIFF_CONTEXT = 3;

/** Two task definitions (ARNs, or "family:revision" as moto keeps them): old, then new. */
export type DiffPair = { ok: true; before: string; after: string } | { ok: false; message: string };

export interface DiffSelection {
  kind: KindId;
  rows: readonly unknown[];
  row: unknown;
  marked: ReadonlySet<string>;
}

export function diffPair({ kind, rows, row, marked }: DiffSelection): DiffPair {
  if (kind === "deployments")
    return deploymentPair(rows as DeploymentRow[], row as DeploymentRow | undefined);
  if (kind === "taskdefs") return revisionPair(rows as RevisionRow[], row as RevisionRow | undefined, marked);
  return { ok: false, message: "= diffs task definitions: in the taskdefs or deployments view" };
}

function revisionPair(
  rows: RevisionRow[],
  row: RevisionRow | undefined,
  marked: ReadonlySet<string>,
): DiffPair {
  const older = (a: RevisionRow, b: RevisionRow): DiffPair =>
    a.revision <= b.revision
      ? { ok: true, before: a.arn, after: b.arn }
      : { ok: true, before: b.arn, after: a.arn };
  const picked = rows.filter((r) => marked.has(r.arn));
  if (picked.length === 2) return older(picked[0]!, picked[1]!);
  if (picked.length > 2)
    return { ok: false, message: `${picked.length} revisions marked: mark two to diff them` };
  if (!row) return { ok: false, message: "no revision here to diff" };
  if (picked.length === 1) {
    if (picked[0]!.arn === row.arn)
      return { ok: false, message: "move to another revision to diff it with the marked one" };
    return older(picked[0]!, row);
  }
  const current = currentRevision(rows);
  if (!current) {
    return { ok: false, message: "mark two revisions with space to diff them (no service here runs one)" };
  }
  if (current.arn !== row.arn) return { ok: true, before: current.arn, after: row.arn };
  // On the revision the service runs: what it changed from the one before it.
  const previous = rows.filter((r) => r.revision < row.revision).sort((a, b) => b.revision - a.revision)[0];
  if (!previous)
    return {
      ok: false,
      message: `${resourceName(row.arn)} is the first revision: nothing older to diff with`,
    };
  return { ok: true, before: previous.arn, after: row.arn };
}

function deploymentPair(rows: DeploymentRow[], row: DeploymentRow | undefined): DiffPair {
  if (!row) return { ok: false, message: "no deployment here to diff" };
  const primary = rows.find((r) => r.deployment.status === "PRIMARY");
  const newestActive = rows.filter((r) => r.deployment.status === "ACTIVE").sort(newestFirst)[0];
  // With no older deployment running, the PRIMARY one is compared with the last one that finished
  // on another revision: what the latest deployment changed.
  const previous = rows
    .filter((r) => r.finished && r.deployment.taskDefinition !== primary?.deployment.taskDefinition)
    .sort(newestFirst)[0];
  const old = row.deployment.status === "PRIMARY" ? (newestActive ?? previous) : row;
  if (!primary?.deployment.taskDefinition)
    return { ok: false, message: "the service has no PRIMARY deployment" };
  if (!old?.deployment.taskDefinition || old === primary) {
    return {
      ok: false,
      message: "no older deployment, running or finished: nothing to diff the PRIMARY one with",
    };
  }
  // A restart (forceNewDeployment) rolls out the revision already running: the same on both sides.
  const same = resourceName(old.deployment.taskDefinition);
  if (same === resourceName(primary.deployment.taskDefinition)) {
    return { ok: false, message: `both deployments run ${same} (a forced new deployment): nothing to diff` };
  }
  return { ok: true, before: old.deployment.taskDefinition, after: primary.deployment.taskDefinition };
}

/** "web:3 → web:5" */
export function diffTitle(before: string, after: string): string {
  return `${resourceName(before)} → ${resourceName(after)}`;
}

function fileLine(mark: string, definition: TaskDefinition, fallback: string): string {
  const name = resourceName(definition.taskDefinitionArn ?? fallback);
  const when = definition.registeredAt ? `  registered ${formatTime(definition.registeredAt)}` : "";
  const by = definition.registeredBy ? ` by ${definition.registeredBy}` : "";
  return sanitizeCell(`${mark} ${name}${when}${by}`);
}

/** The diff as a pane shows it; "identical" when only the registration fields differ. */
export function diffText(
  before: TaskDefinition,
  after: TaskDefinition,
  references: { before: string; after: string },
  toLines: ToLines,
): PaneText {
  const lines: string[] = [];
  const kinds: DiffLineKind[] = [];
  const push = (kind: DiffLineKind, text: string) => {
    lines.push(text);
    kinds.push(kind);
  };
  push("header", fileLine("---", before, references.before));
  push("header", fileLine("+++", after, references.after));
  const { hunks } = diffHunks(taskDefinitionDiff(before, after, toLines), DIFF_CONTEXT);
  if (hunks.length === 0) {
    push("note", "");
    push("note", "identical: the two revisions differ only in ARN, revision number and registration");
  }
  for (const hunk of hunks) {
    push("hunk", hunkHeader(hunk));
    for (const line of hunk.lines) {
      const mark = line.kind === "added" ? "+" : line.kind === "removed" ? "-" : " ";
      push(line.kind, `${mark}${line.text}`);
    }
  }
  return new PaneText("diff", lines, kinds);
}
