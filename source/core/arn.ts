// Reading ARNs ("arn:partition:service:region:account:resource"). Where an input may already be
// a name, the helpers return it unchanged.

/**
 * The name or id a resource goes by: what follows the last "/" of an ARN (the last ":" for an ARN
 * with no "/"), a name as it is, "" for none. ".../cluster/prod" → "prod", ".../service/prod/web" →
 * "web", ".../task/prod/abc" → "abc", ".../task-definition/web:3" → "web:3", "web:3" → "web:3".
 */
export function resourceName(nameOrArn: string | undefined): string {
  if (!nameOrArn) return "";
  const slash = nameOrArn.lastIndexOf("/");
  if (slash >= 0) return nameOrArn.slice(slash + 1);
  return nameOrArn.startsWith("arn:") ? nameOrArn.slice(nameOrArn.lastIndexOf(":") + 1) : nameOrArn;
}

/** The partition, region and account fields of an ARN, when it has them all. */
export function arnParts(arn: string): { partition: string; region: string; account: string } | undefined {
  const [prefix, partition, , region, account] = arn.split(":");
  if (prefix !== "arn" || !partition || !region || !account) return undefined;
  return { partition, region, account };
}

/** "arn:aws:ecs:us-east-1:123456789012:cluster/prod" → "123456789012"; undefined when not an ARN. */
export function accountOf(arn: string): string | undefined {
  const parts = arn.split(":");
  return parts[0] === "arn" && /^\d{12}$/.test(parts[4] ?? "") ? parts[4] : undefined;
}

/** A short task ID for titles, like the console shows. */
export function shortTaskId(arn: string): string {
  return resourceName(arn).slice(0, 8);
}

/** "web:3" or its ARN → { family: "web", revision: 3 }; revision 0 when there is none. */
export function familyRevision(taskDefinition: string): { family: string; revision: number } {
  const name = resourceName(taskDefinition);
  const colon = name.lastIndexOf(":");
  if (colon < 0) return { family: name, revision: 0 };
  return { family: name.slice(0, colon), revision: Number(name.slice(colon + 1)) || 0 };
}

/** The revision of a task definition as a table shows it: "3" for "web:3" or its ARN, "" for none. */
export function taskDefinitionRevision(taskDefinition: string | undefined): string {
  const { revision } = familyRevision(taskDefinition ?? "");
  return revision ? String(revision) : "";
}
