// Service deployments and service revisions (ListServiceDeployments, DescribeServiceDeployments,
// DescribeServiceRevisions): the history of a service's changes, kept beside the deployments[] the
// scheduler works with. A service deployment starts IN_PROGRESS with a new PRIMARY deployment and
// ends SUCCESSFUL when that rollout completes, STOPPED when a newer one replaces it or its circuit
// breaker trips without rollback, or goes through ROLLBACK_* when it is rolled back (by the circuit
// breaker, or by StopServiceDeployment). Ids are hashed, so history draws nothing from the
// services' random streams.
import { hashHex } from "../random.js";
import { serviceDeploymentArn, serviceRevisionArn } from "./arns.js";
import type {
  RevisionCounts,
  ServiceDeploymentStatus,
  SimDeployment,
  SimService,
  SimServiceDeployment,
  SimServiceRevision,
  TaskFamily,
} from "./model.js";
import { isPendingStatus } from "./task-lifecycle.js";
import type { World } from "./world.js";

/** AWS keeps 90 days of service deployments; the simulator keeps the newest 100. */
export const MAX_SERVICE_DEPLOYMENTS = 100;

const ONGOING: ReadonlySet<ServiceDeploymentStatus> = new Set([
  "PENDING",
  "IN_PROGRESS",
  "STOP_REQUESTED",
  "ROLLBACK_REQUESTED",
  "ROLLBACK_IN_PROGRESS",
]);

export const isOngoing = (record: SimServiceDeployment): boolean => ONGOING.has(record.status);

export const deploymentReasons = {
  superseded: "Service deployment stopped because a newer service deployment started.",
  breakerStopped: "Service deployment failed because the circuit breaker threshold was exceeded.",
  breakerRollingBack: "Service deployment rolling back because the circuit breaker threshold was exceeded.",
  breakerRolledBack: "Service deployment rolled back because the circuit breaker threshold was exceeded.",
  breakerRollback: "Circuit breaker threshold was exceeded.",
  userRequested: "Service deployment rollback requested by user.",
  userRollingBack: "Service deployment rolling back because of a user request.",
  userRolledBack: "Service deployment rolled back because of a user request.",
  userRollback: "Rollback requested by user.",
  rollbackFailed:
    "Service deployment rollback failed: tasks of the previous service revision failed to start.",
};

export function newServiceRevision(
  key: string,
  family: TaskFamily,
  revision: number,
  createdAt: number,
): SimServiceRevision {
  return { key, id: undefined, family, revision, createdAt };
}

/** 19 digits, as AWS's service revision ids, hashed from the service and the revision's key. */
export function revisionId(service: SimService, revision: SimServiceRevision): string {
  if (revision.id === undefined) {
    const hex = hashHex(`${service.arn}#revision#${revision.key}`, 19);
    let id = String(1 + (parseInt(hex[0] ?? "0", 16) % 9));
    for (let i = 1; i < hex.length; i++) id += String(parseInt(hex[i] ?? "0", 16) % 10);
    revision.id = id;
  }
  return revision.id;
}

export function revisionArn(world: World, service: SimService, revision: SimServiceRevision): string {
  return serviceRevisionArn(world, service.cluster.name, service.name, revisionId(service, revision));
}

/** 22 url-safe characters, as AWS's service deployment ids. */
function deploymentRecordId(service: SimService, key: string): string {
  return Buffer.from(hashHex(`${service.arn}#service-deployment#${key}`, 32), "hex")
    .toString("base64url")
    .slice(0, 22);
}

function newRecord(
  world: World,
  service: SimService,
  key: string,
  deployment: SimDeployment,
  source: SimServiceRevision[],
  at: number,
): SimServiceDeployment {
  const id = deploymentRecordId(service, key);
  return {
    id,
    arn: serviceDeploymentArn(world, service.cluster.name, service.name, id),
    seq: 0,
    createdAt: at,
    startedAt: at,
    updatedAt: at,
    finishedAt: undefined,
    stoppedAt: undefined,
    status: "IN_PROGRESS",
    statusReason: undefined,
    source,
    target: deployment.serviceRevision,
    deployment,
    rollback: undefined,
    finalCounts: undefined,
    minimumHealthyPercent: service.minimumHealthyPercent,
    maximumPercent: service.maximumPercent,
    circuitBreaker: { ...service.circuitBreaker },
  };
}

/**
 * The service's deployments, oldest first. A service that still runs the deployment it was built
 * with gets the service deployment that shipped it (completed before the simulation began) here.
 */
export function serviceDeploymentsOf(world: World, service: SimService): SimServiceDeployment[] {
  if (service.serviceDeployments !== undefined) return service.serviceDeployments;
  const history: SimServiceDeployment[] = [];
  // Until the first deployment after the build, deployments[0] is the one the service was built with.
  const initial = service.deployments[0];
  if (initial !== undefined) {
    const target = initial.serviceRevision;
    const source =
      target.revision > 1
        ? [
            newServiceRevision(
              "previous",
              target.family,
              target.revision - 1,
              target.createdAt - 7 * 24 * 3_600_000,
            ),
          ]
        : [];
    const record = newRecord(world, service, "initial", initial, source, initial.createdAt);
    record.status = "SUCCESSFUL";
    record.updatedAt = initial.updatedAt;
    record.finishedAt = initial.updatedAt;
    record.finalCounts = new Map([
      [target, { requested: service.desiredCount, running: service.desiredCount, pending: 0 }],
    ]);
    for (const revision of source) record.finalCounts.set(revision, { requested: 0, running: 0, pending: 0 });
    if (initial.record === undefined && initial.rolloutState === "COMPLETED") initial.record = record;
    history.push(record);
  }
  service.serviceDeployments = history;
  return history;
}

/** The ARN of the service's newest service deployment, without building the history for it. */
export function currentServiceDeploymentArn(world: World, service: SimService): string {
  const history = service.serviceDeployments;
  const newest = history?.[history.length - 1];
  if (newest !== undefined) return newest.arn;
  const id = deploymentRecordId(service, "initial");
  return serviceDeploymentArn(world, service.cluster.name, service.name, id);
}

/** Starts the service deployment of a new PRIMARY deployment; ongoing ones stop. */
export function recordDeploymentStart(
  world: World,
  service: SimService,
  deployment: SimDeployment,
  source: SimServiceRevision[],
  at: number,
): SimServiceDeployment {
  const history = serviceDeploymentsOf(world, service);
  for (const record of history) {
    if (isOngoing(record)) finishRecord(service, record, "STOPPED", at, deploymentReasons.superseded);
  }
  const record = newRecord(world, service, deployment.id, deployment, source, at);
  record.seq = (history[history.length - 1]?.seq ?? -1) + 1;
  history.push(record);
  if (history.length > MAX_SERVICE_DEPLOYMENTS) history.splice(0, history.length - MAX_SERVICE_DEPLOYMENTS);
  deployment.record = record;
  return record;
}

/** Task counts of one service revision now: requested (desired), running and pending. */
export function liveCounts(service: SimService, revision: SimServiceRevision): RevisionCounts {
  const counts: RevisionCounts = { requested: 0, running: 0, pending: 0 };
  const primary = service.deployments[0];
  let active = 0;
  for (const task of service.tasks) {
    if (task.deployment?.serviceRevision !== revision) continue;
    if (task.lastStatus === "RUNNING") counts.running++;
    else if (isPendingStatus(task.lastStatus)) counts.pending++;
    if (task.desiredStatus === "RUNNING") active++;
  }
  counts.requested = primary?.serviceRevision === revision ? service.desiredCount : active;
  return counts;
}

export function recordCounts(
  service: SimService,
  record: SimServiceDeployment,
  revision: SimServiceRevision,
): RevisionCounts {
  return record.finalCounts?.get(revision) ?? liveCounts(service, revision);
}

/** Ends a service deployment: its counts are frozen as they are now. */
export function finishRecord(
  service: SimService,
  record: SimServiceDeployment,
  status: ServiceDeploymentStatus,
  at: number,
  reason: string | undefined,
): void {
  const revisions = [record.target, ...record.source];
  if (record.rollback !== undefined) revisions.push(record.rollback.revision);
  record.finalCounts = new Map(revisions.map((revision) => [revision, liveCounts(service, revision)]));
  record.status = status;
  record.statusReason = reason;
  record.updatedAt = at;
  record.finishedAt = at;
  if (status === "STOPPED" || status === "ROLLBACK_FAILED") record.stoppedAt = at;
}

/** StopServiceDeployment (ROLLBACK): the rollback to `revision` is requested and starts soon. */
export function requestRecordRollback(
  record: SimServiceDeployment,
  revision: SimServiceRevision,
  at: number,
): void {
  record.status = "ROLLBACK_REQUESTED";
  record.statusReason = deploymentReasons.userRequested;
  record.rollback = { reason: deploymentReasons.userRollback, startedAt: at, revision };
  record.updatedAt = at;
}

/** A service deployment starts rolling back to `revision`. */
export function startRecordRollback(
  record: SimServiceDeployment,
  revision: SimServiceRevision,
  at: number,
  cause: "circuit-breaker" | "user",
): void {
  record.status = "ROLLBACK_IN_PROGRESS";
  record.statusReason =
    cause === "user" ? deploymentReasons.userRollingBack : deploymentReasons.breakerRollingBack;
  record.rollback = {
    reason: cause === "user" ? deploymentReasons.userRollback : deploymentReasons.breakerRollback,
    startedAt: at,
    revision,
  };
  record.updatedAt = at;
}

/** The rollout of `deployment` completed: the service deployment driving it succeeded. */
export function recordRolloutCompleted(service: SimService, deployment: SimDeployment, at: number): void {
  const record = deployment.record;
  // A requested rollback goes ahead even if the rollout completes before it starts.
  if (record === undefined || !isOngoing(record) || record.status === "ROLLBACK_REQUESTED") return;
  if (record.status === "ROLLBACK_IN_PROGRESS") {
    const user = record.rollback?.reason === deploymentReasons.userRollback;
    const reason = user ? deploymentReasons.userRolledBack : deploymentReasons.breakerRolledBack;
    finishRecord(service, record, "ROLLBACK_SUCCESSFUL", at, reason);
  } else if (record.deployment === deployment) {
    finishRecord(service, record, "SUCCESSFUL", at, undefined);
  }
}

/** Finds a service deployment or service revision by the id at the end of its ARN. */
export function findRecord(world: World, service: SimService, id: string): SimServiceDeployment | undefined {
  return serviceDeploymentsOf(world, service).find((record) => record.id === id);
}

export function findRevision(world: World, service: SimService, id: string): SimServiceRevision | undefined {
  const seen = new Set<SimServiceRevision>();
  const candidates: SimServiceRevision[] = [service.stable];
  for (const deployment of service.deployments) candidates.push(deployment.serviceRevision);
  for (const record of serviceDeploymentsOf(world, service)) {
    candidates.push(record.target, ...record.source);
    if (record.rollback) candidates.push(record.rollback.revision);
  }
  for (const revision of candidates) {
    if (seen.has(revision)) continue;
    seen.add(revision);
    if (revisionId(service, revision) === id) return revision;
  }
  return undefined;
}
