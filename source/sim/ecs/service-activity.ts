// The background life of a healthy account: now and then the platform replaces a task (Fargate
// maintenance, a Spot interruption, a failed ELB health check), and teams ship new revisions.
import type { Fault, SimService } from "./model.js";
import { addEvent, eventText } from "./service-events.js";
import { isServing, registerRevision, startDeployment, stopServiceTasks } from "./service-scheduler.js";
import { MAINTENANCE, SPOT_INTERRUPTED, elbHealthChecksFailed } from "./stop-reasons.js";
import type { World } from "./world.js";

/** Starts the service's churn and deployment cycles; the first deployment is not before `quietUntil`. */
export function startServiceActivity(
  world: World,
  service: SimService,
  from: number,
  quietUntil = from,
): void {
  scheduleChurn(world, service, from);
  if (service.deployEveryMs > 0) {
    scheduleDeploy(
      world,
      service,
      Math.max(from, quietUntil) + service.rng.exponential(service.deployEveryMs),
    );
  }
}

function scheduleChurn(world: World, service: SimService, from: number): void {
  if (service.taskLifetimeMs <= 0) return;
  const at = from + service.rng.exponential(service.taskLifetimeMs / Math.max(1, service.desiredCount));
  world.schedule(at, () => {
    replaceOneTask(world, service, at);
    scheduleChurn(world, service, at);
  });
}

function replaceOneTask(world: World, service: SimService, at: number): void {
  const primary = service.deployments[0];
  if (service.deployments.length !== 1 || primary === undefined) return;
  const candidates = service.tasks.filter((task) => task.deployment === primary && isServing(task));
  if (candidates.length === 0) return;
  const task = service.rng.pick(candidates);
  const target = service.loadBalancer?.targetGroupArn;
  if (service.capacityProvider === "FARGATE_SPOT") {
    stopServiceTasks(world, service, [task], at, SPOT_INTERRUPTED, "SpotInterruption");
  } else if (target !== undefined && service.rng.chance(0.4)) {
    addEvent(service, at, eventText.elbHealthChecksFailed(service, task, target));
    stopServiceTasks(world, service, [task], at, elbHealthChecksFailed(target));
  } else {
    stopServiceTasks(world, service, [task], at, MAINTENANCE);
  }
}

const FAULTS: readonly Fault[] = ["oom", "health", "mixed"];

function scheduleDeploy(world: World, service: SimService, at: number): void {
  world.schedule(at, () => {
    const primary = service.deployments[0];
    if (
      service.deployments.length === 1 &&
      primary?.rolloutState === "COMPLETED" &&
      service.desiredCount > 0
    ) {
      const fault = service.rng.chance(service.faultyDeployChance) ? service.rng.pick(FAULTS) : undefined;
      startDeployment(world, service, registerRevision(service, at, fault), at);
    }
    scheduleDeploy(world, service, at + service.rng.exponential(service.deployEveryMs));
  });
}
