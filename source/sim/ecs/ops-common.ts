// What every ECS operation needs: the cluster parameter, include lists, and ECS's error shapes.
import { optionalString, stringList } from "../input.js";
import { SimError, invalidParameter, type JsonObject } from "../protocol.js";
import type { SimCluster } from "./model.js";
import type { World } from "./world.js";

export const clusterNotFound = (): SimError => new SimError("ClusterNotFoundException", "Cluster not found.");

/** The `cluster` member (name or ARN; "default" when absent), or ClusterNotFoundException. */
export function requireCluster(world: World, input: JsonObject): SimCluster {
  const cluster = world.findCluster(optionalString(input, "cluster"));
  if (cluster === undefined || cluster.status !== "ACTIVE") throw clusterNotFound();
  return cluster;
}

export function includeSet(input: JsonObject): ReadonlySet<string> {
  return new Set(stringList(input, "include"));
}

/** Batch size checks for Describe* calls, with ECS's messages. */
export function checkBatch(
  items: readonly string[],
  max: number,
  emptyMessage: string,
  tooManyMessage: string,
): void {
  if (items.length === 0) throw invalidParameter(emptyMessage);
  if (items.length > max) throw invalidParameter(tooManyMessage);
}
