// ECS ExecuteCommand on the simulated account: the checks ECS makes (task, state, exec enabled,
// container, agent), the session it answers with and the readable token behind it, the demo's
// exec cases (agent stopped, exec disabled, Windows), and the deny list and call log.
import {
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ExecuteCommandCommand,
  StopTaskCommand,
  type ECSClient,
  type ExecuteCommandCommandInput,
  type Task,
} from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { decodeSessionToken, execCases, type ExecCase } from "../../../source/sim/index.js";
import { failure } from "../../helpers/sim-logs-client.js";
import { simulatedEcs } from "../../helpers/sim-client.js";

const NOT_ENABLED =
  "The execute command failed because execute command was not enabled when the task was run or the execute command agent isn't running. Wait and try again or run a new task with execute command enabled and try again.";

const setup = () => simulatedEcs({ throttle: false });

function present<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the default world has no ${what}`);
  return value;
}

async function describeTask(ecs: ECSClient, exec: Pick<ExecCase, "cluster" | "taskId">): Promise<Task> {
  const out = await ecs.send(new DescribeTasksCommand({ cluster: exec.cluster, tasks: [exec.taskId] }));
  return present(out.tasks?.[0], `task ${exec.taskId}`);
}

const execute = (ecs: ECSClient, input: Partial<ExecuteCommandCommandInput>) =>
  ecs.send(new ExecuteCommandCommand({ command: "/bin/sh", interactive: true, task: "", ...input }));

describe("simulated ExecuteCommand", () => {
  const { ecs, sim, clock } = setup();
  const cases = execCases(sim);

  it("opens a session on a connected container, remembering its command and target in the token", async () => {
    const ready = present(cases.ready, "ready case");
    const task = await describeTask(ecs, ready);
    const container = present(
      task.containers?.find((candidate) => candidate.name === ready.container),
      "app container",
    );
    expect(task.enableExecuteCommand).toBe(true);
    expect(container.managedAgents).toEqual([
      expect.objectContaining({ name: "ExecuteCommandAgent", lastStatus: "RUNNING" }),
    ]);

    const out = await execute(ecs, {
      cluster: ready.cluster,
      task: ready.taskArn,
      container: ready.container,
      command: "ls -la /app",
    });
    expect(out.clusterArn).toBe(`arn:aws:ecs:us-east-1:123456789012:cluster/${ready.cluster}`);
    expect(out.taskArn).toBe(ready.taskArn);
    expect(out.containerName).toBe(ready.container);
    expect(out.containerArn).toBe(container.containerArn);
    expect(out.interactive).toBe(true);
    const session = present(out.session, "session");
    expect(session.sessionId).toMatch(/^ecs-execute-command-[0-9a-f]{17}$/);
    expect(session.streamUrl).toBe(
      `wss://ssmmessages.us-east-1.amazonaws.com/v1/data-channel/${session.sessionId}?role=publish_subscribe&cell-number=1`,
    );
    const target = `ecs:${ready.cluster}_${ready.taskId}_${container.runtimeId}`;
    expect(decodeSessionToken(session.tokenValue ?? "")).toEqual({
      sim: "deckhand",
      kind: "exec",
      command: "ls -la /app",
      target,
      os: "linux",
    });
    // The token is base64url JSON: no padding, nothing a shell or URL would mangle.
    expect(session.tokenValue).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(sim.ssm.sessions()).toEqual([
      {
        sessionId: session.sessionId,
        kind: "exec",
        target,
        document: "AmazonECS-ExecuteInteractiveCommand",
        started: clock.now(),
        terminated: undefined,
      },
    ]);
  });

  it("takes a task id and no container name for a task with one container", async () => {
    const ready = present(cases.ready, "ready case");
    const task = await describeTask(ecs, ready);
    if (task.containers?.length !== 1) return expect(task.containers?.length).toBeGreaterThan(1);
    const out = await execute(ecs, { cluster: ready.cluster, task: ready.taskId });
    expect(out.containerName).toBe(ready.container);
  });

  it("refuses a task started without exec, with ECS's message", async () => {
    const disabled = present(cases.disabled, "exec-disabled case");
    expect((await describeTask(ecs, disabled)).enableExecuteCommand).toBe(false);
    const error = await failure(
      execute(ecs, { cluster: disabled.cluster, task: disabled.taskId, container: disabled.container }),
    );
    expect(error.name).toBe("InvalidParameterException");
    expect(error.message).toBe(NOT_ENABLED);
  });

  it("answers TargetNotConnectedException when the container's agent has stopped, as DescribeTasks shows", async () => {
    const stopped = present(cases.agentStopped, "agent-stopped case");
    const task = await describeTask(ecs, stopped);
    expect(task.lastStatus).toBe("RUNNING");
    expect(task.enableExecuteCommand).toBe(true);
    for (const container of task.containers ?? []) {
      expect(container.lastStatus).toBe("RUNNING");
      expect(container.managedAgents?.[0]).toMatchObject({
        name: "ExecuteCommandAgent",
        lastStatus: "STOPPED",
        reason: expect.stringContaining("ssmmessages"),
      });
    }
    const error = await failure(
      execute(ecs, { cluster: stopped.cluster, task: stopped.taskId, container: stopped.container }),
    );
    expect(error.name).toBe("TargetNotConnectedException");
    expect(error.message).toBe("The execute command failed due to an internal error. Try again later.");
  });

  it("refuses a task that is not RUNNING", async () => {
    const notRunning = present(cases.notRunning, "not-running case");
    const error = await failure(
      execute(ecs, { cluster: notRunning.cluster, task: notRunning.taskId, container: notRunning.container }),
    );
    expect(error.name).toBe("InvalidParameterException");
    expect(error.message).toMatch(/task is in [A-Z]+ state/);
  });

  it("refuses unknown tasks, clusters and containers, a missing container name and interactive false", async () => {
    const ready = present(cases.ready, "ready case");
    const unknownTask = await failure(execute(ecs, { cluster: "prod", task: "0".repeat(32) }));
    expect([unknownTask.name, unknownTask.message]).toEqual([
      "InvalidParameterException",
      "The referenced task was not found.",
    ]);
    const unknownCluster = await failure(execute(ecs, { cluster: "nope", task: ready.taskId }));
    expect([unknownCluster.name, unknownCluster.message]).toEqual([
      "ClusterNotFoundException",
      "Cluster not found.",
    ]);
    const unknownContainer = await failure(
      execute(ecs, { cluster: ready.cluster, task: ready.taskId, container: "nope" }),
    );
    expect(unknownContainer.name).toBe("InvalidParameterException");
    expect(unknownContainer.message).toContain("nope");
    const notInteractive = await failure(
      execute(ecs, { cluster: ready.cluster, task: ready.taskId, interactive: false }),
    );
    expect(notInteractive.message).toBe("Interactive is the only mode supported currently.");

    const multi = present(
      sim.world.clustersByName
        .get("prod")
        ?.services.flatMap((service) => service.tasks)
        .find(
          (task) => task.containers.length > 1 && task.enableExecuteCommand && task.lastStatus === "RUNNING",
        ),
      "multi-container task",
    );
    const noName = await failure(execute(ecs, { cluster: "prod", task: multi.id }));
    expect(noName.name).toBe("InvalidParameterException");
    expect(noName.message).toMatch(/container name must be specified/i);
  });

  it("records every ExecuteCommand as a mutation, with its outcome", () => {
    const outcomes = sim.calls.mutations().map((record) => [record.action, record.outcome]);
    expect(outcomes).toContainEqual(["ecs:ExecuteCommand", "ok"]);
    expect(outcomes).toContainEqual(["ecs:ExecuteCommand", "TargetNotConnectedException"]);
    expect(outcomes).toContainEqual(["ecs:ExecuteCommand", "InvalidParameterException"]);
    expect(outcomes.every(([action]) => action === "ecs:ExecuteCommand")).toBe(true);
  });
});

describe("the demo's exec cases", () => {
  it("runs one Windows service with exec enabled, and says so in the task definition and the task", async () => {
    const { ecs, sim } = setup();
    const windows = present(execCases(sim).windows, "Windows case");
    const task = await describeTask(ecs, windows);
    expect(task.platformFamily).toBe("WINDOWS_SERVER_2022_CORE");
    const definition = await ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: task.taskDefinitionArn }),
    );
    expect(definition.taskDefinition?.runtimePlatform?.operatingSystemFamily).toBe(
      "WINDOWS_SERVER_2022_CORE",
    );
    const out = await execute(ecs, {
      cluster: windows.cluster,
      task: windows.taskId,
      container: windows.container,
      command: "powershell.exe",
    });
    expect(decodeSessionToken(out.session?.tokenValue ?? "")).toMatchObject({
      os: "windows",
      command: "powershell.exe",
    });
    const linux = await describeTask(ecs, present(execCases(sim).ready, "ready case"));
    expect(linux.platformFamily).toBe("Linux");
  });

  it("names the same services with the same seed, and puts 8080 on the ready one", () => {
    const first = execCases(setup().sim);
    const second = execCases(setup().sim);
    expect(second).toEqual(first);
    expect(first.ready?.containerPort).toBe(8080);
    const services = [first.ready, first.agentStopped, first.disabled, first.windows].map((c) => c?.service);
    expect(new Set(services).size).toBe(4);
  });

  it("keeps one task with a stopped agent when that task is replaced", async () => {
    const { ecs, sim, clock } = setup();
    const stopped = present(execCases(sim).agentStopped, "agent-stopped case");
    await ecs.send(new StopTaskCommand({ cluster: stopped.cluster, task: stopped.taskId, reason: "test" }));
    clock.advance(120_000);
    // Reading advances the world to the clock.
    await describeTask(ecs, stopped);
    const service = present(
      sim.world.clustersByName.get(stopped.cluster)?.servicesByName.get(stopped.service),
      "service",
    );
    const live = service.tasks.filter((task) => task.desiredStatus === "RUNNING");
    expect(live.filter((task) => task.execAgentStoppedReason !== undefined)).toHaveLength(1);
    const next = present(execCases(sim).agentStopped, "agent-stopped case after the stop");
    expect(next.taskId).not.toBe(stopped.taskId);
    const error = await failure(
      execute(ecs, { cluster: next.cluster, task: next.taskId, container: next.container }),
    );
    expect(error.name).toBe("TargetNotConnectedException");
  });
});

describe("denied ExecuteCommand", () => {
  it("answers AccessDeniedException naming the task, records it, and opens no session", async () => {
    const { ecs, sim } = simulatedEcs({ throttle: false, deny: "ExecuteCommand" });
    const ready = present(execCases(sim).ready, "ready case");
    const error = await failure(
      execute(ecs, { cluster: ready.cluster, task: ready.taskId, container: ready.container }),
    );
    expect(error.name).toBe("AccessDeniedException");
    expect(error.message).toBe(
      `User: arn:aws:iam::123456789012:user/demo is not authorized to perform: ecs:ExecuteCommand on resource: ${ready.taskArn} because no identity-based policy allows the ecs:ExecuteCommand action`,
    );
    expect(sim.ssm.sessions()).toEqual([]);
    expect(sim.calls.mutations().map((record) => [record.action, record.outcome])).toEqual([
      ["ecs:ExecuteCommand", "AccessDeniedException"],
    ]);
  });
});
