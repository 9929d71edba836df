// Rows as the AWS resources they stand for (a kind's `subject`): what an action acts on, and what
// a pending change reads, without knowing which kind of row it has.
import { KINDS, type AnyKind } from "./registry.js";
import type { SubjectResource, Subjects } from "./types.js";

/** The row as `resource`, when the kind's rows stand for that resource. */
export function subjectOf<R extends SubjectResource>(
  kind: AnyKind,
  resource: R,
  row: unknown,
): Subjects[R] | undefined {
  const rule = kind.subject;
  if (row === undefined || rule?.resource !== resource) return undefined;
  // The rule's resource was just compared: `of` returns that resource (TypeScript cannot narrow R).
  return rule.of(row) as Subjects[R] | undefined;
}

/** The kind whose rows stand for `resource`: where a change to one shows. */
export function kindShowing(resource: SubjectResource): AnyKind | undefined {
  return Object.values(KINDS).find((kind) => kind.subject?.resource === resource);
}
