// The zone spread of a service's running tasks and when it warns, and which task a load balancer
// target is (by ENI address, or by host port for instance targets).
import type { Task } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { azSpread, spreadText } from "../../../source/kinds/az-spread.js";
import { matchTargets } from "../../../source/kinds/target-match.js";

let n = 0;
function task(zone: string, subnet: string, options: Partial<Task> & { ip?: string } = {}): Task {
  const { ip = `10.0.0.${++n}`, ...rest } = options;
  return {
    taskArn: `arn:aws:ecs:us-east-1:123456789012:task/prod/${String(++n).padStart(32, "0")}`,
    availabilityZone: zone,
    lastStatus: "RUNNING",
    desiredStatus: "RUNNING",
    attachments: [
      {
        type: "ElasticNetworkInterface",
        details: [
          { name: "subnetId", value: subnet },
          { name: "privateIPv4Address", value: ip },
        ],
      },
    ],
    ...rest,
  };
}

const A: readonly [string, string] = ["us-east-1a", "subnet-a"];
const B: readonly [string, string] = ["us-east-1b", "subnet-b"];
const C: readonly [string, string] = ["us-east-1c", "subnet-c"];
const SUBNETS = ["subnet-a", "subnet-b", "subnet-c"];

describe("azSpread", () => {
  it("counts running tasks per zone, in zone order, and is quiet when balanced", () => {
    const spread = azSpread(
      [task(...B), task(...A), task(...C), task(...A), task(...B), task(...C)],
      SUBNETS,
    );
    expect(spread).toEqual({
      zones: [
        { zone: "us-east-1a", tasks: 2 },
        { zone: "us-east-1b", tasks: 2 },
        { zone: "us-east-1c", tasks: 2 },
      ],
      warning: undefined,
    });
    expect(spreadText(spread)).toEqual({ text: "us-east-1a 2 · us-east-1b 2 · us-east-1c 2" });
  });

  it("accepts zones one task apart (8 tasks over 3 zones)", () => {
    const tasks = [A, A, A, B, B, B, C, C].map((where) => task(...where));
    expect(azSpread(tasks, SUBNETS).warning).toBeUndefined();
  });

  it("warns when one zone holds every task", () => {
    const spread = azSpread([task(...A), task(...A), task(...A)]);
    expect(spread.warning).toBe("all in us-east-1a");
    expect(spreadText(spread)).toEqual({ text: "us-east-1a 3 (all in us-east-1a)", tone: "warn" });
  });

  it("names a subnet of the service without tasks by its zone when a stopped task says it, else by its ID", () => {
    const stoppedInC = task(...C, { lastStatus: "STOPPED", desiredStatus: "STOPPED" });
    const tasks = [task(...A), task(...A), task(...B), task(...B), stoppedInC];
    expect(azSpread(tasks, SUBNETS)).toEqual({
      zones: [
        { zone: "us-east-1a", tasks: 2 },
        { zone: "us-east-1b", tasks: 2 },
        { zone: "us-east-1c", tasks: 0 },
      ],
      warning: "none in us-east-1c",
    });
    expect(azSpread(tasks.slice(0, 4), SUBNETS).warning).toBe("none in subnet-c");
  });

  it("does not count draining or pending tasks, and does not warn when there are fewer tasks than zones", () => {
    const draining = task(...B, { desiredStatus: "STOPPED" });
    const pending = task(...C, { lastStatus: "PENDING" });
    const spread = azSpread([task(...A), draining, pending], SUBNETS);
    expect(spread.zones).toEqual([
      { zone: "us-east-1a", tasks: 1 },
      { zone: "us-east-1b", tasks: 0 },
      { zone: "us-east-1c", tasks: 0 },
    ]);
    expect(spread.warning).toBeUndefined();
  });

  it("counts a task that does not name its zone under its subnet", () => {
    const spread = azSpread([task("", "subnet-a"), task("", "subnet-b")], ["subnet-a", "subnet-b"]);
    expect(spread.zones).toEqual([
      { zone: "subnet-a", tasks: 1 },
      { zone: "subnet-b", tasks: 1 },
    ]);
  });

  it("calls zones more than one task apart uneven", () => {
    const tasks = [A, A, A, A, B, C].map((where) => task(...where));
    expect(azSpread(tasks, SUBNETS).warning).toBe("uneven");
  });

  it("shows nothing for a service with no tasks", () => {
    expect(spreadText(azSpread([], SUBNETS))).toEqual({ text: "subnet-a 0 · subnet-b 0 · subnet-c 0" });
    expect(azSpread([], SUBNETS).warning).toBeUndefined();
  });
});

describe("matchTargets", () => {
  it("finds an IP target's task by its ENI address, preferring a running task to a stopped one", () => {
    const old = task(...A, { ip: "10.0.1.5", lastStatus: "STOPPED", desiredStatus: "STOPPED" });
    const live = task(...A, { ip: "10.0.1.5" });
    const other = task(...B, { ip: "10.0.2.7" });
    const matcher = matchTargets([live, old, other]);
    expect(matcher.taskFor({ Id: "10.0.1.5", Port: 8080 })).toBe(live);
    expect(matchTargets([old, live]).taskFor({ Id: "10.0.1.5", Port: 8080 })).toBe(live);
    expect(matcher.taskFor({ Id: "10.0.2.7", Port: 8080 })).toBe(other);
    expect(matcher.taskFor({ Id: "10.0.9.9", Port: 8080 })).toBeUndefined();
    expect(matcher.taskFor(undefined)).toBeUndefined();
  });

  it("finds an instance target's task by the host port of a container binding, only when one task has it", () => {
    const bridge = (hostPort: number): Task => ({
      taskArn: `arn:aws:ecs:us-east-1:123456789012:task/batch/${hostPort}`,
      lastStatus: "RUNNING",
      containers: [{ name: "app", networkBindings: [{ containerPort: 8080, hostPort, protocol: "tcp" }] }],
    });
    const first = bridge(32768);
    const matcher = matchTargets([first, bridge(32769), bridge(32769)]);
    expect(matcher.taskFor({ Id: "i-0123456789abcdef0", Port: 32768 })).toBe(first);
    expect(matcher.taskFor({ Id: "i-0123456789abcdef0", Port: 32769 })).toBeUndefined();
  });
});
