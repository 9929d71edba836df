// ListServices and DescribeServices.
import type { DescribeServicesResponse, Failure, ListServicesResponse, Service } from "@aws-sdk/client-ecs";
import { optionalInteger, optionalString, stringList } from "../input.js";
import { pageRequest, paginate } from "../pagination.js";
import type { JsonObject } from "../protocol.js";
import { resourceRef, serviceArn } from "./arns.js";
import { checkBatch, includeSet, requireCluster } from "./ops-common.js";
import { renderService } from "./render-service.js";
import type { World } from "./world.js";

export function listServices(world: World, input: JsonObject): ListServicesResponse {
  const cluster = requireCluster(world, input);
  const launchType = optionalString(input, "launchType");
  const schedulingStrategy = optionalString(input, "schedulingStrategy");
  const scope = `ListServices|${cluster.name}|${launchType ?? ""}|${schedulingStrategy ?? ""}`;
  const page = pageRequest(optionalInteger(input, "maxResults"), optionalString(input, "nextToken"), scope, {
    defaultSize: 10,
    max: 100,
  });
  const result = paginate(
    cluster.services,
    (service) => service.seq,
    (service) =>
      service.status !== "INACTIVE" &&
      (launchType === undefined || service.launchType === launchType) &&
      (schedulingStrategy === undefined || schedulingStrategy === "REPLICA"),
    page,
    scope,
  );
  return { serviceArns: result.items.map((service) => service.arn), nextToken: result.nextToken };
}

export function describeServices(world: World, input: JsonObject): DescribeServicesResponse {
  const requested = stringList(input, "services");
  checkBatch(requested, 10, "Services cannot be empty.", "service names can have at most 10 items.");
  const cluster = requireCluster(world, input);
  const include = includeSet(input);
  const services: Service[] = [];
  const failures: Failure[] = [];
  for (const value of requested) {
    const ref = resourceRef(world, value, "service");
    const sameCluster =
      ref !== undefined && !ref.foreign && (ref.cluster === undefined || ref.cluster === cluster.name);
    const service = sameCluster ? cluster.servicesByName.get(ref.name) : undefined;
    if (service !== undefined) services.push(renderService(world, service, include.has("TAGS")));
    else
      failures.push({
        arn: value.startsWith("arn:") ? value : serviceArn(world, cluster.name, value),
        reason: "MISSING",
      });
  }
  return { services, failures };
}
