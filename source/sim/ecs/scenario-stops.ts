// One service's last twenty minutes show every way a task stops, so the stopped tasks view (`t`)
// has each diagnosis to explain: a secret the execution role cannot read, an image tag missing
// from the registry, a revision whose tasks
// run out of memory, crash and fail their health checks, the fix, a task a person stopped, one
// that failed its load balancer's health checks, a platform retirement, a Spot interruption, a
// scale-in and back, and a last deployment that replaced the tasks. Every stop is a real
// simulation event, so the reasons, codes and exit codes are what the scheduler would write.
import type { SimService, SimTask } from "./model.js";
import { addEvent, eventText } from "./service-events.js";
import {
  isServing,
  reconcile,
  registerRevision,
  startDeployment,
  stopServiceTasks,
} from "./service-scheduler.js";
import { MAINTENANCE, SPOT_INTERRUPTED, elbHealthChecksFailed } from "./stop-reasons.js";
import { stopTask } from "./task-lifecycle.js";
import { MINUTE, SECOND } from "./time.js";
import type { World } from "./world.js";

/** The reason the on-call engineer gave StopTask. */
export const ON_CALL_STOP_REASON = "Stopped by jane@example.com: connection pool stuck after DB failover";

export function scriptStopGallery(world: World, service: SimService, now: number): void {
  // No circuit breaker: the broken revisions keep failing until the fix ships, as they would.
  service.circuitBreaker = { enable: false, rollback: false };
  service.minimumHealthyPercent = 100;
  service.maximumPercent = 200;
  const deploy = (at: number, fault?: "secrets" | "pull" | "varied"): void =>
    world.schedule(at, () => startDeployment(world, service, registerRevision(service, at, fault), at));
  const serving = (): SimTask | undefined => {
    const tasks = service.tasks.filter(
      (task) => isServing(task) && task.deployment === service.deployments[0],
    );
    return tasks.length > 0 ? service.rng.pick(tasks) : undefined;
  };
  const stopOne = (at: number, reason: string, stopCode?: string): void =>
    world.schedule(at, () => {
      const task = serving();
      if (task !== undefined) stopServiceTasks(world, service, [task], at, reason, stopCode);
    });

  deploy(now - 19 * MINUTE - 30 * SECOND, "secrets");
  deploy(now - 18 * MINUTE, "pull");
  deploy(now - 16 * MINUTE - 30 * SECOND, "varied");
  deploy(now - 13 * MINUTE);
  world.schedule(now - 9 * MINUTE, () => {
    const task = serving();
    if (task === undefined) return;
    const at = now - 9 * MINUTE;
    stopTask(world, task, at, { stopCode: "UserInitiated", stoppedReason: ON_CALL_STOP_REASON }, service.rng);
    reconcile(world, service, at);
  });
  const target = service.loadBalancer?.targetGroupArn;
  if (target !== undefined) {
    world.schedule(now - 8 * MINUTE, () => {
      const task = serving();
      if (task === undefined) return;
      const at = now - 8 * MINUTE;
      addEvent(service, at, eventText.elbHealthChecksFailed(service, task, target));
      stopServiceTasks(world, service, [task], at, elbHealthChecksFailed(target));
    });
  }
  stopOne(now - 7 * MINUTE, MAINTENANCE);
  if (service.capacityProvider === "FARGATE_SPOT")
    stopOne(now - 6 * MINUTE, SPOT_INTERRUPTED, "SpotInterruption");
  const desired = service.desiredCount;
  const scaleTo = (at: number, count: number): void =>
    world.schedule(at, () => {
      service.desiredCount = count;
      reconcile(world, service, at);
    });
  // Up one and back: the way back down is the scale-in (the newest task goes).
  scaleTo(now - 5 * MINUTE, desired + 1);
  scaleTo(now - 4 * MINUTE, desired);
  deploy(now - 3 * MINUTE + 30 * SECOND);
}
