// Views opened from the row under the cursor by a key of their own (not enter): `i` on a cluster
// opens its container instances, `i` on a container the image it runs.
import type { ClusterRow } from "../resources/cluster.js";
import type { ContainerRow } from "../resources/container.js";
import type { KindId, Scope } from "../resources/types.js";
import type { ViewEntry } from "./view-cursor.js";

export type RowViewAction = "instances" | "image";

/** The view `action` opens from `row` of `view`, or undefined when it does not apply there. */
export function rowView(
  action: RowViewAction,
  view: Pick<ViewEntry, "kind" | "scope">,
  row: unknown,
): { kind: KindId; scope: Scope } | undefined {
  if (row === undefined) return undefined;
  if (action === "instances" && view.kind === "clusters") {
    const cluster = row as ClusterRow;
    return {
      kind: "instances",
      scope: { clusterArn: cluster.arn, clusterName: cluster.cluster.clusterName ?? cluster.arn },
    };
  }
  if (action === "image" && view.kind === "containers") {
    const container = row as ContainerRow;
    return { kind: "images", scope: { ...view.scope, containerName: container.name } };
  }
  return undefined;
}
