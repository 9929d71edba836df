// The simulator models the ECS token buckets (docs/aws.md, "ECS throttling"): a burst, then
// ThrottlingException "Rate exceeded", refilled at the sustained rate on the injected clock;
// categories are separate.
import {
  DescribeClustersCommand,
  DescribeServicesCommand,
  ListClustersCommand,
  ListServicesCommand,
  ListTasksCommand,
} from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import type { SimOptions } from "../../../source/sim/index.js";
import { simulatedEcs } from "../../helpers/sim-client.js";

function setup(options: SimOptions = {}) {
  return simulatedEcs(options);
}

async function outcomes(calls: number, send: () => Promise<unknown>): Promise<string[]> {
  const results: string[] = [];
  for (let i = 0; i < calls; i++) {
    try {
      await send();
      results.push("ok");
    } catch (error) {
      results.push((error as Error).name);
    }
  }
  return results;
}

describe("simulated ECS: throttling", () => {
  it("allows the cluster-read burst of 50, then answers ThrottlingException: Rate exceeded", async () => {
    const { ecs, sim } = setup();
    const results = await outcomes(50, () => ecs.send(new ListClustersCommand({})));
    expect(results.every((result) => result === "ok")).toBe(true);
    let error: (Error & { $metadata?: { httpStatusCode?: number } }) | undefined;
    try {
      await ecs.send(new DescribeClustersCommand({ clusters: ["prod"] }));
    } catch (caught) {
      error = caught as typeof error;
    }
    expect(error?.name).toBe("ThrottlingException");
    expect(error?.message).toBe("Rate exceeded");
    expect(error?.$metadata?.httpStatusCode).toBe(400);
    expect(sim.calls.throttled()).toEqual({ DescribeClusters: 1 });
    expect(sim.calls.byOperation()).toEqual({ ListClusters: 50, DescribeClusters: 1 });
  });

  it("keeps categories apart: an empty cluster-read bucket does not throttle service or task reads", async () => {
    const { ecs } = setup();
    await outcomes(51, () => ecs.send(new ListClustersCommand({})));
    await expect(ecs.send(new ListServicesCommand({ cluster: "prod" }))).resolves.toBeDefined();
    await expect(ecs.send(new ListTasksCommand({ cluster: "prod" }))).resolves.toBeDefined();
  });

  it("allows the service-read burst of 100 shared by ListServices and DescribeServices", async () => {
    const { ecs } = setup();
    const list = await outcomes(60, () => ecs.send(new ListServicesCommand({ cluster: "prod" })));
    const describe = await outcomes(41, () =>
      ecs.send(new DescribeServicesCommand({ cluster: "prod", services: ["checkout"] })),
    );
    expect([...list, ...describe].filter((result) => result === "ok")).toHaveLength(100);
    expect(describe.at(-1)).toBe("ThrottlingException");
  });

  it("refills at the sustained rate on the injected clock", async () => {
    const { ecs, clock } = setup();
    await outcomes(50, () => ecs.send(new ListClustersCommand({})));
    expect(await outcomes(1, () => ecs.send(new ListClustersCommand({})))).toEqual(["ThrottlingException"]);
    clock.advance(1000);
    const afterOneSecond = await outcomes(21, () => ecs.send(new ListClustersCommand({})));
    expect(afterOneSecond.filter((result) => result === "ok")).toHaveLength(20);
    expect(afterOneSecond.at(-1)).toBe("ThrottlingException");
    clock.advance(60_000);
    const afterAMinute = await outcomes(51, () => ecs.send(new ListClustersCommand({})));
    expect(afterAMinute.filter((result) => result === "ok")).toHaveLength(50);
  });

  it("does not throttle when throttle is false", async () => {
    const { ecs, sim } = setup({ throttle: false });
    const results = await outcomes(200, () => ecs.send(new ListClustersCommand({})));
    expect(results.every((result) => result === "ok")).toBe(true);
    expect(sim.calls.throttled()).toEqual({});
    expect(sim.calls.total()).toBe(200);
  });
});
