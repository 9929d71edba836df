// The simulated account at the scale of the benchmarks: 2,000 services and 10,000 tasks, pages that
// resume where they stopped, and an hour of simulated time. How fast it is, is measured by
// `npm run bench` (bench/big-cluster.ts), not asserted here.
import {
  DescribeServicesCommand,
  DescribeTasksCommand,
  ECSClient,
  ListServicesCommand,
  ListTasksCommand,
} from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { createFakeClock, createSimulatedAccount } from "../../../source/sim/index.js";

describe("simulated account at scale", () => {
  it("builds 2,000 services and 10,000 tasks and pages through them", async () => {
    const clock = createFakeClock();
    const sim = createSimulatedAccount({ services: 2000, tasks: 10_000, now: clock.now, throttle: false });

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
    const first = await ecs.send(new ListServicesCommand({ cluster: "prod", maxResults: 100 }));
    const second = await ecs.send(
      new ListServicesCommand({ cluster: "prod", maxResults: 100, nextToken: first.nextToken }),
    );
    expect(first.serviceArns).toHaveLength(100);
    expect(second.serviceArns).toHaveLength(100);
    expect(new Set([...(first.serviceArns ?? []), ...(second.serviceArns ?? [])]).size).toBe(200);
    const described = await ecs.send(
      new DescribeServicesCommand({ cluster: "prod", services: (second.serviceArns ?? []).slice(0, 10) }),
    );
    expect(described.services).toHaveLength(10);
    const tasks = (await ecs.send(new ListTasksCommand({ cluster: "prod", maxResults: 100 }))).taskArns ?? [];
    expect(tasks).toHaveLength(100);
    const detail = await ecs.send(new DescribeTasksCommand({ cluster: "prod", tasks }));
    expect(detail.tasks).toHaveLength(100);

    // An hour of simulated time later the account still answers, with every service listed.
    clock.advance(60 * 60_000);
    let count = 0;
    let nextToken: string | undefined;
    do {
      const page = await ecs.send(new ListServicesCommand({ cluster: "prod", maxResults: 100, nextToken }));
      count += page.serviceArns?.length ?? 0;
      nextToken = page.nextToken;
    } while (nextToken);
    expect(count).toBe(2000);
  });
});
