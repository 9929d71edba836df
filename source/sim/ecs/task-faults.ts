// How the tasks of a broken revision die: the app runs out of memory and is killed (exit 137,
// EssentialContainerExited), it crashes on start (exit 1), or it never passes its health check and
// the scheduler replaces it. A revision whose image tag is missing never starts (task-lifecycle.ts).
import type { Fault, SimTask } from "./model.js";
import { ESSENTIAL_CONTAINER_EXITED, HEALTH_CHECKS_FAILED, OUT_OF_MEMORY } from "./stop-reasons.js";
import { setHealth, stopTask } from "./task-lifecycle.js";
import { SECOND } from "./time.js";
import type { World } from "./world.js";

type Death = "oom" | "crash" | "health";
const IN_TURN: readonly Death[] = ["oom", "crash", "health"];

function deathOf(task: SimTask, fault: Fault): Death | undefined {
  const rng = task.service?.rng ?? task.cluster.rng;
  if (fault === "pull" || fault === "secrets") return undefined;
  if (fault === "mixed") return rng.chance(0.6) ? "oom" : "health";
  if (fault !== "varied") return fault;
  // The n-th task of the revision (stopped ones included) dies the n-th way.
  const siblings = task.service?.tasks ?? task.cluster.tasks;
  const index = siblings
    .filter((t) => t.family === task.family && t.revision === task.revision)
    .indexOf(task);
  return IN_TURN[Math.max(0, index) % IN_TURN.length];
}

export function scheduleFault(world: World, task: SimTask, startedAt: number, fault: Fault): void {
  const rng = task.service?.rng ?? task.cluster.rng;
  const kind = deathOf(task, fault);
  if (kind === undefined) return;
  const stillRunning = (): boolean => task.desiredStatus === "RUNNING" && task.lastStatus === "RUNNING";
  if (kind === "oom" || kind === "crash") {
    const diesAt = startedAt + (kind === "oom" ? rng.int(12, 40) : rng.int(2, 6)) * SECOND;
    world.schedule(diesAt, () => {
      if (!stillRunning()) return;
      for (const container of task.containers) {
        if (container.spec.role !== "app") continue;
        container.lastStatus = "STOPPED";
        // A plain crash leaves no container reason: ECS only has the exit code to show.
        container.exitCode = kind === "oom" ? 137 : 1;
        if (kind === "oom") container.reason = OUT_OF_MEMORY;
      }
      stopTask(
        world,
        task,
        diesAt,
        { stopCode: "EssentialContainerExited", stoppedReason: ESSENTIAL_CONTAINER_EXITED, drainMs: 0 },
        rng,
      );
    });
    return;
  }
  const unhealthyAt = startedAt + rng.int(20, 35) * SECOND;
  const replacedAt = unhealthyAt + rng.int(3, 10) * SECOND;
  world.schedule(unhealthyAt, () => {
    if (!stillRunning()) return;
    setHealth(task, "UNHEALTHY");
    world.hooks.taskChanged(task, unhealthyAt, "unhealthy");
  });
  world.schedule(replacedAt, () => {
    if (!stillRunning()) return;
    stopTask(
      world,
      task,
      replacedAt,
      {
        stopCode: "ServiceSchedulerInitiated",
        stoppedReason: HEALTH_CHECKS_FAILED,
        exitCode: 143,
        drainMs: 0,
      },
      rng,
    );
  });
}
