// Names from ECS ARNs. Inputs may already be names; these return them unchanged.

/**
 * ".../cluster/prod" → "prod", ".../service/prod/web" → "web", ".../task/prod/abc" → "abc",
 * ".../task-definition/web:3" → "web:3".
 */
export function lastSegment(nameOrArn: string): string {
  return nameOrArn.slice(nameOrArn.lastIndexOf("/") + 1);
}

/** The account ID field of an ARN, if it is one. */
export function accountOf(arn: string): string | undefined {
  const parts = arn.split(":");
  return parts[0] === "arn" && parts[4] ? parts[4] : undefined;
}

/** A short task ID for titles, like the console shows. */
export function shortTaskId(arn: string): string {
  return lastSegment(arn).slice(0, 8);
}

/** "web:3" or its ARN → { family: "web", revision: 3 }; revision 0 when there is none. */
export function familyRevision(taskDefinition: string): { family: string; revision: number } {
  const name = lastSegment(taskDefinition);
  const colon = name.lastIndexOf(":");
  if (colon < 0) return { family: name, revision: 0 };
  return { family: name.slice(0, colon), revision: Number(name.slice(colon + 1)) || 0 };
}
