// What `c` copies from a row: the ways to refer to it, most precise first. Most rows are keyed by
// an ARN; a kind whose key is something else (a container's name, a target's address) says so in
// its own `references`.
import { resourceName } from "../core/arn.js";

export interface Reference {
  label: "ARN" | "ID" | "name" | "image" | "digest";
  value: string;
}

/**
 * A row keyed by its ARN: the ARN, then its last part as a name or an ID (a task's, a container
 * instance's). A key that is no ARN is copied as an ID.
 */
export function arnReferences(key: string, short: "name" | "ID" = "name"): Reference[] {
  if (!key.startsWith("arn:")) return [{ label: "ID", value: key }];
  return [
    { label: "ARN", value: key },
    { label: short, value: resourceName(key) },
  ];
}
