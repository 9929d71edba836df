// The ECS service scheduler, simplified but faithful in what the console shows: keep desiredCount
// tasks of the PRIMARY deployment, replace old deployments' tasks within minimumHealthyPercent /
// maximumPercent, count failures, trip the circuit breaker, and emit the usual service events.
import { launchTask, stopTask, type TaskPlan } from "./task-lifecycle.js";
import type {
  Fault,
  SimDeployment,
  SimService,
  SimServiceRevision,
  SimTask,
  TaskChange,
  TaskFamily,
} from "./model.js";
import {
  deploymentReasons,
  finishRecord,
  newServiceRevision,
  recordDeploymentStart,
  recordRolloutCompleted,
  serviceDeploymentsOf,
  startRecordRollback,
} from "./service-deployments.js";
import { addEvent, eventText } from "./service-events.js";
import { HEALTH_CHECKS_FAILED, isFailedTask, scalingActivity } from "./stop-reasons.js";
import { recordRevision, revisionFault } from "./families.js";
import { scheduleFault } from "./task-faults.js";
import { SECOND } from "./time.js";
import type { World } from "./world.js";

export function installScheduler(world: World): void {
  world.hooks.taskChanged = (task, at, change) => onTaskChanged(world, task, at, change);
}

function onTaskChanged(world: World, task: SimTask, at: number, change: TaskChange): void {
  const service = task.service;
  if (service === undefined) return;
  const target = service.loadBalancer?.targetGroupArn;
  if (change === "running") {
    const fault = revisionFault(task.family, task.revision);
    if (fault !== undefined) scheduleFault(world, task, at, fault);
  } else if (change === "healthy" && target !== undefined) {
    addEvent(service, at, eventText.registered(service, 1, target));
  } else if (change === "stopping" && isFailedTask(task)) {
    recordFailure(world, service, task, at);
  }
  reconcile(world, service, at);
}

/** A task counts as serving once it runs and its health checks pass. */
export function isServing(task: SimTask): boolean {
  return task.desiredStatus === "RUNNING" && task.lastStatus === "RUNNING" && task.healthStatus === "HEALTHY";
}

export function servicePlan(service: SimService, deployment: SimDeployment): TaskPlan {
  return {
    cluster: service.cluster,
    service,
    deployment,
    family: deployment.family,
    revision: deployment.revision,
    launchType: service.launchType ?? service.cluster.launchType,
    capacityProviderName: service.capacityProvider,
    group: `service:${service.name}`,
    startedBy: deployment.id,
    enableExecuteCommand: service.enableExecuteCommand,
    rng: service.rng,
  };
}

const reconciling = new WeakSet<SimService>();
const reconcileAgain = new WeakSet<SimService>();

/**
 * Brings the service's tasks towards its deployments' goals. Stopping a task reports back through
 * the world's hooks, which lands here again: such nested calls are folded into one more pass.
 */
export function reconcile(world: World, service: SimService, at: number): void {
  if (reconciling.has(service)) {
    reconcileAgain.add(service);
    return;
  }
  reconciling.add(service);
  try {
    do {
      reconcileAgain.delete(service);
      reconcileOnce(world, service, at);
    } while (reconcileAgain.has(service));
  } finally {
    reconciling.delete(service);
  }
}

function reconcileOnce(world: World, service: SimService, at: number): void {
  const primary = service.deployments[0];
  if (service.status !== "ACTIVE" || primary === undefined) return;
  const desired = service.desiredCount;
  // One pass over the tasks; this runs on every task change, so the steady state allocates little.
  let activeCount = 0;
  let servingCount = 0;
  let primaryServing = 0;
  const primaryActive: SimTask[] = [];
  const oldServing: SimTask[] = [];
  const oldIdle: SimTask[] = [];
  for (const task of service.tasks) {
    if (task.desiredStatus !== "RUNNING") continue;
    activeCount++;
    const serving = isServing(task);
    if (serving) servingCount++;
    if (task.deployment === primary) {
      primaryActive.push(task);
      if (serving) primaryServing++;
    } else if (serving) oldServing.push(task);
    else oldIdle.push(task);
  }

  const toStop: SimTask[] = [];
  // Scale in: the newest tasks of the primary deployment go first.
  for (let i = primaryActive.length - 1; i >= desired; i--) {
    const task = primaryActive[i] as SimTask;
    toStop.push(task);
    if (isServing(task)) servingCount--;
  }
  // Replace old deployments' tasks, keeping minimumHealthyPercent of desiredCount serving.
  let spareServing = servingCount - Math.ceil((desired * service.minimumHealthyPercent) / 100);
  toStop.push(...oldIdle);
  for (const task of oldServing) {
    if (spareServing <= 0) break;
    toStop.push(task);
    spareServing--;
  }
  if (toStop.length > 0) stopServiceTasks(world, service, toStop, at, scalingActivity(primary));

  const primaryCount = Math.min(primaryActive.length, desired);
  const maxTotal = Math.max(desired, Math.floor((desired * service.maximumPercent) / 100));
  const wanted = Math.min(desired - primaryCount, maxTotal - (activeCount - toStop.length));
  if (wanted > 0 && primary.rolloutState !== "FAILED") {
    if (at < service.restartNotBefore) scheduleReconcile(world, service, service.restartNotBefore);
    else {
      const started: SimTask[] = [];
      for (let i = 0; i < wanted; i++) started.push(launchTask(world, servicePlan(service, primary), at));
      addEvent(service, at, eventText.started(service, started));
    }
  }

  // An old deployment goes away once the last of its tasks has stopped.
  if (service.deployments.length > 1) {
    const live = new Set<SimDeployment>([primary]);
    for (const task of service.tasks)
      if (task.lastStatus !== "STOPPED" && task.deployment) live.add(task.deployment);
    if (service.deployments.some((deployment) => !live.has(deployment))) {
      service.deployments = service.deployments.filter((deployment) => live.has(deployment));
    }
  }
  if (service.deployments.length === 1 && primaryServing >= desired) completeRollout(service, primary, at);
}

function completeRollout(service: SimService, primary: SimDeployment, at: number): void {
  if (primary.rolloutState === "IN_PROGRESS") {
    primary.rolloutState = "COMPLETED";
    primary.rolloutStateReason = `ECS deployment ${primary.id} completed.`;
    primary.updatedAt = at;
    service.stable = primary.serviceRevision;
    recordRolloutCompleted(service, primary, at);
    addEvent(service, at, eventText.deploymentCompleted(service, primary));
    addEvent(service, at, eventText.steadyState(service));
  } else if (
    primary.rolloutState === "COMPLETED" &&
    service.events[0]?.message !== eventText.steadyState(service)
  ) {
    addEvent(service, at, eventText.steadyState(service));
  }
}

function scheduleReconcile(world: World, service: SimService, at: number): void {
  if (service.reconcileScheduledAt !== undefined && service.reconcileScheduledAt <= at) return;
  service.reconcileScheduledAt = at;
  world.schedule(at, (now) => {
    if (service.reconcileScheduledAt !== at) return;
    service.reconcileScheduledAt = undefined;
    reconcile(world, service, now);
  });
}

/** Stops service tasks the way the scheduler does, with the events the console shows. */
export function stopServiceTasks(
  world: World,
  service: SimService,
  tasks: readonly SimTask[],
  at: number,
  stoppedReason: string,
  stopCode = "ServiceSchedulerInitiated",
): void {
  const target = service.loadBalancer?.targetGroupArn;
  const wasRunning = tasks.filter((task) => task.lastStatus === "RUNNING");
  if (target !== undefined && wasRunning.length > 0) {
    addEvent(service, at, eventText.draining(service, wasRunning.length));
    addEvent(service, at, eventText.deregistered(service, wasRunning.length, target));
  }
  const drainMs = target !== undefined ? service.rng.int(10, 30) * SECOND : undefined;
  for (const task of tasks) {
    stopTask(world, task, at, { stopCode, stoppedReason, drainMs }, service.rng);
  }
  if (wasRunning.length > 0) addEvent(service, at, eventText.stopped(service, wasRunning));
}

function recordFailure(world: World, service: SimService, task: SimTask, at: number): void {
  const deployment = task.deployment;
  if (deployment === undefined) return;
  deployment.failedTasks++;
  deployment.updatedAt = at;
  service.restartNotBefore = Math.max(service.restartNotBefore, at + service.rng.int(5, 20) * SECOND);
  if (task.stoppedReason === HEALTH_CHECKS_FAILED)
    addEvent(service, at, eventText.healthChecksFailed(service, task));
  if (deployment.failedTasks % 5 === 0) addEvent(service, at, eventText.unableToStart(service));

  const primary = service.deployments[0];
  if (!service.circuitBreaker.enable || deployment !== primary || deployment.rolloutState !== "IN_PROGRESS")
    return;
  if (deployment.failedTasks < circuitBreakerThreshold(service)) return;
  deployment.rolloutState = "FAILED";
  deployment.rolloutStateReason = "ECS deployment circuit breaker: tasks failed to start.";
  addEvent(service, at, eventText.deploymentFailed(service, deployment));
  const record = deployment.record;
  if (record?.status === "ROLLBACK_IN_PROGRESS" || record?.status === "ROLLBACK_REQUESTED") {
    // The revision rolled back to fails too: nothing safer to go back to.
    finishRecord(service, record, "ROLLBACK_FAILED", at, deploymentReasons.rollbackFailed);
    return;
  }
  if (service.circuitBreaker.rollback) {
    const target = service.stable;
    const rollback = rollBack(world, service, target, at);
    deployment.rolloutStateReason = `ECS deployment circuit breaker: tasks failed to start. Rolling back to deployment ${rollback.id}.`;
    addEvent(service, at, eventText.rollingBack(service, rollback));
    service.restartNotBefore = at;
    if (record !== undefined && record.deployment === deployment) {
      startRecordRollback(record, target, at, "circuit-breaker");
      rollback.record = record;
    }
  } else if (record !== undefined && record.deployment === deployment) {
    finishRecord(service, record, "STOPPED", at, deploymentReasons.breakerStopped);
  }
}

/** Failed tasks that trip the circuit breaker: half the desired count, from 3 to 200. */
export function circuitBreakerThreshold(service: SimService): number {
  return Math.min(200, Math.max(3, Math.ceil(service.desiredCount / 2)));
}

/**
 * Makes the deployment that runs `target` PRIMARY again, or starts one with it if it is gone. The
 * caller reconciles.
 */
export function rollBack(
  world: World,
  service: SimService,
  target: SimServiceRevision,
  at: number,
): SimDeployment {
  const previous = service.deployments.find((d) => d.status === "ACTIVE" && d.serviceRevision === target);
  if (previous === undefined) return addDeployment(service, target, `ecs-svc/${service.rng.digits(19)}`, at);
  for (const deployment of service.deployments) deployment.status = "ACTIVE";
  previous.status = "PRIMARY";
  previous.rolloutState = "IN_PROGRESS";
  previous.rolloutStateReason = `ECS deployment ${previous.id} in progress.`;
  previous.updatedAt = at;
  service.deployments = [previous, ...service.deployments.filter((d) => d !== previous)];
  service.family = previous.family;
  return previous;
}

/** Registers the next revision of the service's family (optionally a broken one). */
export function registerRevision(service: SimService, at: number, fault?: Fault): number {
  const family = service.family;
  family.latestRevision++;
  recordRevision(family, family.latestRevision, at, fault);
  return family.latestRevision;
}

/** Starts a rolling deployment of `revision`: a new PRIMARY, the previous ones become ACTIVE. */
export function startDeployment(
  world: World,
  service: SimService,
  revision: number,
  at: number,
  options: { reconcile?: boolean; family?: TaskFamily } = {},
): SimDeployment {
  // The history must be made while deployments[0] is still the one the service was built with.
  serviceDeploymentsOf(world, service);
  const id = `ecs-svc/${service.rng.digits(19)}`;
  const source: SimServiceRevision[] = [];
  for (const previous of service.deployments) {
    if (!source.includes(previous.serviceRevision)) source.push(previous.serviceRevision);
  }
  const family = options.family ?? service.family;
  const deployment = addDeployment(service, newServiceRevision(id, family, revision, at), id, at);
  recordDeploymentStart(world, service, deployment, source, at);
  if (options.reconcile ?? true) reconcile(world, service, at);
  return deployment;
}

/** A new PRIMARY deployment of a service revision; the others become ACTIVE. */
function addDeployment(
  service: SimService,
  revision: SimServiceRevision,
  id: string,
  at: number,
): SimDeployment {
  const deployment: SimDeployment = {
    id,
    status: "PRIMARY",
    family: revision.family,
    revision: revision.revision,
    serviceRevision: revision,
    record: undefined,
    failedTasks: 0,
    createdAt: at,
    updatedAt: at,
    rolloutState: "IN_PROGRESS",
    rolloutStateReason: `ECS deployment ${id} in progress.`,
  };
  for (const previous of service.deployments) previous.status = "ACTIVE";
  service.deployments.unshift(deployment);
  service.family = revision.family;
  return deployment;
}
