// ListServiceDeployments, DescribeServiceDeployments, DescribeServiceRevisions and
// StopServiceDeployment (ROLLBACK): the service's deployment history, and the "roll back now"
// action. A requested rollback starts a few seconds later (ROLLBACK_REQUESTED ->
// ROLLBACK_IN_PROGRESS) and succeeds when the previous service revision is back and steady
// (ROLLBACK_SUCCESSFUL).
import type {
  DescribeServiceDeploymentsResponse,
  DescribeServiceRevisionsResponse,
  Failure,
  ListServiceDeploymentsResponse,
  ServiceDeployment,
  ServiceDeploymentBrief,
  ServiceRevision,
  ServiceRevisionSummary,
  StopServiceDeploymentResponse,
} from "@aws-sdk/client-ecs";
import { optionalInteger, optionalObject, optionalString, stringList } from "../input.js";
import { pageRequest, paginate } from "../pagination.js";
import { SimError, invalidParameter, type JsonObject } from "../protocol.js";
import { serviceChildRef, taskDefinitionArn } from "./arns.js";
import { fargatePlatform, imageFor } from "./families.js";
import type { SimService, SimServiceDeployment, SimServiceRevision } from "./model.js";
import { checkBatch, requireCluster, requireService } from "./ops-common.js";
import {
  findRecord,
  findRevision,
  isOngoing,
  recordCounts,
  requestRecordRollback,
  revisionArn,
  serviceDeploymentsOf,
  startRecordRollback,
} from "./service-deployments.js";
import { addEvent, eventText } from "./service-events.js";
import { circuitBreakerThreshold, reconcile, rollBack } from "./service-scheduler.js";
import { SECOND } from "./time.js";
import type { World } from "./world.js";

const STATUSES = new Set([
  "PENDING",
  "SUCCESSFUL",
  "STOPPED",
  "STOP_REQUESTED",
  "IN_PROGRESS",
  "ROLLBACK_REQUESTED",
  "ROLLBACK_IN_PROGRESS",
  "ROLLBACK_SUCCESSFUL",
  "ROLLBACK_FAILED",
]);

/** A timestamp member (epoch seconds on the wire), in ms. */
function optionalTime(input: JsonObject, member: string): number | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value))
    throw invalidParameter(`${member} must be a timestamp.`);
  return value * 1000;
}

const date = (ms: number | undefined): Date | undefined => (ms === undefined ? undefined : new Date(ms));

export function listServiceDeployments(world: World, input: JsonObject): ListServiceDeploymentsResponse {
  const statuses = stringList(input, "status");
  for (const status of statuses)
    if (!STATUSES.has(status)) throw invalidParameter(`Invalid status: ${status}`);
  const createdAt = optionalObject(input, "createdAt");
  const before = createdAt === undefined ? undefined : optionalTime(createdAt, "before");
  const after = createdAt === undefined ? undefined : optionalTime(createdAt, "after");
  const cluster = requireCluster(world, input);
  const service = requireService(world, cluster, optionalString(input, "service"));
  const scope = ["ListServiceDeployments", service.arn, statuses.join(","), before ?? "", after ?? ""].join(
    "|",
  );
  const page = pageRequest(optionalInteger(input, "maxResults"), optionalString(input, "nextToken"), scope, {
    defaultSize: 20,
    max: 100,
  });
  // Newest first: keys grow from the newest record towards the oldest (and stay >= 0).
  const newestFirst = [...serviceDeploymentsOf(world, service)].reverse();
  const result = paginate(
    newestFirst,
    (record) => Number.MAX_SAFE_INTEGER - record.seq,
    (record) =>
      (statuses.length === 0 || statuses.includes(record.status)) &&
      (before === undefined || record.createdAt < before) &&
      (after === undefined || record.createdAt > after),
    page,
    scope,
  );
  return {
    serviceDeployments: result.items.map((record) => renderBrief(world, service, record)),
    nextToken: result.nextToken,
  };
}

function renderBrief(
  world: World,
  service: SimService,
  record: SimServiceDeployment,
): ServiceDeploymentBrief {
  return {
    serviceDeploymentArn: record.arn,
    serviceArn: service.arn,
    clusterArn: service.cluster.arn,
    startedAt: date(record.startedAt),
    createdAt: date(record.createdAt),
    finishedAt: date(record.finishedAt),
    targetServiceRevisionArn: revisionArn(world, service, record.target),
    status: record.status,
    statusReason: record.statusReason,
  };
}

/** The service a service deployment or revision ARN names, if it exists here. */
function serviceFor(
  world: World,
  arn: string,
  type: "service-deployment" | "service-revision",
): { service: SimService; id: string } | undefined {
  const ref = serviceChildRef(world, arn, type);
  const service = ref ? world.clustersByName.get(ref.cluster)?.servicesByName.get(ref.service) : undefined;
  return ref && service ? { service, id: ref.id } : undefined;
}

export function describeServiceDeployments(
  world: World,
  input: JsonObject,
): DescribeServiceDeploymentsResponse {
  const arns = stringList(input, "serviceDeploymentArns");
  checkBatch(
    arns,
    20,
    "serviceDeploymentArns cannot be empty.",
    "serviceDeploymentArns can have at most 20 items.",
  );
  const serviceDeployments: ServiceDeployment[] = [];
  const failures: Failure[] = [];
  for (const arn of arns) {
    const found = serviceFor(world, arn, "service-deployment");
    const record = found ? findRecord(world, found.service, found.id) : undefined;
    if (found && record) serviceDeployments.push(renderServiceDeployment(world, found.service, record));
    else failures.push({ arn, reason: "MISSING" });
  }
  return { serviceDeployments, failures };
}

function summary(
  world: World,
  service: SimService,
  record: SimServiceDeployment,
  revision: SimServiceRevision,
): ServiceRevisionSummary {
  const counts = recordCounts(service, record, revision);
  return {
    arn: revisionArn(world, service, revision),
    requestedTaskCount: counts.requested,
    runningTaskCount: counts.running,
    pendingTaskCount: counts.pending,
  };
}

function renderServiceDeployment(
  world: World,
  service: SimService,
  record: SimServiceDeployment,
): ServiceDeployment {
  const deployment = record.deployment;
  const breaker = record.circuitBreaker;
  const breakerStatus = !breaker.enable
    ? "DISABLED"
    : deployment.rolloutState === "FAILED"
      ? "TRIGGERED"
      : isOngoing(record)
        ? "MONITORING"
        : "MONITORING_COMPLETE";
  const out: ServiceDeployment = {
    serviceDeploymentArn: record.arn,
    serviceArn: service.arn,
    clusterArn: service.cluster.arn,
    createdAt: date(record.createdAt),
    startedAt: date(record.startedAt),
    finishedAt: date(record.finishedAt),
    stoppedAt: date(record.stoppedAt),
    updatedAt: date(record.updatedAt),
    sourceServiceRevisions: record.source.map((revision) => summary(world, service, record, revision)),
    targetServiceRevision: summary(world, service, record, record.target),
    status: record.status,
    statusReason: record.statusReason,
    deploymentConfiguration: {
      deploymentCircuitBreaker: { enable: breaker.enable, rollback: breaker.rollback },
      maximumPercent: record.maximumPercent,
      minimumHealthyPercent: record.minimumHealthyPercent,
      strategy: "ROLLING",
    },
    deploymentCircuitBreaker: {
      status: breakerStatus,
      failureCount: deployment.failedTasks,
      threshold: circuitBreakerThreshold(service),
    },
  };
  if (record.rollback !== undefined && record.status !== "ROLLBACK_REQUESTED") {
    out.rollback = {
      reason: record.rollback.reason,
      startedAt: new Date(record.rollback.startedAt),
      serviceRevisionArn: revisionArn(world, service, record.rollback.revision),
    };
  }
  return out;
}

export function describeServiceRevisions(world: World, input: JsonObject): DescribeServiceRevisionsResponse {
  const arns = stringList(input, "serviceRevisionArns");
  checkBatch(
    arns,
    20,
    "serviceRevisionArns cannot be empty.",
    "serviceRevisionArns can have at most 20 items.",
  );
  const serviceRevisions: ServiceRevision[] = [];
  const failures: Failure[] = [];
  for (const arn of arns) {
    const found = serviceFor(world, arn, "service-revision");
    const revision = found ? findRevision(world, found.service, found.id) : undefined;
    if (found && revision) serviceRevisions.push(renderServiceRevision(world, found.service, revision));
    else failures.push({ arn, reason: "MISSING" });
  }
  return { serviceRevisions, failures };
}

function renderServiceRevision(
  world: World,
  service: SimService,
  revision: SimServiceRevision,
): ServiceRevision {
  const family = revision.family;
  const out: ServiceRevision = {
    serviceRevisionArn: revisionArn(world, service, revision),
    serviceArn: service.arn,
    clusterArn: service.cluster.arn,
    taskDefinition: taskDefinitionArn(world, family.name, revision.revision),
    loadBalancers: service.loadBalancer ? [{ ...service.loadBalancer }] : [],
    serviceRegistries: [],
    containerImages: family.containers.map((spec) => ({
      containerName: spec.name,
      image: imageFor(family, spec, revision.revision),
    })),
    guardDutyEnabled: false,
    createdAt: new Date(revision.createdAt),
  };
  if (service.launchType !== undefined) out.launchType = service.launchType;
  if (service.capacityProvider !== undefined)
    out.capacityProviderStrategy = [{ capacityProvider: service.capacityProvider, weight: 1, base: 0 }];
  if (service.cluster.launchType === "FARGATE") {
    Object.assign(out, fargatePlatform(family));
  }
  if (family.networkMode === "awsvpc") {
    out.networkConfiguration = {
      awsvpcConfiguration: {
        subnets: service.cluster.subnets.map((subnet) => subnet.id),
        securityGroups: [service.cluster.securityGroupId],
        assignPublicIp: "DISABLED",
      },
    };
  }
  return out;
}

export const serviceDeploymentNotFound = (): SimError =>
  new SimError("ServiceDeploymentNotFoundException", "The service deployment does not exist.");

/**
 * StopServiceDeployment with stopType ROLLBACK (the default): an ongoing service deployment goes
 * back to the service revision that ran before it. One already rolling back carries on; a finished
 * one cannot be stopped (ConflictException).
 */
export function stopServiceDeployment(world: World, input: JsonObject): StopServiceDeploymentResponse {
  const arn = optionalString(input, "serviceDeploymentArn");
  if (arn === undefined || arn === "") throw invalidParameter("serviceDeploymentArn cannot be empty.");
  const stopType = optionalString(input, "stopType") ?? "ROLLBACK";
  if (stopType !== "ROLLBACK" && stopType !== "ABORT")
    throw invalidParameter(`Invalid stopType: ${stopType}`);
  const found = serviceFor(world, arn, "service-deployment");
  const record = found ? findRecord(world, found.service, found.id) : undefined;
  if (found === undefined || record === undefined) throw serviceDeploymentNotFound();
  if (stopType === "ABORT")
    throw invalidParameter("The ABORT stop type is not supported for this service deployment. Use ROLLBACK.");
  const service = found.service;
  if (record.status === "ROLLBACK_REQUESTED" || record.status === "ROLLBACK_IN_PROGRESS")
    return { serviceDeploymentArn: record.arn };
  if (!isOngoing(record) || service.status !== "ACTIVE") {
    throw new SimError(
      "ConflictException",
      `The service deployment cannot be stopped because its status is ${record.status}.`,
    );
  }
  const at = world.time;
  const target = service.stable === record.target ? record.source[0] : service.stable;
  if (target === undefined)
    throw new SimError(
      "ConflictException",
      "The service deployment has no previous service revision to roll back to.",
    );
  requestRecordRollback(record, target, at);
  const startsAt = at + service.rng.int(1, 3) * SECOND;
  world.schedule(startsAt, () => {
    if (record.status !== "ROLLBACK_REQUESTED" || service.status !== "ACTIVE") return;
    startRecordRollback(record, target, startsAt, "user");
    const deployment = rollBack(world, service, target, startsAt);
    deployment.record = record;
    service.restartNotBefore = startsAt;
    addEvent(service, startsAt, eventText.rollingBack(service, deployment));
    reconcile(world, service, startsAt);
  });
  return { serviceDeploymentArn: record.arn };
}
