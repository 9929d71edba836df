// Views about the row under the cursor that are not its drill-down: `z`, `e`, `a` and `t` on a
// service open its deployments, events, auto scaling and task definitions, `i` on a cluster its
// container instances, `i` on a container the image it runs, `b` on a service its load balancer
// targets, `n` on a task its network interfaces. Each kind declares its own (`views`).
import { KINDS } from "../kinds/registry.js";
import type { RowViewAction, ViewAt } from "../kinds/types.js";

export type { RowViewAction };

/** The view to open, a reason not to (for the flash), or undefined when the key does not apply here. */
export function rowView(action: RowViewAction, view: ViewAt, row: unknown): ViewAt | string | undefined {
  if (row === undefined) return undefined;
  return KINDS[view.kind].views?.[action]?.(row, view.scope);
}
