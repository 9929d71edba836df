// The exec engine against the simulated account, end to end without a UI: what the simulator says
// about each exec case is what diagnoseExec explains, and a session the simulator opens is one the
// simulated plugin joins through the invocation deckhand builds. Needs `npm run build`.
import { spawnSync } from "node:child_process";
import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ExecuteCommandCommand,
  type ECSClient,
  type Task,
} from "@aws-sdk/client-ecs";
import { SSMClient, StartSessionCommand } from "@aws-sdk/client-ssm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { diagnoseExec } from "../../../../source/features/exec/diagnose.js";
import {
  execTarget,
  pluginInvocation,
  portForwardTarget,
} from "../../../../source/features/exec/plugin-invocation.js";
import { PortForwards, suggestLocalPort } from "../../../../source/features/exec/port-forwards.js";
import { execCases, type ExecCase } from "../../../../source/sim/index.js";
import { FAKE_PLUGIN, requireBuiltPlugin } from "../../../helpers/fake-plugin/index.js";
import { simulatedEcs } from "../../../helpers/sim-client.js";

const PLUGIN = { path: FAKE_PLUGIN };
const CREDENTIALS = { accessKeyId: "DEMO", secretAccessKey: "demo" };
const { ecs, sim } = simulatedEcs({ throttle: false });
const cases = execCases(sim);
const forwards: PortForwards[] = [];

beforeAll(requireBuiltPlugin);
afterEach(() => forwards.splice(0).forEach((manager) => manager.stopAllNow()));

function present<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the simulated account has no ${what}`);
  return value;
}

async function look(ecsClient: ECSClient, exec: ExecCase) {
  const tasks = await ecsClient.send(
    new DescribeTasksCommand({ cluster: exec.cluster, tasks: [exec.taskId] }),
  );
  const task: Task = present(tasks.tasks?.[0], `task ${exec.taskId}`);
  const services = await ecsClient.send(
    new DescribeServicesCommand({ cluster: exec.cluster, services: [exec.service] }),
  );
  const definition = await ecsClient.send(
    new DescribeTaskDefinitionCommand({ taskDefinition: task.taskDefinitionArn ?? "" }),
  );
  return { task, service: services.services?.[0], taskDefinition: definition.taskDefinition };
}

async function diagnoseCase(exec: ExecCase) {
  const { task, service, taskDefinition } = await look(ecs, exec);
  return diagnoseExec({ task, containerName: exec.container, service, taskDefinition, plugin: PLUGIN });
}

describe("exec diagnosis on the simulated account", () => {
  it("finds nothing wrong with the ready case", async () => {
    expect(await diagnoseCase(present(cases.ready, "ready case"))).toEqual({
      problems: [],
      shell: "/bin/sh",
      notes: [],
    });
  });

  it("explains each case that cannot work", async () => {
    const first = async (exec: ExecCase | undefined, what: string) =>
      (await diagnoseCase(present(exec, what))).problems[0]?.reason;
    expect(await first(cases.agentStopped, "agent-stopped case")).toMatch(
      /ExecuteCommandAgent in .* is STOPPED/,
    );
    expect(await first(cases.disabled, "disabled case")).toBe(
      "ECS Exec is not enabled for this task (enableExecuteCommand is off)",
    );
    expect(await first(cases.notRunning, "not-running case")).toMatch(/^the task is \w+, not RUNNING$/);
  });

  it("gives the Windows case powershell.exe", async () => {
    const diagnosis = await diagnoseCase(present(cases.windows, "Windows case"));
    expect(diagnosis).toMatchObject({ problems: [], shell: "powershell.exe" });
  });
});

describe("sessions the simulator opens, joined by the simulated plugin", () => {
  it("runs a one-off command in the right task", async () => {
    const exec = present(cases.ready, "ready case");
    const { task } = await look(ecs, exec);
    const opened = await ecs.send(
      new ExecuteCommandCommand({
        cluster: exec.cluster,
        task: exec.taskArn,
        container: exec.container,
        command: "hostname",
        interactive: true,
      }),
    );
    const runtimeId = present(
      task.containers?.find((container) => container.name === exec.container)?.runtimeId,
      "runtime id",
    );
    const invocation = pluginInvocation({
      pluginPath: FAKE_PLUGIN,
      session: present(
        opened.session as { sessionId: string; streamUrl: string; tokenValue: string },
        "session",
      ),
      region: sim.region,
      target: { target: execTarget(opened.clusterArn ?? "", opened.taskArn ?? "", runtimeId) },
      endpoint: `https://ssm.${sim.region}.amazonaws.com`,
      credentials: CREDENTIALS,
      parentEnv: { PATH: process.env.PATH },
    });
    const result = spawnSync(invocation.command, invocation.args, { env: invocation.env, encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(result.stdout.split("\n")).toContain(exec.taskId);
  });

  it("forwards a port opened with SSM StartSession", async () => {
    const exec = present(cases.ready, "ready case");
    const { task } = await look(ecs, exec);
    const runtimeId = present(
      task.containers?.find((c) => c.name === exec.container)?.runtimeId,
      "runtime id",
    );
    const ssm = new SSMClient({
      region: sim.region,
      credentials: CREDENTIALS,
      requestHandler: sim.requestHandler,
      maxAttempts: 1,
    });
    const localPort = await suggestLocalPort();
    const remotePort = present(exec.containerPort, "container port");
    const target = portForwardTarget({
      target: execTarget(task.clusterArn ?? "", task.taskArn ?? "", runtimeId),
      remotePort,
      localPort,
    });
    const started = await ssm.send(
      new StartSessionCommand({
        Target: target.target,
        DocumentName: target.documentName,
        Parameters: target.parameters,
      }),
    );
    const session = {
      sessionId: present(started.SessionId, "SessionId"),
      streamUrl: present(started.StreamUrl, "StreamUrl"),
      tokenValue: present(started.TokenValue, "TokenValue"),
    };
    const terminate = vi.fn(async () => undefined);
    const manager = new PortForwards({ terminate });
    forwards.push(manager);
    const forward = await manager.start({
      invocation: pluginInvocation({
        pluginPath: FAKE_PLUGIN,
        session,
        region: sim.region,
        target,
        endpoint: `https://ssm.${sim.region}.amazonaws.com`,
        credentials: CREDENTIALS,
        parentEnv: { PATH: process.env.PATH },
      }),
      sessionId: session.sessionId,
      taskArn: exec.taskArn,
      containerName: exec.container,
      remotePort,
      localPort,
    });
    expect(forward).toMatchObject({ state: "open", localPort });
    const response = await fetch(`http://127.0.0.1:${localPort}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(`:${remotePort}`);
    await manager.stop(forward.id);
    expect(terminate).toHaveBeenCalledWith(session.sessionId);
  });
});
