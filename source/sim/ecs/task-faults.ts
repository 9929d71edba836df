// How the tasks of a broken revision die: the app runs out of memory and is killed (exit 137,
// EssentialContainerExited), or it never passes its health check and the scheduler replaces it.
import type { Fault, SimTask } from "./model.js";
import { ESSENTIAL_CONTAINER_EXITED, HEALTH_CHECKS_FAILED, OUT_OF_MEMORY } from "./stop-reasons.js";
import { setHealth, stopTask } from "./task-lifecycle.js";
import { SECOND } from "./time.js";
import type { World } from "./world.js";

export function scheduleFault(world: World, task: SimTask, startedAt: number, fault: Fault): void {
  const rng = task.service?.rng ?? task.cluster.rng;
  const kind = fault === "mixed" ? (rng.chance(0.6) ? "oom" : "health") : fault;
  const stillRunning = (): boolean => task.desiredStatus === "RUNNING" && task.lastStatus === "RUNNING";
  if (kind === "oom") {
    const diesAt = startedAt + rng.int(12, 40) * SECOND;
    world.schedule(diesAt, () => {
      if (!stillRunning()) return;
      for (const container of task.containers) {
        if (container.spec.role !== "app") continue;
        container.lastStatus = "STOPPED";
        container.exitCode = 137;
        container.reason = OUT_OF_MEMORY;
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
