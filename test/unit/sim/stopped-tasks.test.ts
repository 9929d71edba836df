// The demo's stopped tasks: orders-api's last twenty minutes hold a stop of every kind the WHY
// column explains, read the way the tasks view reads them (ListTasks by serviceName and
// desiredStatus, DescribeTasks, the task definition for which containers are essential).
import { describe, expect, it } from "vitest";
import { EcsGateway } from "../../../source/aws/ecs-gateway.js";
import { DIAGNOSIS_IDS, diagnoseStop } from "../../../source/kinds/stop-diagnosis.js";
import { taskKind, type TaskRow } from "../../../source/kinds/task.js";
import { withTaskSet } from "../../../source/kinds/task-set.js";
import type { TaskSet } from "../../../source/kinds/types.js";
import { SCRIPTED } from "../../../source/sim/ecs/scenario.js";
import { simulatedEcs } from "../../helpers/sim-client.js";
import { loadContext } from "../../helpers/load-context.js";

async function loadGallery(set: TaskSet): Promise<TaskRow[]> {
  const { ecs, sim } = simulatedEcs();
  const cluster = sim.world.clustersByName.get("prod")!;
  const scope = withTaskSet(
    { clusterArn: cluster.arn, clusterName: "prod", serviceName: SCRIPTED.stopGallery },
    set,
  );
  const outcome = await taskKind.load(loadContext(new EcsGateway(ecs), scope));
  ecs.destroy();
  if (!outcome.ok) throw new Error(outcome.failure.message);
  return outcome.rows;
}

describe("the demo's stopped tasks", () => {
  it(`${SCRIPTED.stopGallery} has a stopped task for every diagnosis but the catch-all ones`, async () => {
    const rows = await loadGallery("stopped");
    expect(rows.every((row) => row.task.desiredStatus === "STOPPED")).toBe(true);
    const seen = new Set(rows.map((row) => diagnoseStop(row.task, row.essential)?.id));
    // failed-to-start is the fallback for start failures no other case names; the demo names them all.
    const expected = DIAGNOSIS_IDS.filter((id) => id !== "failed-to-start");
    expect([...seen].filter((id) => id !== undefined).sort()).toEqual([...expected].sort());
    expect(seen.has(undefined)).toBe(false);
  });

  it("with ECS's wording and exit codes: 137 and an OOM reason, 1 with none, 143 after failed checks", async () => {
    const rows = await loadGallery("stopped");
    const containersOf = (id: string) =>
      rows
        .filter((row) => diagnoseStop(row.task, row.essential)?.id === id)
        .map((row) => row.task.containers ?? []);
    const app = SCRIPTED.stopGallery;
    const oom = containersOf("out-of-memory")[0]!.find((c) => c.name === app)!;
    expect(oom).toMatchObject({
      exitCode: 137,
      reason: "OutOfMemoryError: Container killed due to memory usage",
    });
    const crash = containersOf("essential-exited")[0]!.find((c) => c.name === app)!;
    expect(crash.exitCode).toBe(1);
    expect(crash.reason).toBeUndefined();
    expect(containersOf("container-health-check")[0]!.find((c) => c.name === app)?.exitCode).toBe(143);
    const pulled = rows.find(
      (row) => row.task.stopCode === "TaskFailedToStart" && /^CannotPull/.test(row.task.stoppedReason ?? ""),
    )!;
    expect(pulled.task.containers?.every((c) => c.exitCode === undefined)).toBe(true);
    const why = taskKind.columns.find((column) => column.header === "WHY")!;
    expect(why.value(pulled, 0)).toMatch(new RegExp(`^image pull failed: ${app} \\(${app}:v[\\d.]+\\)$`));
    // The sidecars exited cleanly: EXIT names only the app, whose code makes the column red.
    const exit = taskKind.columns.find((column) => column.header === "EXIT")!;
    const killed = rows.find((row) => diagnoseStop(row.task, row.essential)?.id === "out-of-memory")!;
    expect(killed.task.containers?.filter((c) => c.exitCode === 0).length).toBeGreaterThan(0);
    expect(exit.value(killed, 0)).toBe(`${app}:137`);
    expect(exit.tone?.(killed)).toBe("bad");
  });

  it("running shows none of them; all shows both, running first", async () => {
    const running = await loadGallery("running");
    expect(running.length).toBeGreaterThan(0);
    expect(running.every((row) => row.task.desiredStatus === "RUNNING")).toBe(true);
    const all = await loadGallery("all");
    const stopped = await loadGallery("stopped");
    expect(all).toHaveLength(running.length + stopped.length);
    expect(all[0]!.task.lastStatus).not.toBe("STOPPED");
  });
});
