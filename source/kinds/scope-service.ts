// The one service a service's sub-view (deployments, events) is about, freshly described.
import type { Service } from "@aws-sdk/client-ecs";
import type { EcsGateway } from "../aws/ecs-gateway.js";
import { onlyOne, type Result } from "../aws/failure.js";
import type { Scope } from "./types.js";

export async function describeScopeService(gateway: EcsGateway, scope: Scope): Promise<Result<Service>> {
  const name = scope.serviceName ?? "";
  return onlyOne(
    await gateway.describeServices(scope.clusterArn ?? "", [name]),
    "DescribeServices",
    `service ${name}`,
  );
}
