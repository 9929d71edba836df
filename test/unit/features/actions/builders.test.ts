// The service and task actions that take no typed input: exactly which call each one makes, what
// it tells the user, and who the stop reason names.
import { describe, expect, it } from "vitest";
import { localUserName, stopReason } from "../../../../source/features/actions/local-user.js";
import { restartAction } from "../../../../source/features/actions/restart.js";
import { stopTasksAction } from "../../../../source/features/actions/stop-tasks.js";
import { toggleExecAction } from "../../../../source/features/actions/toggle-exec.js";
import type { Action, Built } from "../../../../source/features/actions/types.js";
import { SCOPE, service, task } from "./fixtures.js";

function action(built: Built): Action {
  if (!built.ok) throw new Error(`expected an action, got: ${built.message}`);
  return built.action;
}

const calls = (a: Action) => a.calls.map(({ operation, parameters }) => ({ operation, parameters }));

describe("restart", () => {
  it("forces a new deployment and sends no task definition", () => {
    const restart = action(restartAction(SCOPE, service()));
    expect(calls(restart)).toEqual([
      {
        operation: "UpdateService",
        parameters: { cluster: "prod", service: "web", forceNewDeployment: true },
      },
    ]);
    expect(restart).toMatchObject({ destructive: true, confirmation: { kind: "plain" } });
  });
});

describe("toggle exec", () => {
  it("enables exec with a forced deployment, and says why", () => {
    const toggle = action(toggleExecAction(SCOPE, service({ enableExecuteCommand: false })));
    expect(calls(toggle)).toEqual([
      {
        operation: "UpdateService",
        parameters: { cluster: "prod", service: "web", enableExecuteCommand: true, forceNewDeployment: true },
      },
    ]);
    expect(toggle.title).toBe("Enable ECS Exec for web");
    expect(toggle.details[0]).toMatch(/forces a new deployment: every running web task is replaced/);
  });

  it("disables it when it is on", () => {
    const toggle = action(toggleExecAction(SCOPE, service({ enableExecuteCommand: true })));
    expect(toggle.calls[0]?.parameters).toMatchObject({
      enableExecuteCommand: false,
      forceNewDeployment: true,
    });
    expect(toggle.title).toBe("Disable ECS Exec for web");
  });
});

describe("stop tasks", () => {
  it("stops each task with a reason naming deckhand and the user", () => {
    const stop = action(stopTasksAction(SCOPE, [task("aaaa1111bbbb"), task("cccc2222dddd")], "alice"));
    expect(calls(stop)).toEqual([
      {
        operation: "StopTask",
        parameters: {
          cluster: "prod",
          task: "arn:aws:ecs:us-east-1:123456789012:task/prod/aaaa1111bbbb",
          reason: "Stopped by deckhand (alice)",
        },
      },
      {
        operation: "StopTask",
        parameters: {
          cluster: "prod",
          task: "arn:aws:ecs:us-east-1:123456789012:task/prod/cccc2222dddd",
          reason: "Stopped by deckhand (alice)",
        },
      },
    ]);
    expect(stop.title).toBe("Stop 2 tasks");
    expect(stop.details).toEqual(["Service web starts 2 replacements."]);
  });

  it("says when nothing will replace a standalone task", () => {
    const stop = action(stopTasksAction(SCOPE, [task("aaaa1111bbbb", { group: "family:batch" })], "alice"));
    expect(stop.title).toBe("Stop task aaaa1111");
    expect(stop.details).toEqual(["1 task is not part of a service: nothing replaces it."]);
  });

  it("leaves out tasks already stopping, and refuses when none is left", () => {
    const stopping = task("eeee", { desiredStatus: "STOPPED" });
    const stop = action(stopTasksAction(SCOPE, [task("aaaa"), stopping], "alice"));
    expect(stop.calls).toHaveLength(1);
    expect(stop.warnings).toEqual(["1 of the selected tasks is already stopping and left out"]);
    expect(stopTasksAction(SCOPE, [stopping], "alice")).toEqual({
      ok: false,
      message: "the selected tasks are already stopping",
    });
    expect(stopTasksAction(SCOPE, [], "alice")).toEqual({ ok: false, message: "no task selected" });
  });
});

describe("local user", () => {
  it("comes from the OS account", () => {
    expect(localUserName(() => ({ username: "alice" }), {})).toBe("alice");
  });

  it("falls back to the environment when the uid has no passwd entry", () => {
    const noEntry = () => {
      throw Object.assign(new Error("ENOENT: no such file or directory, uv_os_get_passwd"), {
        code: "ENOENT",
      });
    };
    expect(localUserName(noEntry, { USER: "bob" })).toBe("bob");
    expect(localUserName(noEntry, { LOGNAME: "carol" })).toBe("carol");
    expect(localUserName(noEntry, {})).toBe("unknown user");
  });

  it("keeps the reason within StopTask's 255 characters", () => {
    expect(stopReason("x".repeat(300))).toHaveLength(255);
  });
});
