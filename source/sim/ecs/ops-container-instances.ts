// ListContainerInstances and DescribeContainerInstances (the EC2 cluster's hosts).
import type {
  ContainerInstance,
  DescribeContainerInstancesResponse,
  Failure,
  ListContainerInstancesResponse,
} from "@aws-sdk/client-ecs";
import { optionalInteger, optionalString, stringList } from "../input.js";
import { pageRequest, paginate } from "../pagination.js";
import type { JsonObject } from "../protocol.js";
import { containerInstanceArn, resourceRef } from "./arns.js";
import { checkBatch, includeSet, requireCluster } from "./ops-common.js";
import { renderContainerInstance } from "./render-cluster.js";
import type { World } from "./world.js";

export function listContainerInstances(world: World, input: JsonObject): ListContainerInstancesResponse {
  const cluster = requireCluster(world, input);
  const status = optionalString(input, "status");
  const scope = `ListContainerInstances|${cluster.name}|${status ?? ""}|${optionalString(input, "filter") ?? ""}`;
  const page = pageRequest(optionalInteger(input, "maxResults"), optionalString(input, "nextToken"), scope, {
    defaultSize: 100,
    max: 100,
  });
  const indexed = cluster.instances.map((instance, index) => ({ instance, index }));
  const result = paginate(
    indexed,
    (entry) => entry.index,
    () => status === undefined || status === "ACTIVE",
    page,
    scope,
  );
  return {
    containerInstanceArns: result.items.map((entry) => entry.instance.arn),
    nextToken: result.nextToken,
  };
}

export function describeContainerInstances(
  world: World,
  input: JsonObject,
): DescribeContainerInstancesResponse {
  const requested = stringList(input, "containerInstances");
  checkBatch(
    requested,
    100,
    "ContainerInstances cannot be empty.",
    "instanceIds can have at most 100 items.",
  );
  const cluster = requireCluster(world, input);
  const include = includeSet(input);
  const containerInstances: ContainerInstance[] = [];
  const failures: Failure[] = [];
  for (const value of requested) {
    const ref = resourceRef(world, value, "container-instance");
    const sameCluster =
      ref !== undefined && !ref.foreign && (ref.cluster === undefined || ref.cluster === cluster.name);
    const instance = sameCluster ? cluster.instancesById.get(ref.name) : undefined;
    if (instance !== undefined) containerInstances.push(renderContainerInstance(instance, include));
    else {
      const arn = value.startsWith("arn:") ? value : containerInstanceArn(world, cluster.name, value);
      failures.push({ arn, reason: "MISSING" });
    }
  }
  return { containerInstances, failures };
}
