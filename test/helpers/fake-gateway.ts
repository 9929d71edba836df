// A gateway whose answers a test changes between refreshes, and which counts the calls it gets.
import type { Cluster, Service, Task } from "@aws-sdk/client-ecs";
import type { EcsGateway } from "../../source/aws/ecs-gateway.js";
import { fail, ok } from "../../source/aws/failure.js";

export const clusterArn = (name: string) => `arn:aws:ecs:us-east-1:123456789012:cluster/${name}`;
export const serviceArn = (name: string) => `arn:aws:ecs:us-east-1:123456789012:service/prod/${name}`;
export const taskArn = (id: string) => `arn:aws:ecs:us-east-1:123456789012:task/prod/${id}`;

/** A gateway whose answers the test changes between refreshes. */
export function fakeGateway() {
  const world = {
    clusters: ["prod", "staging", "dev"],
    services: ["api", "billing", "checkout", "search", "web"],
    desired: new Map<string, number>(),
    /** Running tasks by service (default: the desired count). */
    running: new Map<string, number>(),
    /** Every service has these tasks; lastStatus by task id (default RUNNING). */
    tasks: new Map<string, string>([
      ["aaaa1111", "RUNNING"],
      ["bbbb2222", "RUNNING"],
      ["cccc3333", "RUNNING"],
    ]),
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
      const services = arns.map((arn): Service => {
        const name = arn.split("/").pop()!;
        const desiredCount = world.desired.get(name) ?? 1;
        return {
          serviceArn: arn,
          serviceName: name,
          clusterArn: clusterArn("prod"),
          status: "ACTIVE",
          desiredCount,
          runningCount: world.running.get(name) ?? desiredCount,
          pendingCount: 0,
        };
      });
      onBatch?.(services);
      return ok(services);
    },
    listTaskArns: async () => ok([...world.tasks.keys()].map(taskArn)),
    describeTasks: async (_cluster: string, arns: string[]) =>
      ok(
        arns.map((arn): Task => {
          const id = arn.split("/").pop()!;
          const lastStatus = world.tasks.get(id) ?? "RUNNING";
          return {
            taskArn: arn,
            clusterArn: clusterArn("prod"),
            lastStatus,
            desiredStatus: lastStatus === "RUNNING" ? "RUNNING" : "STOPPED",
            startedAt: new Date(Number.parseInt(id.slice(-4), 10) * 1000),
          };
        }),
      ),
  };
  return { world, gateway: gateway as unknown as EcsGateway };
}
