// Time moves on in the simulated account, driven only by the injected clock: tasks start,
// rollouts finish, the crash-looping service keeps failing, stopped tasks age out, and every
// count the API reports agrees with the tasks it lists.
import {
  DescribeClustersCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ECSClient,
  ListServicesCommand,
  ListTasksCommand,
  type Service,
  type Task,
} from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { createFakeClock, type SimOptions } from "../../../source/sim/index.js";
import { simulatedEcs } from "../../helpers/sim-client.js";

function setup(options: SimOptions = {}) {
  return simulatedEcs({ throttle: false, ...options });
}

async function listAll(
  ecs: ECSClient,
  input: ConstructorParameters<typeof ListTasksCommand>[0],
): Promise<string[]> {
  const arns: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await ecs.send(new ListTasksCommand({ ...input, nextToken }));
    arns.push(...(page.taskArns ?? []));
    nextToken = page.nextToken;
  } while (nextToken !== undefined);
  return arns;
}

async function describeAll(ecs: ECSClient, cluster: string, arns: string[]): Promise<Task[]> {
  const tasks: Task[] = [];
  for (let i = 0; i < arns.length; i += 100) {
    const page = await ecs.send(new DescribeTasksCommand({ cluster, tasks: arns.slice(i, i + 100) }));
    expect(page.failures).toEqual([]);
    tasks.push(...(page.tasks ?? []));
  }
  return tasks;
}

async function service(ecs: ECSClient, cluster: string, name: string): Promise<Service> {
  const result = await ecs.send(new DescribeServicesCommand({ cluster, services: [name] }));
  const found = result.services?.[0];
  if (found === undefined) throw new Error(`no service ${name}`);
  return found;
}

async function allServices(ecs: ECSClient, cluster: string): Promise<Service[]> {
  const names: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await ecs.send(new ListServicesCommand({ cluster, maxResults: 100, nextToken }));
    names.push(...(page.serviceArns ?? []));
    nextToken = page.nextToken;
  } while (nextToken !== undefined);
  const services: Service[] = [];
  for (let i = 0; i < names.length; i += 10) {
    const page = await ecs.send(new DescribeServicesCommand({ cluster, services: names.slice(i, i + 10) }));
    services.push(...(page.services ?? []));
  }
  return services;
}

const PENDING = new Set(["PROVISIONING", "PENDING", "ACTIVATING"]);

/** Cluster, service and deployment counts all agree with the tasks the API lists. */
async function expectConsistentCounts(ecs: ECSClient, cluster: string): Promise<void> {
  const running = await listAll(ecs, { cluster });
  const stopped = await listAll(ecs, { cluster, desiredStatus: "STOPPED" });
  const tasks = await describeAll(ecs, cluster, [...running, ...stopped]);
  const [described] = (await ecs.send(new DescribeClustersCommand({ clusters: [cluster] }))).clusters ?? [];
  const isRunning = (task: Task): boolean => task.lastStatus === "RUNNING";
  const isPending = (task: Task): boolean => PENDING.has(task.lastStatus ?? "");
  expect(described?.runningTasksCount).toBe(tasks.filter(isRunning).length);
  expect(described?.pendingTasksCount).toBe(tasks.filter(isPending).length);
  expect(running.length).toBe(tasks.filter((task) => task.desiredStatus === "RUNNING").length);
  expect(
    tasks
      .filter((task) => task.desiredStatus === "RUNNING")
      .every((task) => isRunning(task) || isPending(task)),
  ).toBe(true);

  const services = await allServices(ecs, cluster);
  expect(described?.activeServicesCount).toBe(services.length);
  for (const svc of services) {
    const own = tasks.filter((task) => task.group === `service:${svc.serviceName}`);
    expect(svc.runningCount, svc.serviceName).toBe(own.filter(isRunning).length);
    expect(svc.pendingCount, svc.serviceName).toBe(own.filter(isPending).length);
    const deployments = svc.deployments ?? [];
    expect(deployments[0]?.status).toBe("PRIMARY");
    expect(deployments.reduce((sum, d) => sum + (d.runningCount ?? 0), 0)).toBe(svc.runningCount);
    expect(deployments.reduce((sum, d) => sum + (d.pendingCount ?? 0), 0)).toBe(svc.pendingCount);
    for (const deployment of deployments) {
      const ofDeployment = own.filter((task) => task.startedBy === deployment.id);
      expect(deployment.runningCount).toBe(ofDeployment.filter(isRunning).length);
    }
    expect(svc.events?.length).toBeLessThanOrEqual(100);
  }
}

describe("simulated ECS: time", () => {
  it("builds the same world for the same seed and clock, and another for another seed", async () => {
    const first = setup();
    const second = setup();
    const other = setup({ seed: 2 });
    const names = ["checkout", "payments-worker", "api-gateway", "search-indexer"];
    const describeIn = (ecs: ECSClient) =>
      ecs.send(new DescribeServicesCommand({ cluster: "prod", services: names }));
    const a = await describeIn(first.ecs);
    const b = await describeIn(second.ecs);
    const c = await describeIn(other.ecs);
    const strip = (value: unknown) =>
      JSON.stringify(value, (key, item: unknown) => (key === "$metadata" ? undefined : item));
    expect(strip(a)).toBe(strip(b));
    expect(strip(a)).not.toBe(strip(c));
  });

  it("moves a starting task through PENDING to RUNNING", async () => {
    const { ecs, clock } = setup();
    const arns = await listAll(ecs, { cluster: "prod", serviceName: "search-indexer" });
    const starting = (await describeAll(ecs, "prod", arns)).filter((task) =>
      PENDING.has(task.lastStatus ?? ""),
    );
    expect(starting.length).toBeGreaterThan(0);
    const taskArn = starting[0]?.taskArn ?? "";
    const seen = new Set<string>([starting[0]?.lastStatus ?? ""]);
    let task: Task | undefined;
    for (let second = 0; second < 90 && task?.lastStatus !== "RUNNING"; second += 2) {
      clock.advance(2000);
      [task] = await describeAll(ecs, "prod", [taskArn]);
      seen.add(task?.lastStatus ?? "");
    }
    expect(seen.has("PENDING")).toBe(true);
    expect(task?.lastStatus).toBe("RUNNING");
    expect(task?.desiredStatus).toBe("RUNNING");
    expect(task?.startedAt?.getTime()).toBeLessThanOrEqual(clock.now());
    expect(task?.pullStartedAt).toBeInstanceOf(Date);
    expect(
      task?.containers?.every((container) => container.lastStatus === "RUNNING" && container.runtimeId),
    ).toBe(true);
  });

  it("completes the checkout rollout within a few minutes, keeping counts consistent on the way", async () => {
    const { ecs, clock } = setup();
    const before = await service(ecs, "prod", "checkout");
    expect(before.deployments?.map((d) => [d.status, d.rolloutState])).toEqual([
      ["PRIMARY", "IN_PROGRESS"],
      ["ACTIVE", "COMPLETED"],
    ]);
    const newTaskDefinition = before.deployments?.[0]?.taskDefinition;
    expect(before.taskDefinition).toBe(newTaskDefinition);
    let after = before;
    for (let step = 0; step < 60 && after.deployments?.length !== 1; step++) {
      clock.advance(15_000);
      after = await service(ecs, "prod", "checkout");
      // maximumPercent 125 of 6 tasks: never more than 7 running or pending.
      expect((after.runningCount ?? 0) + (after.pendingCount ?? 0)).toBeLessThanOrEqual(7);
      if (step % 8 === 0) await expectConsistentCounts(ecs, "prod");
    }
    expect(clock.now() - createFakeClock().now()).toBeGreaterThan(3 * 60_000);
    expect(after.deployments).toHaveLength(1);
    expect(after.deployments?.[0]?.rolloutState).toBe("COMPLETED");
    expect(after.deployments?.[0]?.taskDefinition).toBe(newTaskDefinition);
    expect(after.runningCount).toBe(6);
    expect(after.events?.[0]?.message).toBe("(service checkout) has reached a steady state.");
    expect(after.events?.[1]?.message).toMatch(
      /^\(service checkout\) \(deployment ecs-svc\/\d+\) deployment completed\.$/,
    );
    const tasks = await describeAll(
      ecs,
      "prod",
      await listAll(ecs, { cluster: "prod", serviceName: "checkout" }),
    );
    expect(
      tasks.every((task) => task.taskDefinitionArn === newTaskDefinition && task.healthStatus === "HEALTHY"),
    ).toBe(true);
  });

  it("keeps the failing service cycling: OOM kills (exit 137) and failed health checks", async () => {
    const { ecs, clock } = setup();
    const before = await service(ecs, "prod", "payments-worker");
    const failedBefore = before.deployments?.[0]?.failedTasks ?? 0;
    expect(failedBefore).toBeGreaterThan(5);
    expect(before.deployments?.[0]?.rolloutState).toBe("IN_PROGRESS");
    expect(before.runningCount).toBeLessThan(before.desiredCount ?? 0);

    const stoppedBefore = await listAll(ecs, {
      cluster: "prod",
      serviceName: "payments-worker",
      desiredStatus: "STOPPED",
    });
    clock.advance(3 * 60_000);
    const stoppedAfter = await listAll(ecs, {
      cluster: "prod",
      serviceName: "payments-worker",
      desiredStatus: "STOPPED",
    });
    const fresh = stoppedAfter.filter((arn) => !stoppedBefore.includes(arn));
    expect(fresh.length).toBeGreaterThanOrEqual(2);

    const tasks = await describeAll(ecs, "prod", stoppedAfter);
    const oom = tasks.filter((task) => task.stopCode === "EssentialContainerExited");
    expect(oom.length).toBeGreaterThan(0);
    for (const task of oom) {
      expect(task.stoppedReason).toBe("Essential container in task exited");
      const app = task.containers?.find((container) => container.name === "payments-worker");
      expect(app?.exitCode).toBe(137);
      expect(app?.reason).toBe("OutOfMemoryError: Container killed due to memory usage");
    }
    const unhealthy = tasks.filter((task) => task.stoppedReason === "Task failed container health checks");
    expect(unhealthy.length).toBeGreaterThan(0);
    expect(unhealthy.every((task) => task.stopCode === "ServiceSchedulerInitiated")).toBe(true);
    const done = tasks.filter((task) => task.lastStatus === "STOPPED");
    expect(done.every((task) => task.stoppedAt instanceof Date && task.stoppingAt instanceof Date)).toBe(
      true,
    );

    const after = await service(ecs, "prod", "payments-worker");
    expect(after.deployments?.[0]?.failedTasks).toBeGreaterThan(failedBefore);
    const messages = after.events?.map((event) => event.message) ?? [];
    expect(messages.some((message) => message?.includes("failed container health checks"))).toBe(true);
    expect(
      messages.some((message) => message?.includes("is unable to consistently start tasks successfully")),
    ).toBe(true);
    expect(after.events?.[0]?.createdAt?.getTime()).toBeGreaterThan(clock.now() - 3 * 60_000);
  });

  it("sees an UNHEALTHY task before the scheduler replaces it", async () => {
    const { ecs, clock } = setup();
    const healths = new Set<string>();
    for (let step = 0; step < 60; step++) {
      clock.advance(5000);
      const arns = await listAll(ecs, { cluster: "prod", serviceName: "payments-worker" });
      if (arns.length > 0)
        for (const task of await describeAll(ecs, "prod", arns)) healths.add(task.healthStatus ?? "");
    }
    expect(healths.has("UNHEALTHY")).toBe(true);
  });

  it("forgets stopped tasks about an hour after they stopped", async () => {
    const { ecs, clock } = setup();
    const [arn] = await listAll(ecs, {
      cluster: "prod",
      serviceName: "payments-worker",
      desiredStatus: "STOPPED",
    });
    expect(arn).toBeDefined();
    clock.advance(61 * 60_000);
    const result = await ecs.send(new DescribeTasksCommand({ cluster: "prod", tasks: [arn ?? ""] }));
    expect(result.tasks).toEqual([]);
    expect(result.failures).toEqual([{ arn, reason: "MISSING" }]);
    const stillListed = await listAll(ecs, { cluster: "prod", desiredStatus: "STOPPED" });
    expect(stillListed).not.toContain(arn);
  });

  it("keeps every count consistent across clusters after an hour of churn and deployments", async () => {
    const { ecs, clock } = setup();
    for (const cluster of ["prod", "staging", "batch-ec2"]) await expectConsistentCounts(ecs, cluster);
    clock.advance(60 * 60_000);
    for (const cluster of ["prod", "staging", "batch-ec2"]) await expectConsistentCounts(ecs, cluster);
  });

  it("rolls the staging deployment back when its circuit breaker trips", async () => {
    const { ecs, clock } = setup();
    const states: string[] = [];
    let current = await service(ecs, "staging", "notifications");
    for (let step = 0; step < 40; step++) {
      states.push(...(current.deployments ?? []).map((d) => `${d.status}:${d.rolloutState}`));
      clock.advance(5000);
      current = await service(ecs, "staging", "notifications");
    }
    expect(states).toContain("ACTIVE:FAILED");
    expect(current.deployments?.map((d) => d.rolloutState)).toEqual(["COMPLETED"]);
    const messages = current.events?.map((event) => event.message ?? "") ?? [];
    expect(messages.some((message) => /deployment failed: tasks failed to start\.$/.test(message))).toBe(
      true,
    );
    expect(messages.some((message) => message.includes("rolling back to deployment"))).toBe(true);
  });

  it("starts no timers: the world only moves when asked", async () => {
    const { ecs, clock, sim } = setup();
    clock.advance(10 * 60_000);
    const pending = sim.world.pendingEvents;
    expect(pending).toBeGreaterThan(0);
    await ecs.send(new ListServicesCommand({ cluster: "prod" }));
    expect(sim.world.time).toBe(clock.now());
  });
});
