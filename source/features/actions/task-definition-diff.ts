// Two task definition revisions compared as JSON: the fields every revision has of its own (ARN,
// revision number, when and by whom it was registered) are left out, since whoever reads the diff
// already has both names, and object keys are sorted so that the order AWS happens to send them
// in never shows up as a change. Arrays keep their order: container order is meaningful.
import type { TaskDefinition } from "@aws-sdk/client-ecs";
import { lineDiff, type DiffLine } from "./line-diff.js";

/** Fields that differ between any two revisions. */
export const REGISTRATION_FIELDS: ReadonlySet<string> = new Set([
  "taskDefinitionArn",
  "revision",
  "registeredAt",
  "registeredBy",
  "deregisteredAt",
]);

/** How an object becomes lines; plain JSON by default (the screen passes its sanitising one). */
export type ToLines = (value: object) => string[];

const jsonLines: ToLines = (value) => JSON.stringify(value, null, 2).split("\n");

/** The task definition without its registration fields, keys sorted at every level. */
export function comparableTaskDefinition(definition: TaskDefinition): object {
  const kept = Object.fromEntries(
    Object.entries(definition).filter(([key]) => !REGISTRATION_FIELDS.has(key)),
  );
  return sortedKeys(kept) as object;
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== "object" || value instanceof Date) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]),
  );
}

export function taskDefinitionDiff(
  before: TaskDefinition,
  after: TaskDefinition,
  toLines: ToLines = jsonLines,
): DiffLine[] {
  return lineDiff(toLines(comparableTaskDefinition(before)), toLines(comparableTaskDefinition(after)));
}
