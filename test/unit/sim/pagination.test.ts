// List pagination the AWS way: default page sizes, maxResults, opaque tokens that walk every
// item exactly once, including the SDK's own paginators, at 2,000 services and 10,000 tasks.
import {
  DescribeClustersCommand,
  ECSClient,
  ListClustersCommand,
  ListServicesCommand,
  ListTasksCommand,
  paginateListServices,
} from "@aws-sdk/client-ecs";
import { beforeAll, describe, expect, it } from "vitest";
import { createFakeClock, createSimulatedAccount, type SimulatedAccount } from "../../../source/sim/index.js";

function client(sim: SimulatedAccount): ECSClient {
  return new ECSClient({
    region: sim.region,
    credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "test" },
    requestHandler: sim.requestHandler,
    maxAttempts: 1,
  });
}

describe("simulated ECS: pagination", () => {
  it("pages ListServices 10 at a time by default", async () => {
    const sim = createSimulatedAccount({ now: createFakeClock().now, throttle: false });
    const ecs = client(sim);
    const sizes: number[] = [];
    const seen = new Set<string>();
    let nextToken: string | undefined;
    do {
      const page = await ecs.send(new ListServicesCommand({ cluster: "prod", nextToken }));
      sizes.push(page.serviceArns?.length ?? 0);
      for (const arn of page.serviceArns ?? []) seen.add(arn);
      nextToken = page.nextToken;
    } while (nextToken !== undefined);
    expect(sizes).toEqual([10, 10, 10, 10, 2]);
    expect(seen.size).toBe(42);
    expect(sim.calls.byOperation()).toEqual({ ListServices: 5 });
  });

  it("pages ListClusters with maxResults 1", async () => {
    const sim = createSimulatedAccount({ now: createFakeClock().now, throttle: false });
    const ecs = client(sim);
    const names: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await ecs.send(new ListClustersCommand({ maxResults: 1, nextToken }));
      expect(page.clusterArns?.length).toBe(1);
      names.push(...(page.clusterArns ?? []).map((arn) => arn.split("/").pop() ?? ""));
      nextToken = page.nextToken;
    } while (nextToken !== undefined);
    expect(names).toEqual(["prod", "staging", "batch-ec2", "legacy"]);
  });

  describe("at 2,000 services and 10,000 tasks", () => {
    let sim: SimulatedAccount;
    let ecs: ECSClient;
    beforeAll(() => {
      sim = createSimulatedAccount({
        services: 2000,
        tasks: 10_000,
        now: createFakeClock().now,
        throttle: false,
      });
      ecs = client(sim);
    });

    it("walks every service exactly once with maxResults 100", async () => {
      const arns: string[] = [];
      let nextToken: string | undefined;
      let pages = 0;
      do {
        const page = await ecs.send(new ListServicesCommand({ cluster: "prod", maxResults: 100, nextToken }));
        expect(page.serviceArns?.length).toBe(100);
        arns.push(...(page.serviceArns ?? []));
        nextToken = page.nextToken;
        pages++;
      } while (nextToken !== undefined);
      expect(pages).toBe(20);
      expect(arns).toHaveLength(2000);
      expect(new Set(arns).size).toBe(2000);
      expect(arns.every((arn) => arn.startsWith("arn:aws:ecs:us-east-1:123456789012:service/prod/"))).toBe(
        true,
      );
    });

    it("works with the SDK's paginateListServices", async () => {
      let count = 0;
      for await (const page of paginateListServices({ client: ecs, pageSize: 100 }, { cluster: "prod" })) {
        count += page.serviceArns?.length ?? 0;
      }
      expect(count).toBe(2000);
    });

    it("walks every task of the cluster once, and the count matches the cluster's", async () => {
      const arns: string[] = [];
      let nextToken: string | undefined;
      do {
        const page = await ecs.send(new ListTasksCommand({ cluster: "prod", nextToken }));
        expect(page.taskArns?.length).toBeLessThanOrEqual(100);
        arns.push(...(page.taskArns ?? []));
        nextToken = page.nextToken;
      } while (nextToken !== undefined);
      expect(new Set(arns).size).toBe(arns.length);
      const [cluster] = (await ecs.send(new DescribeClustersCommand({ clusters: ["prod"] }))).clusters ?? [];
      // desiredStatus RUNNING covers exactly the running and pending tasks (stopping ones are STOPPED-desired).
      expect(arns.length).toBe((cluster?.runningTasksCount ?? 0) + (cluster?.pendingTasksCount ?? 0));
      expect(arns.length).toBeGreaterThanOrEqual(10_000);
    });
  });
});
