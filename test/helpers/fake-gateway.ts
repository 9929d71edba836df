// A gateway whose answers a test changes between refreshes, and which counts the calls it gets.
import type { Cluster, Service } from "@aws-sdk/client-ecs";
import type { EcsGateway } from "../../source/aws/ecs-gateway.js";
import { fail, ok } from "../../source/aws/failure.js";

export const clusterArn = (name: string) => `arn:aws:ecs:us-east-1:123456789012:cluster/${name}`;
export const serviceArn = (name: string) => `arn:aws:ecs:us-east-1:123456789012:service/prod/${name}`;

/** A gateway whose answers the test changes between refreshes. */
export function fakeGateway() {
  const world = {
    clusters: ["prod", "staging", "dev"],
    services: ["api", "billing", "checkout", "search", "web"],
    desired: new Map<string, number>(),
    failClusters: false,
    /** Calls received, by gateway method. */
    calls: { listClusterArns: 0, listServiceArns: 0 },
  };
  const gateway = {
    listClusterArns: async () =>
      ++world.calls.listClusterArns && world.failClusters
        ? fail({
            kind: "throttled",
            operation: "ListClusters",
            code: "ThrottlingException",
            message: "Rate exceeded",
          })
        : ok(world.clusters.map(clusterArn)),
    describeClusters: async (arns: string[]) =>
      ok(
        arns.map((arn): Cluster => ({
          clusterArn: arn,
          clusterName: arn.split("/").pop(),
          status: "ACTIVE",
        })),
      ),
    listServiceArns: async () => {
      world.calls.listServiceArns += 1;
      return ok(world.services.map(serviceArn));
    },
    describeServices: async (_cluster: string, arns: string[], onBatch?: (s: Service[]) => void) => {
      const services = arns.map((arn): Service => ({
        serviceArn: arn,
        serviceName: arn.split("/").pop(),
        status: "ACTIVE",
        desiredCount: world.desired.get(arn.split("/").pop()!) ?? 1,
      }));
      onBatch?.(services);
      return ok(services);
    },
  };
  return { world, gateway: gateway as unknown as EcsGateway };
}
