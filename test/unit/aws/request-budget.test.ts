import { describe, expect, it } from "vitest";
import { RequestBudget, TokenBucket, ecsCategory } from "../../../source/aws/request-budget.js";

describe("TokenBucket", () => {
  it("allows the burst at once, then paces callers at the sustained rate", () => {
    let now = 0;
    const bucket = new TokenBucket({ burst: 3, perSecond: 2 }, () => now);
    expect([bucket.reserve(), bucket.reserve(), bucket.reserve()]).toEqual([0, 0, 0]);
    expect(bucket.reserve()).toBe(500);
    expect(bucket.reserve()).toBe(1000);
    now = 1000; // two tokens refilled, two owed
    expect(bucket.reserve()).toBe(500);
  });

  it("never refills above the burst", () => {
    let now = 0;
    const bucket = new TokenBucket({ burst: 2, perSecond: 10 }, () => now);
    now = 60_000;
    expect([bucket.reserve(), bucket.reserve(), bucket.reserve()]).toEqual([0, 0, 100]);
  });

  it("drain after a throttling answer makes the next caller wait", () => {
    const bucket = new TokenBucket({ burst: 100, perSecond: 20 }, () => 0);
    bucket.drain();
    expect(bucket.reserve()).toBe(50);
  });
});

describe("RequestBudget", () => {
  it("shares one bucket per ECS category, like AWS", () => {
    expect(ecsCategory("ListServices")).toBe(ecsCategory("DescribeServices"));
    expect(ecsCategory("ListTasks")).toBe(ecsCategory("DescribeTasks"));
    expect(ecsCategory("ListClusters")).not.toBe(ecsCategory("ListServices"));
  });

  it('knows the buckets of the calls actions make and prepare (docs/aws.md, "ECS throttling")', () => {
    expect(ecsCategory("UpdateService")).toBe("service-modify");
    expect(ecsCategory("StopServiceDeployment")).toBe("service-modify");
    expect(ecsCategory("StopTask")).toBe("cluster-resource-modify");
    expect(ecsCategory("ListServiceDeployments")).toBe("service-deployment");
    expect(ecsCategory("DescribeServiceDeployments")).toBe("service-deployment");
    expect(ecsCategory("ListTaskDefinitions")).toBe(ecsCategory("DescribeTaskDefinition"));
    expect(ecsCategory("ListServiceDeployments")).not.toBe(ecsCategory("other"));
  });

  it("sleeps for the debt and caps requests in flight", async () => {
    const now = 0;
    const slept: number[] = [];
    const budget = new RequestBudget({
      buckets: {
        "cluster-read": { burst: 1, perSecond: 10 },
        "service-read": { burst: 2, perSecond: 10 },
        "cluster-resource-read": { burst: 1, perSecond: 10 },
        "task-definition-read": { burst: 1, perSecond: 10 },
        other: { burst: 1, perSecond: 1 },
      },
      concurrency: 2,
      now: () => now,
      sleep: async (ms) => {
        slept.push(ms);
      },
    });
    let inFlight = 0;
    let peak = 0;
    const call = () =>
      budget.run("DescribeServices", async () => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight -= 1;
      });
    await Promise.all([call(), call(), call(), call(), call()]);
    expect(slept).toEqual([100, 200, 300]);
    expect(peak).toBe(2);
  });
});
