// Rows wait for a refresh to confirm an action: what they show meanwhile, and when they stop.
import type { Deployment, Service } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { autoscalingRangeAction } from "../../../source/features/actions/autoscaling-range.js";
import { restartAction } from "../../../source/features/actions/restart.js";
import { scaleAction } from "../../../source/features/actions/scale.js";
import { stopTasksAction } from "../../../source/features/actions/stop-tasks.js";
import { toggleExecAction } from "../../../source/features/actions/toggle-exec.js";
import type { Action, Built } from "../../../source/features/actions/types.js";
import { targetKey, type ScalingRow } from "../../../source/kinds/autoscaling.js";
import type { ServiceRow } from "../../../source/kinds/service.js";
import type { TaskRow } from "../../../source/kinds/task.js";
import { KINDS } from "../../../source/kinds/registry.js";
import { pendingChanges, watches } from "../../../source/state/pending.js";
import { SCOPE, scalableTarget, service, task, tdArn } from "../features/actions/fixtures.js";

const actionOf = (built: Built): Action => {
  if (!built.ok) throw new Error(built.message);
  return built.action;
};

const row = (s: Service): ServiceRow => ({ arn: s.serviceArn!, name: s.serviceName!, service: s });

const deployment = (id: string, overrides: Partial<Deployment> = {}): Deployment => ({
  id,
  status: "PRIMARY",
  taskDefinition: tdArn("web:3"),
  desiredCount: 3,
  runningCount: 0,
  rolloutState: "IN_PROGRESS",
  ...overrides,
});

describe("pending changes", () => {
  it("scaling: shows from → to until the desired count runs, on the service row", () => {
    const before = service({ desiredCount: 3, runningCount: 3 });
    const [change] = pendingChanges(actionOf(scaleAction(SCOPE, before, "5")), 1000, before);
    expect(change).toMatchObject({ kind: "services", key: before.serviceArn, since: 1000 });
    const scaling = row(service({ desiredCount: 5, runningCount: 4, pendingCount: 1 }));
    expect(change!.label(scaling)).toBe("⟳ scaling 3→5 (4 running)");
    expect(change!.settle(scaling)).toBeUndefined();
    expect(change!.settle(row(service({ desiredCount: 5, runningCount: 5, pendingCount: 0 })))).toEqual({
      text: "web: 5 tasks running",
    });
  });

  it("scaling: someone else's change to the desired count ends the wait, with a warning", () => {
    const before = service({ desiredCount: 3 });
    const [change] = pendingChanges(actionOf(scaleAction(SCOPE, before, "20")), 0, before);
    expect(change!.settle(row(service({ desiredCount: 12, runningCount: 3 })))).toEqual({
      text: "web: desired count is 12 now, not 20: auto scaling or someone else changed it",
      level: "warn",
    });
  });

  it("a deployment: waits for a new PRIMARY deployment, shows its progress, ends when it completes", () => {
    const before = service({ deployments: [deployment("ecs-svc/1", { rolloutState: "COMPLETED" })] });
    const [change] = pendingChanges(actionOf(restartAction(SCOPE, before)), 0, before);
    expect(change!.label(row(before))).toBe("⟳ restarting: requested");
    expect(change!.settle(row(before))).toBeUndefined();

    const rolling = service({
      deployments: [
        deployment("ecs-svc/2", { runningCount: 1 }),
        { ...deployment("ecs-svc/1"), status: "ACTIVE", runningCount: 3 },
      ],
    });
    expect(change!.label(row(rolling))).toBe("⟳ restarting: 1/3 new, 3 old");
    expect(change!.settle(row(rolling))).toBeUndefined();

    const done = service({
      deployments: [deployment("ecs-svc/2", { rolloutState: "COMPLETED", runningCount: 3 })],
    });
    expect(change!.settle(row(done))).toEqual({ text: "web: deployment of web:3 completed" });
  });

  it("a deployment that fails says why, as an error", () => {
    const before = service();
    const [change] = pendingChanges(actionOf(restartAction(SCOPE, before)), 0, before);
    const failed = service({
      deployments: [
        deployment("ecs-svc/2", { rolloutState: "FAILED", rolloutStateReason: "tasks failed to start" }),
      ],
    });
    expect(change!.settle(row(failed))).toEqual({
      text: "web: the new deployment failed: tasks failed to start",
      level: "error",
    });
  });

  it("ECS Exec: the deployment must be done and the setting visible", () => {
    const before = service({ enableExecuteCommand: false });
    const [change] = pendingChanges(actionOf(toggleExecAction(SCOPE, before)), 0, before);
    const deployed = [deployment("ecs-svc/2", { rolloutState: "COMPLETED" })];
    expect(
      change!.settle(row(service({ deployments: deployed, enableExecuteCommand: false }))),
    ).toBeUndefined();
    expect(change!.settle(row(service({ deployments: deployed, enableExecuteCommand: true })))).toBeDefined();
  });

  it("stopping tasks: one pending change per task, done once STOPPED", () => {
    const tasks = [task("aaaa1111"), task("bbbb2222")];
    const changes = pendingChanges(actionOf(stopTasksAction(SCOPE, tasks, "tester")), 0);
    expect(changes.map((c) => [c.kind, c.key])).toEqual(tasks.map((t) => ["tasks", t.taskArn]));
    const stopping: TaskRow = { arn: tasks[0]!.taskArn!, task: { ...tasks[0]!, lastStatus: "STOPPING" } };
    expect(changes[0]!.label(stopping)).toBe("⟳ stopping");
    expect(changes[0]!.settle(stopping)).toBeUndefined();
    expect(changes[0]!.settle({ ...stopping, task: { ...stopping.task, lastStatus: "STOPPED" } })).toEqual(
      {},
    );
  });

  it("auto scaling min/max: on the target row of the autoscaling view, until it shows the new bounds", () => {
    const s = service();
    const [change] = pendingChanges(
      actionOf(autoscalingRangeAction(SCOPE, s, "2", "8", scalableTarget(3, 6))),
      0,
      s,
    );
    expect(change).toMatchObject({ kind: "autoscaling", key: targetKey("service/prod/web") });
    const target = (min: number, max: number): ScalingRow => ({
      key: targetKey("service/prod/web"),
      type: "target",
      name: "service/prod/web",
      resourceId: "service/prod/web",
      service: s,
      target: scalableTarget(min, max),
    });
    expect(change!.label(target(3, 6))).toBe("⟳ setting min 2, max 8");
    expect(change!.settle(target(3, 6))).toBeUndefined();
    expect(change!.settle(target(2, 8))).toEqual({});
  });

  it("a service change refreshes the services view and the deployments view beside it, not others", () => {
    const before = service({ desiredCount: 3 });
    const [change] = pendingChanges(actionOf(scaleAction(SCOPE, before, "5")), 0, before);
    expect(change!.resource).toBe("service");
    expect(watches(KINDS.services, change!)).toBe(true);
    expect(watches(KINDS.deployments, change!)).toBe(true);
    expect(watches(KINDS.tasks, change!)).toBe(false);
    const [stop] = pendingChanges(actionOf(stopTasksAction(SCOPE, [task("aaaa1111")], "tester")), 0);
    expect(watches(KINDS.tasks, stop!)).toBe(true);
    expect(watches(KINDS.deployments, stop!)).toBe(false);
  });
});
