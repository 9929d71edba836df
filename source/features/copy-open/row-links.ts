// What `c` copies and `o` opens for a row: each kind declares its references and console page
// (kinds/references.ts, kinds/console-pages.ts); this asks the row's kind.
import { KINDS } from "../../kinds/registry.js";
import { arnReferences, type Reference } from "../../kinds/references.js";
import type { KindId, Scope } from "../../kinds/types.js";

export type { Reference };

/** The ways to refer to a row, most precise first. */
export function referencesOf(kind: KindId, key: string): Reference[] {
  return KINDS[kind].references?.(key) ?? arnReferences(key);
}

/**
 * The row's page in the AWS console, or undefined when the console has none (port forwards).
 * `sessionRegion` places what no ARN in scope does: the families listed from no cluster.
 */
export function consoleUrl(
  kind: KindId,
  key: string,
  scope: Scope,
  sessionRegion?: string,
): string | undefined {
  return KINDS[kind].consoleUrl?.(key, scope, sessionRegion);
}
