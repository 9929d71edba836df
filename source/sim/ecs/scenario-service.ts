// One service as it looks in a long-lived account: created months ago, last deployed days ago,
// its tasks running since then, a completed deployment and the events that go with it.
import { Rng, formatUuid, hashHex } from "../random.js";
import { serviceArn } from "./arns.js";
import { makeWindows } from "./exec-scenario.js";
import { buildFamily } from "./families.js";
import type { LaunchType, SimCluster, SimDeployment, SimService, SimServiceEvent, SimTask } from "./model.js";
import { newServiceRevision } from "./service-deployments.js";
import { MAX_SERVICE_EVENTS, eventText } from "./service-events.js";
import { servicePlan } from "./service-scheduler.js";
import { seedRunningTask } from "./task-lifecycle.js";
import { DAY, HOUR, MINUTE, SECOND } from "./time.js";
import type { World } from "./world.js";

export interface ServicePlan {
  cluster: SimCluster;
  name: string;
  family: string;
  environment: string;
  desiredCount: number;
  web: boolean;
  launchType: LaunchType | undefined;
  capacityProvider: string | undefined;
  deployEveryMs: number;
  faultyDeployChance?: number;
  taskLifetimeMs: number;
  lean?: boolean;
  /** Windows Server tasks, exec enabled (see exec-scenario.ts). */
  windows?: boolean;
  /** Subnet indexes to place tasks in, in turn (default: every subnet in turn). */
  subnetCycle?: readonly number[];
  team: string;
}

/** Builds the service as of `at` (the start of the simulation), with tasks already running. */
export function buildService(world: World, plan: ServicePlan, at: number): SimService {
  const { cluster } = plan;
  const rng = Rng.derive(world.seed, "service", cluster.name, plan.name);
  const createdAt = at - rng.int(30, 900) * DAY - rng.int(0, 86_399) * SECOND;
  const lastDeployAt = Math.max(createdAt + HOUR, at - 30 * MINUTE - rng.exponential(3 * DAY));
  const latestRevision = rng.int(3, 260);
  const compatibility = cluster.launchType;
  const family = buildFamily(world, {
    family: plan.family,
    app: plan.name,
    environment: plan.environment,
    web: plan.web,
    compatibility,
    latestRevision,
    firstRegisteredAt: createdAt,
    lastRegisteredAt: lastDeployAt - rng.int(2, 30) * MINUTE,
    rng,
    ...(plan.lean !== undefined ? { lean: plan.lean } : {}),
  });
  if (plan.windows) makeWindows(family);
  const deploymentId = `ecs-svc/${rng.digits(19)}`;
  const serviceRevision = newServiceRevision(deploymentId, family, latestRevision, lastDeployAt);
  const deployment: SimDeployment = {
    id: deploymentId,
    status: "PRIMARY",
    family,
    revision: latestRevision,
    serviceRevision,
    record: undefined,
    failedTasks: 0,
    createdAt: lastDeployAt,
    updatedAt: lastDeployAt + rng.int(2, 6) * MINUTE,
    rolloutState: "COMPLETED",
    rolloutStateReason: "",
  };
  deployment.rolloutStateReason = `ECS deployment ${deployment.id} completed.`;
  const web = plan.web && compatibility === "FARGATE";
  const service: SimService = {
    seq: world.nextSeq(),
    name: plan.name,
    arn: serviceArn(world, cluster.name, plan.name),
    cluster,
    family,
    status: "ACTIVE",
    desiredCount: plan.desiredCount,
    launchType: plan.launchType,
    capacityProvider: plan.capacityProvider,
    createdAt,
    createdBy: `arn:aws:iam::${world.accountId}:role/terraform-${plan.environment}`,
    deployments: [deployment],
    stable: serviceRevision,
    serviceDeployments: undefined,
    tasks: [],
    events: [],
    history: undefined,
    minimumHealthyPercent: web ? 100 : rng.pick([50, 100]),
    maximumPercent: 200,
    circuitBreaker: { enable: true, rollback: (plan.faultyDeployChance ?? 0) > 0 || rng.chance(0.7) },
    // The draw comes first so that a Windows service leaves every other service as it was.
    enableExecuteCommand: rng.chance(0.85) || plan.windows === true,
    loadBalancer: web
      ? {
          targetGroupArn: `arn:aws:elasticloadbalancing:${world.region}:${world.accountId}:targetgroup/${`${cluster.name}-${plan.name}`.slice(0, 32)}/${rng.hex(16)}`,
          containerName: plan.name,
          containerPort: family.containers[0]?.ports[0] ?? 8080,
        }
      : undefined,
    healthCheckGracePeriodSeconds: web ? 60 : undefined,
    tags: [
      { key: "team", value: plan.team },
      { key: "environment", value: plan.environment },
      { key: "managed-by", value: "terraform" },
    ],
    rng,
    restartNotBefore: 0,
    reconcileScheduledAt: undefined,
    deployEveryMs: plan.deployEveryMs,
    faultyDeployChance: plan.faultyDeployChance ?? 0,
    taskLifetimeMs: plan.taskLifetimeMs,
    placementCursor: rng.int(0, 2),
    subnetCycle: plan.subnetCycle,
  };
  cluster.services.push(service);
  cluster.servicesByName.set(service.name, service);

  const firstStart = lastDeployAt + rng.int(20, 90) * SECOND;
  for (let i = 0; i < plan.desiredCount; i++) {
    const churned = rng.chance(0.3) && at - firstStart > 10 * MINUTE;
    const startedAt = churned
      ? rng.between(firstStart, at - 5 * MINUTE)
      : firstStart + rng.int(0, 60) * SECOND;
    seedRunningTask(world, servicePlan(service, deployment), Math.round(startedAt));
  }
  const firstTasks = service.tasks.slice();
  service.history = () => history(service, firstTasks, deployment, firstStart, at);
  return service;
}

/**
 * The events of the last deployment and the 6-hourly steady-state reminders since, newest first.
 * Made lazily, so ids come from a hash rather than the service's random stream.
 */
function history(
  service: SimService,
  firstTasks: readonly SimTask[],
  deployment: SimDeployment,
  firstStart: number,
  at: number,
): SimServiceEvent[] {
  const events: SimServiceEvent[] = [];
  const add = (createdAt: number, message: string): void => {
    events.push({ id: formatUuid(hashHex(`${service.arn}#${events.length}`, 32)), createdAt, message });
  };
  add(firstStart, eventText.started(service, firstTasks));
  const target = service.loadBalancer?.targetGroupArn;
  if (target !== undefined)
    add(firstStart + 75 * SECOND, eventText.registered(service, firstTasks.length, target));
  add(deployment.updatedAt, eventText.deploymentCompleted(service, deployment));
  add(deployment.updatedAt, eventText.steadyState(service));
  const reminders = Math.floor((at - deployment.updatedAt) / (6 * HOUR));
  for (let i = Math.max(1, reminders - 11); i <= reminders; i++) {
    add(deployment.updatedAt + i * 6 * HOUR, eventText.steadyState(service));
  }
  return events.reverse().slice(0, MAX_SERVICE_EVENTS);
}
