// The simulated account stays cheap at scale: 2,000 services and 10,000 tasks build in well under a
// second, and each call costs O(page), not O(world).
import {
  DescribeServicesCommand,
  DescribeTasksCommand,
  ECSClient,
  ListServicesCommand,
  ListTasksCommand,
} from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { createFakeClock, createSimulatedAccount } from "../../source/sim/index.js";

// Generous bounds: shared CI machines are slow and noisy. Typical numbers are in the lead's report.
const BUILD_BUDGET_MS = 1500;
const CALL_BUDGET_MS = 50;

describe("simulated account at scale", () => {
  it("builds 2,000 services and 10,000 tasks quickly, and answers pages cheaply", async () => {
    const clock = createFakeClock();
    const started = performance.now();
    const sim = createSimulatedAccount({ services: 2000, tasks: 10_000, now: clock.now, throttle: false });
    const buildMs = performance.now() - started;
    expect(buildMs).toBeLessThan(BUILD_BUDGET_MS);

    const prod = sim.world.clustersByName.get("prod");
    expect(prod?.services).toHaveLength(2000);
    expect(prod?.services.reduce((sum, service) => sum + service.desiredCount, 0)).toBe(10_000);
    expect(new Set(prod?.services.map((service) => service.name)).size).toBe(2000);

    const ecs = new ECSClient({
      region: sim.region,
      credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "test" },
      requestHandler: sim.requestHandler,
      maxAttempts: 1,
    });
    const timed = async (send: () => Promise<unknown>): Promise<number> => {
      await send();
      const start = performance.now();
      for (let i = 0; i < 10; i++) await send();
      return (performance.now() - start) / 10;
    };
    const page = await ecs.send(new ListServicesCommand({ cluster: "prod", maxResults: 100 }));
    const last = await ecs.send(
      new ListServicesCommand({ cluster: "prod", maxResults: 10, nextToken: page.nextToken }),
    );
    const names = last.serviceArns ?? [];
    const tasks = (await ecs.send(new ListTasksCommand({ cluster: "prod", maxResults: 100 }))).taskArns ?? [];
    const costs = {
      listServices: await timed(() =>
        ecs.send(new ListServicesCommand({ cluster: "prod", maxResults: 100, nextToken: page.nextToken })),
      ),
      describeServices: await timed(() =>
        ecs.send(new DescribeServicesCommand({ cluster: "prod", services: names })),
      ),
      listTasks: await timed(() =>
        ecs.send(new ListTasksCommand({ cluster: "prod", serviceName: "checkout" })),
      ),
      describeTasks: await timed(() => ecs.send(new DescribeTasksCommand({ cluster: "prod", tasks }))),
    };
    for (const [operation, ms] of Object.entries(costs)) expect(ms, operation).toBeLessThan(CALL_BUDGET_MS);

    // An hour of simulated time at this size is a few thousand events, not a rebuild.
    const advanceStart = performance.now();
    clock.advance(60 * 60_000);
    await ecs.send(new ListServicesCommand({ cluster: "prod" }));
    expect(performance.now() - advanceStart).toBeLessThan(BUILD_BUDGET_MS);
  });
});
