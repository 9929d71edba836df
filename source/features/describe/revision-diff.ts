// `=`: which two task definition revisions to compare (the view's kind says: `diff`, in the
// taskdefs and deployments views), and the comparison as the lines of a unified diff (3 lines of
// context, like `diff -u`).
import type { TaskDefinition } from "@aws-sdk/client-ecs";
import { diffHunks, hunkHeader } from "../actions/line-diff.js";
import { taskDefinitionDiff, type ToLines } from "../actions/task-definition-diff.js";
import { formatTime } from "../../kinds/format.js";
import { KINDS } from "../../kinds/registry.js";
import type { DiffPair, KindId } from "../../kinds/types.js";
import { sanitizeCell } from "../../core/text/sanitize.js";
import { PaneText, type DiffLineKind } from "./describe-pane.js";
import { resourceName } from "../../core/arn.js";

export const DIFF_CONTEXT = 3;

export type { DiffPair };

export interface DiffSelection {
  kind: KindId;
  rows: readonly unknown[];
  row: unknown;
  marked: ReadonlySet<string>;
}

export function diffPair({ kind, rows, row, marked }: DiffSelection): DiffPair {
  return (
    KINDS[kind].diff?.(rows, row, marked) ?? {
      ok: false,
      message: "= diffs task definitions: in the taskdefs or deployments view",
    }
  );
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
