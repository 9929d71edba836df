import type { Container, Service, Task } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { diagnoseExec, type ExecDiagnosisInput } from "../../../../source/features/exec/diagnose.js";

const PLUGIN = { path: "/usr/local/bin/session-manager-plugin" };

function container(overrides: Partial<Container> = {}): Container {
  return {
    name: "web",
    lastStatus: "RUNNING",
    runtimeId: "abc-123",
    managedAgents: [{ name: "ExecuteCommandAgent", lastStatus: "RUNNING" }],
    ...overrides,
  };
}

function task(overrides: Partial<Task> = {}): Task {
  return {
    taskArn: "arn:aws:ecs:us-east-1:123456789012:task/prod/abc",
    lastStatus: "RUNNING",
    desiredStatus: "RUNNING",
    enableExecuteCommand: true,
    launchType: "FARGATE",
    platformVersion: "1.4.0",
    platformFamily: "Linux",
    containers: [container()],
    ...overrides,
  };
}

function diagnose(input: Partial<ExecDiagnosisInput> = {}) {
  return diagnoseExec({ task: task(), containerName: "web", plugin: PLUGIN, ...input });
}

const reasons = (input: Partial<ExecDiagnosisInput>) => diagnose(input).problems.map((p) => p.reason);

describe("diagnoseExec", () => {
  it("finds nothing wrong with a running container whose agent runs, and picks /bin/sh", () => {
    expect(diagnose()).toEqual({ problems: [], shell: "/bin/sh", notes: [] });
  });

  it("uses the configured shell", () => {
    expect(diagnose({ shell: "/bin/bash" }).shell).toBe("/bin/bash");
    expect(diagnose({ shell: "  " }).shell).toBe("/bin/sh");
  });

  it("says a task that is not RUNNING comes first, and not what follows from it", () => {
    const stopped = task({
      lastStatus: "STOPPED",
      desiredStatus: "STOPPED",
      containers: [
        container({
          lastStatus: "STOPPED",
          managedAgents: [{ name: "ExecuteCommandAgent", lastStatus: "STOPPED" }],
        }),
      ],
    });
    const result = diagnose({ task: stopped });
    expect(result.problems).toEqual([
      { reason: "the task is STOPPED, not RUNNING", hint: "exec needs a running task; pick a running one" },
    ]);
    const pending = diagnose({ task: task({ lastStatus: "PENDING" }) }).problems[0];
    expect(pending).toEqual({ reason: "the task is PENDING, not RUNNING", hint: "wait until it is RUNNING" });
  });

  it("explains a task without enableExecuteCommand when the service does not have it either", () => {
    const service: Service = { serviceName: "web", enableExecuteCommand: false };
    const result = diagnose({
      task: task({ enableExecuteCommand: false, containers: [container({ managedAgents: [] })] }),
      service,
    });
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.reason).toContain("ECS Exec is not enabled for this task");
    expect(result.problems[0]?.hint).toBe(
      "enable it with X (Exec on/off) on service web and restart: only tasks started after the change get exec",
    );
  });

  it("explains a task started before exec was enabled on its service", () => {
    const result = diagnose({
      task: task({ enableExecuteCommand: false }),
      service: { serviceName: "web", enableExecuteCommand: true },
    });
    expect(result.problems).toEqual([
      {
        reason: "this task was started before ECS Exec was enabled on its service",
        hint: expect.stringContaining("only tasks started after the change get exec"),
      },
    ]);
  });

  it("reports a missing ExecuteCommandAgent", () => {
    const result = diagnose({ task: task({ containers: [container({ managedAgents: undefined })] }) });
    expect(result.problems.map((p) => p.reason)).toEqual(["container web has no ExecuteCommandAgent"]);
    expect(result.problems[0]?.hint).toContain("ssmmessages:CreateControlChannel");
  });

  it("reports an agent that is not RUNNING with its status and reason", () => {
    const stopped = container({
      managedAgents: [{ name: "ExecuteCommandAgent", lastStatus: "STOPPED", reason: "agent exited" }],
    });
    expect(reasons({ task: task({ containers: [stopped] }) })).toEqual([
      "the ExecuteCommandAgent in web is STOPPED: agent exited",
    ]);
    const pending = container({ managedAgents: [{ name: "ExecuteCommandAgent", lastStatus: "PENDING" }] });
    const result = diagnose({ task: task({ containers: [pending] }) });
    expect(result.problems[0]?.hint).toContain("try again in a few seconds");
  });

  it("reports a container that is not RUNNING (and not its agent)", () => {
    const exited = container({
      lastStatus: "STOPPED",
      reason: "OutOfMemoryError",
      managedAgents: [{ name: "ExecuteCommandAgent", lastStatus: "STOPPED" }],
    });
    expect(reasons({ task: task({ containers: [exited, container({ name: "sidecar" })] }) })).toEqual([
      "container web is STOPPED, not RUNNING (OutOfMemoryError)",
    ]);
  });

  it("reports a container name the task does not have", () => {
    expect(reasons({ containerName: "db" })).toEqual(["the task has no container named db"]);
  });

  it("reports a missing plugin with its install hint, after the task's own problems", () => {
    const plugin = { missing: true as const, hint: "brew install --cask session-manager-plugin" };
    const result = diagnose({ task: task({ lastStatus: "STOPPED", desiredStatus: "STOPPED" }), plugin });
    expect(result.problems.map((p) => p.reason)).toEqual([
      "the task is STOPPED, not RUNNING",
      "session-manager-plugin is not installed",
    ]);
    expect(result.problems[1]?.hint).toBe(plugin.hint);
  });

  it("orders several independent problems most fundamental first", () => {
    const plugin = { missing: true as const, hint: "install it" };
    expect(
      reasons({ task: task({ lastStatus: "PROVISIONING", enableExecuteCommand: false }), plugin }),
    ).toEqual([
      "the task is PROVISIONING, not RUNNING",
      "ECS Exec is not enabled for this task (enableExecuteCommand is off)",
      "session-manager-plugin is not installed",
    ]);
  });

  it("refuses Fargate platform versions before 1.4.0", () => {
    expect(reasons({ task: task({ platformVersion: "1.3.0" }) })).toEqual([
      "Fargate platform version 1.3.0 does not support ECS Exec",
    ]);
  });

  it("gives a Windows container powershell.exe, with a note, and no problem", () => {
    const fromTaskDefinition = diagnose({
      taskDefinition: { runtimePlatform: { operatingSystemFamily: "WINDOWS_SERVER_2022_CORE" } },
      task: task({ launchType: "EC2", platformFamily: undefined }),
    });
    expect(fromTaskDefinition).toEqual({
      problems: [],
      shell: "powershell.exe",
      notes: ["Windows container: the shell is powershell.exe"],
    });
    const fromTask = diagnose({
      task: task({ platformFamily: "WINDOWS_SERVER_2019_FULL", platformVersion: "1.0.0" }),
    });
    expect(fromTask.shell).toBe("powershell.exe");
    expect(fromTask.problems).toEqual([]);
  });

  it("keeps a configured Windows shell, and replaces a POSIX one on Windows", () => {
    const windows = {
      taskDefinition: { runtimePlatform: { operatingSystemFamily: "WINDOWS_SERVER_2019_CORE" as const } },
    };
    expect(diagnose({ ...windows, shell: "cmd.exe" })).toMatchObject({ shell: "cmd.exe", notes: [] });
    expect(diagnose({ ...windows, shell: "/bin/bash" })).toMatchObject({
      shell: "powershell.exe",
      notes: ["Windows container: using powershell.exe instead of /bin/bash"],
    });
  });
});
