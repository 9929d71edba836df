// The simulated account applies the UI's actions the way ECS does, over simulated time: UpdateService
// scales through the scheduler and starts deployments (force, another revision), toggles exec for
// tasks started afterwards, and validates like ECS; StopTask stops a task with the caller's reason and
// the service replaces it.
import {
  DescribeTasksCommand,
  ECSClient,
  ListTasksCommand,
  StopTaskCommand,
  UpdateServiceCommand,
  type Service,
  type Task,
} from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import type { FakeClock } from "../../../source/sim/index.js";
import { describeService, simulatedEcs } from "../../helpers/sim-client.js";
import { failure } from "../../helpers/sim-logs-client.js";

function setup() {
  return simulatedEcs({ throttle: false });
}

async function tasksOf(
  ecs: ECSClient,
  name: string,
  desiredStatus: "RUNNING" | "STOPPED" = "RUNNING",
): Promise<Task[]> {
  const arns =
    (await ecs.send(new ListTasksCommand({ cluster: "prod", serviceName: name, desiredStatus }))).taskArns ??
    [];
  if (arns.length === 0) return [];
  return (await ecs.send(new DescribeTasksCommand({ cluster: "prod", tasks: arns }))).tasks ?? [];
}

/** Moves the clock in steps until the service satisfies `done` (or `limitMs` passes). */
async function until(
  ecs: ECSClient,
  clock: FakeClock,
  name: string,
  done: (service: Service) => boolean,
  limitMs = 10 * 60_000,
): Promise<Service> {
  let current = await describeService(ecs, name);
  for (let waited = 0; !done(current) && waited < limitMs; waited += 5000) {
    clock.advance(5000);
    current = await describeService(ecs, name);
  }
  return current;
}

const steady = (desired: number) => (svc: Service) =>
  svc.deployments?.length === 1 &&
  svc.deployments[0]?.rolloutState === "COMPLETED" &&
  svc.runningCount === desired &&
  svc.pendingCount === 0;

describe("simulated ECS: UpdateService", () => {
  it("scales out and in over time through the scheduler, without a new deployment", async () => {
    const { ecs, clock } = setup();
    const before = await describeService(ecs, "pricing");
    expect(before.desiredCount).toBe(4);
    const deploymentId = before.deployments?.[0]?.id;

    const response = await ecs.send(
      new UpdateServiceCommand({ cluster: "prod", service: "pricing", desiredCount: 7 }),
    );
    expect(response.service?.desiredCount).toBe(7);
    expect(response.service?.pendingCount).toBe(3);
    expect(response.service?.deployments?.map((d) => d.id)).toEqual([deploymentId]);
    expect(response.service?.events?.[0]?.message).toMatch(/^\(service pricing\) has started 3 tasks: /);

    const out = await until(ecs, clock, "pricing", steady(7));
    expect(out.runningCount).toBe(7);
    expect(out.deployments?.map((d) => d.id)).toEqual([deploymentId]);
    expect((await tasksOf(ecs, "pricing")).every((task) => task.startedBy === deploymentId)).toBe(true);

    await ecs.send(new UpdateServiceCommand({ cluster: "prod", service: "pricing", desiredCount: 1 }));
    const scaledIn = await describeService(ecs, "pricing");
    expect(scaledIn.desiredCount).toBe(1);
    expect(scaledIn.events?.slice(0, 3).map((event) => event.message)).toContainEqual(
      expect.stringMatching(/^\(service pricing\) has stopped 6 running tasks: /),
    );
    const stopping = await tasksOf(ecs, "pricing", "STOPPED");
    expect(stopping.filter((task) => task.stopCode === "ServiceSchedulerInitiated")).toHaveLength(6);
    expect(stopping[0]?.stoppedReason).toBe(`Scaling activity initiated by (deployment ${deploymentId})`);
    const inDone = await until(ecs, clock, "pricing", steady(1));
    expect(inDone.runningCount).toBe(1);

    await ecs.send(new UpdateServiceCommand({ cluster: "prod", service: "pricing", desiredCount: 0 }));
    expect((await until(ecs, clock, "pricing", (svc) => svc.runningCount === 0)).runningCount).toBe(0);
  });

  it("restarts with forceNewDeployment: a new PRIMARY deployment of the same revision rolls every task", async () => {
    const { ecs, clock } = setup();
    const before = await describeService(ecs, "pricing");
    const oldTasks = (await tasksOf(ecs, "pricing")).map((task) => task.taskArn);
    const response = await ecs.send(
      new UpdateServiceCommand({ cluster: "prod", service: "pricing", forceNewDeployment: true }),
    );
    const deployments = response.service?.deployments ?? [];
    expect(deployments.map((d) => [d.status, d.rolloutState])).toEqual([
      ["PRIMARY", "IN_PROGRESS"],
      ["ACTIVE", "COMPLETED"],
    ]);
    expect(deployments[0]?.taskDefinition).toBe(before.taskDefinition);
    expect(deployments[0]?.id).not.toBe(before.deployments?.[0]?.id);
    const newId = deployments[0]?.id;

    // minimumHealthyPercent 100 and maximumPercent 200: never fewer than 4 serving, at most 8 tasks.
    let current = await describeService(ecs, "pricing");
    for (let waited = 0; !steady(4)(current) && waited < 10 * 60_000; waited += 5000) {
      expect((current.runningCount ?? 0) + (current.pendingCount ?? 0)).toBeLessThanOrEqual(8);
      expect(current.runningCount).toBeGreaterThanOrEqual(4);
      clock.advance(5000);
      current = await describeService(ecs, "pricing");
    }
    expect(steady(4)(current)).toBe(true);
    expect(current.deployments?.[0]?.id).toBe(newId);
    const tasks = await tasksOf(ecs, "pricing");
    expect(tasks.every((task) => task.startedBy === newId && !oldTasks.includes(task.taskArn))).toBe(true);
    const messages = current.events?.map((event) => event.message) ?? [];
    expect(messages).toContain(`(service pricing) (deployment ${newId}) deployment completed.`);
  });

  it("deploys another revision of the task definition, by family:revision or ARN", async () => {
    const { ecs, clock } = setup();
    const before = await describeService(ecs, "pricing");
    const current = before.taskDefinition ?? "";
    const revision = Number(current.split(":").pop());
    const previous = `pricing:${revision - 1}`;
    const response = await ecs.send(
      new UpdateServiceCommand({ cluster: "prod", service: "pricing", taskDefinition: previous }),
    );
    const arn = current.replace(/:\d+$/, `:${revision - 1}`);
    expect(response.service?.taskDefinition).toBe(arn);
    expect(response.service?.deployments?.[0]?.taskDefinition).toBe(arn);
    const done = await until(ecs, clock, "pricing", steady(4));
    expect(done.taskDefinition).toBe(arn);
    expect((await tasksOf(ecs, "pricing")).every((task) => task.taskDefinitionArn === arn)).toBe(true);

    // The same revision again starts nothing; the ARN of the newest one starts a deployment.
    const same = await ecs.send(
      new UpdateServiceCommand({ cluster: "prod", service: "pricing", taskDefinition: arn }),
    );
    expect(same.service?.deployments).toHaveLength(1);
    const back = await ecs.send(
      new UpdateServiceCommand({ cluster: "prod", service: "pricing", taskDefinition: current }),
    );
    expect(back.service?.deployments?.map((d) => d.taskDefinition)).toEqual([current, arn]);
  });

  it("turns exec on for tasks started afterwards; running tasks keep what they had", async () => {
    const { ecs, clock } = setup();
    const before = await describeService(ecs, "email-sender");
    expect(before.enableExecuteCommand).toBe(false);
    const response = await ecs.send(
      new UpdateServiceCommand({ cluster: "prod", service: "email-sender", enableExecuteCommand: true }),
    );
    expect(response.service?.enableExecuteCommand).toBe(true);
    expect(response.service?.deployments).toHaveLength(1);
    const running = await tasksOf(ecs, "email-sender");
    expect(running.every((task) => task.enableExecuteCommand === false)).toBe(true);
    expect(running[0]?.containers?.[0]?.managedAgents).toBeUndefined();

    // A task started now (the replacement of a stopped one) has the exec agent.
    await ecs.send(new StopTaskCommand({ cluster: "prod", task: running[0]?.taskArn, reason: "exec on" }));
    await until(ecs, clock, "email-sender", steady(2));
    const fresh = (await tasksOf(ecs, "email-sender")).filter((task) => task.taskArn !== running[1]?.taskArn);
    expect(fresh).toHaveLength(1);
    expect(fresh[0]?.enableExecuteCommand).toBe(true);
    expect(fresh[0]?.containers?.[0]?.managedAgents?.[0]).toMatchObject({
      name: "ExecuteCommandAgent",
      lastStatus: "RUNNING",
    });

    const off = await ecs.send(
      new UpdateServiceCommand({ cluster: "prod", service: "email-sender", enableExecuteCommand: false }),
    );
    expect(off.service?.enableExecuteCommand).toBe(false);
  });

  it("updates minimumHealthyPercent, maximumPercent and the circuit breaker without a deployment", async () => {
    const { ecs } = setup();
    const response = await ecs.send(
      new UpdateServiceCommand({
        cluster: "prod",
        service: "pricing",
        deploymentConfiguration: {
          minimumHealthyPercent: 50,
          maximumPercent: 150,
          deploymentCircuitBreaker: { enable: true, rollback: false },
        },
      }),
    );
    expect(response.service?.deploymentConfiguration).toMatchObject({
      minimumHealthyPercent: 50,
      maximumPercent: 150,
      deploymentCircuitBreaker: { enable: true, rollback: false },
    });
    expect(response.service?.deployments).toHaveLength(1);
  });

  it("answers bad updates with ECS's errors and changes nothing", async () => {
    const { ecs, sim } = setup();
    const update = (input: Partial<ConstructorParameters<typeof UpdateServiceCommand>[0]>) =>
      failure(ecs.send(new UpdateServiceCommand({ cluster: "prod", service: "pricing", ...input })));

    const negative = await update({ desiredCount: -1 });
    expect(negative.name).toBe("InvalidParameterException");
    expect(negative.message).toMatch(/desired count must be greater than or equal to 0/);

    const noService = await update({ service: "nope", desiredCount: 3 });
    expect([noService.name, noService.message]).toEqual(["ServiceNotFoundException", "Service not found."]);
    const otherCluster = await update({
      service: "arn:aws:ecs:us-east-1:123456789012:service/staging/pricing",
    });
    expect(otherCluster.name).toBe("ServiceNotFoundException");
    const noCluster = await update({ cluster: "nope", desiredCount: 3 });
    expect([noCluster.name, noCluster.message]).toEqual(["ClusterNotFoundException", "Cluster not found."]);

    const noRevision = await update({ taskDefinition: "pricing:99999" });
    expect([noRevision.name, noRevision.message]).toEqual(["ClientException", "TaskDefinition not found."]);
    const noFamily = await update({ taskDefinition: "nope" });
    expect(noFamily.name).toBe("ClientException");
    const ec2Family = [...sim.world.families.values()].find((family) => family.compatibility === "EC2");
    const ec2 = await update({ taskDefinition: `${ec2Family?.name}:1` });
    expect([ec2.name, ec2.message]).toEqual([
      "InvalidParameterException",
      "Task definition does not support launch_type FARGATE.",
    ]);
    const badPercent = await update({ deploymentConfiguration: { minimumHealthyPercent: 150 } });
    expect(badPercent.name).toBe("InvalidParameterException");

    const pricing = sim.world.clustersByName.get("prod")?.servicesByName.get("pricing");
    if (pricing === undefined) throw new Error("no pricing");
    pricing.status = "DRAINING";
    const draining = await update({ desiredCount: 2 });
    expect([draining.name, draining.message]).toEqual([
      "ServiceNotActiveException",
      "Service was not ACTIVE.",
    ]);
    pricing.status = "ACTIVE";

    const after = await describeService(ecs, "pricing");
    expect(after.desiredCount).toBe(4);
    expect(after.deployments).toHaveLength(1);
    expect(sim.calls.mutations().map((mutation) => mutation.outcome)).toEqual([
      "InvalidParameterException",
      "ServiceNotFoundException",
      "ServiceNotFoundException",
      "ClusterNotFoundException",
      "ClientException",
      "ClientException",
      "InvalidParameterException",
      "InvalidParameterException",
      "ServiceNotActiveException",
    ]);
  });
});

describe("simulated ECS: StopTask", () => {
  it("stops a task with the caller's reason (UserInitiated) and the service replaces it", async () => {
    const { ecs, clock } = setup();
    const [victim, ...others] = await tasksOf(ecs, "pricing");
    const reason = "Restarted from deckhand by demo";
    const response = await ecs.send(new StopTaskCommand({ cluster: "prod", task: victim?.taskArn, reason }));
    expect(response.task).toMatchObject({
      taskArn: victim?.taskArn,
      desiredStatus: "STOPPED",
      stopCode: "UserInitiated",
      stoppedReason: reason,
    });
    expect(["DEACTIVATING", "STOPPING"]).toContain(response.task?.lastStatus);

    const seen = new Set<string>();
    let task: Task | undefined = response.task;
    for (let waited = 0; task?.lastStatus !== "STOPPED" && waited < 120_000; waited += 1000) {
      clock.advance(1000);
      [task] =
        (await ecs.send(new DescribeTasksCommand({ cluster: "prod", tasks: [victim?.taskArn ?? ""] })))
          .tasks ?? [];
      seen.add(task?.lastStatus ?? "");
    }
    expect(task?.lastStatus).toBe("STOPPED");
    expect(seen.has("STOPPING")).toBe(true);
    expect(task?.stoppedAt).toBeInstanceOf(Date);
    expect(task?.stoppedReason).toBe(reason);

    const replaced = await until(ecs, clock, "pricing", steady(4));
    expect(replaced.runningCount).toBe(4);
    const running = await tasksOf(ecs, "pricing");
    expect(running.map((t) => t.taskArn)).not.toContain(victim?.taskArn);
    expect(running.filter((t) => !others.some((other) => other.taskArn === t.taskArn))).toHaveLength(1);
    expect(
      replaced.events?.some((event) =>
        /^\(service pricing\) has started 1 tasks: /.test(event.message ?? ""),
      ),
    ).toBe(true);
    // A user's stop is not a failure: the deployment's failure count stays.
    expect(replaced.deployments?.[0]?.failedTasks).toBe(0);
  });

  it("says 'Task stopped by user' without a reason, stops standalone tasks, and is idempotent", async () => {
    const { ecs } = setup();
    const [task] = await tasksOf(ecs, "pricing");
    const first = await ecs.send(
      new StopTaskCommand({ cluster: "prod", task: task?.taskArn?.split("/").pop() }),
    );
    expect(first.task?.stoppedReason).toBe("Task stopped by user");
    const again = await ecs.send(
      new StopTaskCommand({ cluster: "prod", task: task?.taskArn, reason: "twice" }),
    );
    expect(again.task?.stoppedReason).toBe("Task stopped by user");
    expect(again.task?.stoppingAt).toEqual(first.task?.stoppingAt);

    const batch =
      (
        await ecs.send(
          new ListTasksCommand({ cluster: "batch-ec2", startedBy: "events-rule/nightly-reconciliation" }),
        )
      ).taskArns ?? [];
    expect(batch).toHaveLength(1);
    const stopped = await ecs.send(
      new StopTaskCommand({ cluster: "batch-ec2", task: batch[0], reason: "cancel" }),
    );
    expect(stopped.task).toMatchObject({
      desiredStatus: "STOPPED",
      stopCode: "UserInitiated",
      stoppedReason: "cancel",
    });
  });

  it("answers unknown tasks and clusters with ECS's errors", async () => {
    const { ecs } = setup();
    const unknown = await failure(
      ecs.send(new StopTaskCommand({ cluster: "prod", task: "0123456789abcdef" })),
    );
    expect([unknown.name, unknown.message]).toEqual([
      "InvalidParameterException",
      "The referenced task was not found.",
    ]);
    const [task] = await tasksOf(ecs, "pricing");
    const elsewhere = await failure(
      ecs.send(new StopTaskCommand({ cluster: "staging", task: task?.taskArn })),
    );
    expect(elsewhere.name).toBe("InvalidParameterException");
    const noCluster = await failure(ecs.send(new StopTaskCommand({ cluster: "nope", task: task?.taskArn })));
    expect(noCluster.name).toBe("ClusterNotFoundException");
    const longReason = await failure(
      ecs.send(new StopTaskCommand({ cluster: "prod", task: task?.taskArn, reason: "x".repeat(256) })),
    );
    expect(longReason.name).toBe("InvalidParameterException");
  });
});
