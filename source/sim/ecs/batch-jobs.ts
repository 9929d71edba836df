// Standalone tasks on the EC2 cluster, started by EventBridge rules rather than a service: a
// report export every 15 minutes and a long nightly reconciliation, both ending with exit code 0.
import { Rng } from "../random.js";
import { buildFamily } from "./families.js";
import type { SimCluster, SimTask, TaskFamily } from "./model.js";
import { ESSENTIAL_CONTAINER_EXITED } from "./stop-reasons.js";
import { launchTask, seedRunningTask, stopTask, type TaskPlan } from "./task-lifecycle.js";
import { DAY, HOUR, MINUTE } from "./time.js";
import type { World } from "./world.js";

const EXPORT_EVERY_MS = 15 * MINUTE;

export function startBatchJobs(world: World, cluster: SimCluster, from: number, now: number): void {
  const rng = Rng.derive(world.seed, "batch-jobs", cluster.name);
  const family = (name: string): TaskFamily =>
    buildFamily(world, {
      family: name,
      app: name,
      environment: "prod",
      web: false,
      compatibility: "EC2",
      latestRevision: rng.int(4, 40),
      firstRegisteredAt: now - 400 * DAY,
      lastRegisteredAt: now - rng.int(3, 30) * DAY,
      rng,
      lean: true,
    });
  const plan = (taskFamily: TaskFamily): TaskPlan => ({
    cluster,
    service: undefined,
    deployment: undefined,
    family: taskFamily,
    revision: taskFamily.latestRevision,
    launchType: "EC2",
    capacityProviderName: cluster.capacityProviders[0],
    group: `family:${taskFamily.name}`,
    startedBy: `events-rule/${taskFamily.name}`,
    enableExecuteCommand: false,
    rng,
  });

  const reconciliation = family("nightly-reconciliation");
  const longJob = seedRunningTask(world, plan(reconciliation), from - 2 * HOUR);
  finishAt(world, longJob, now + rng.int(20, 40) * MINUTE);

  const exportFamily = family("report-export");
  const runExport = (at: number): void => {
    const task = launchTask(world, plan(exportFamily), at);
    finishAt(world, task, at + rng.int(3, 6) * MINUTE);
    world.schedule(at + EXPORT_EVERY_MS, runExport);
  };
  world.schedule(Math.ceil(from / EXPORT_EVERY_MS) * EXPORT_EVERY_MS, runExport);
}

/** The job's container exits 0 at `at`, and ECS stops the task because its essential container exited. */
function finishAt(world: World, task: SimTask, at: number): void {
  world.schedule(at, () => {
    if (task.desiredStatus !== "RUNNING") return;
    if (task.lastStatus !== "RUNNING") {
      finishAt(world, task, at + MINUTE);
      return;
    }
    for (const container of task.containers) {
      container.lastStatus = "STOPPED";
      container.exitCode = 0;
    }
    stopTask(
      world,
      task,
      at,
      { stopCode: "EssentialContainerExited", stoppedReason: ESSENTIAL_CONTAINER_EXITED, drainMs: 0 },
      task.cluster.rng,
    );
  });
}
