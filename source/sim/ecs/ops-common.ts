// What every ECS operation needs: the cluster parameter, include lists, and ECS's error shapes.
import { optionalString, stringList } from "../input.js";
import { SimError, invalidParameter, type JsonObject } from "../protocol.js";
import { resourceRef } from "./arns.js";
import type { SimCluster, SimService, SimTask } from "./model.js";
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

export const serviceNotFound = (): SimError => new SimError("ServiceNotFoundException", "Service not found.");

/** The service named (or ARN'd) by `value` in the cluster, or ServiceNotFoundException. */
export function requireService(world: World, cluster: SimCluster, value: string | undefined): SimService {
  if (value === undefined || value === "") throw invalidParameter("Service name cannot be empty.");
  const ref = resourceRef(world, value, "service");
  const sameCluster =
    ref !== undefined && !ref.foreign && (ref.cluster === undefined || ref.cluster === cluster.name);
  const service = sameCluster ? cluster.servicesByName.get(ref.name) : undefined;
  if (service === undefined) throw serviceNotFound();
  return service;
}

/** The task named (by id or ARN) by `value` in the cluster, if the cluster has it. */
export function findTask(world: World, cluster: SimCluster, value: string): SimTask | undefined {
  const ref = resourceRef(world, value, "task");
  const sameCluster =
    ref !== undefined && !ref.foreign && (ref.cluster === undefined || ref.cluster === cluster.name);
  return sameCluster ? cluster.tasksById.get(ref.name) : undefined;
}

/** findTask(), or ECS's answer for a task it does not know (or no longer shows) to a call on it. */
export function requireTask(world: World, cluster: SimCluster, value: string): SimTask {
  const task = findTask(world, cluster, value);
  if (task === undefined || task.purged) throw invalidParameter("The referenced task was not found.");
  return task;
}

/** ServiceNotActiveException for a DRAINING or INACTIVE service. */
export function requireActive(service: SimService): SimService {
  if (service.status !== "ACTIVE") throw new SimError("ServiceNotActiveException", "Service was not ACTIVE.");
  return service;
}
