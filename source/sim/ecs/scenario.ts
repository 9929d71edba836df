// The default simulated account: a big Fargate "prod" cluster (two rollouts in progress and one
// crash-looping service), "staging" (a deployment that trips its circuit breaker and rolls back),
// "batch-ec2" on EC2 container instances, an empty "legacy" cluster and a deleted one. The world
// is built as it was WARMUP_MS before `now`, then simulated up to `now`, so recent history
// (stopped tasks, events, failure counts) is real simulation output.
import type { ResolvedSimOptions } from "../options.js";
import { Rng } from "../random.js";
import {
  BATCH_SERVICES,
  LOPSIDED_SERVICE,
  LOPSIDED_SUBNETS,
  STAGING_SERVICE_NAMES,
  isWebService,
  prodServiceNames,
} from "./catalog.js";
import type { Fault, SimService } from "./model.js";
import { startBatchJobs } from "./batch-jobs.js";
import { EXEC_SCRIPTED, breakExecAgent } from "./exec-scenario.js";
import { addContainerInstances, buildCluster } from "./scenario-cluster.js";
import { buildService } from "./scenario-service.js";
import { scriptStopGallery } from "./scenario-stops.js";
import { startServiceActivity } from "./service-activity.js";
import { installScheduler, registerRevision, startDeployment } from "./service-scheduler.js";
import { HOUR, MINUTE, SECOND } from "./time.js";
import { spreadTasks } from "./spread-tasks.js";
import { World } from "./world.js";

export const WARMUP_MS = 20 * MINUTE;
/** Background churn starts later than the scripted stories: it is the bulk of the warm-up's cost. */
const CHURN_WARMUP_MS = 8 * MINUTE;

const TEAMS = ["payments", "storefront", "platform", "search", "fulfillment", "growth", "identity", "data"];

/** Which services play the scripted parts, by preferred name. */
export const SCRIPTED = {
  rollingOneByOne: "checkout",
  rollingAll: "search-indexer",
  crashLoop: "payments-worker",
  circuitBreaker: "notifications",
  /** Runs on Fargate Spot; its stopped tasks show every stop diagnosis (scenario-stops.ts). */
  stopGallery: "orders-api",
} as const;

export function buildWorld(options: ResolvedSimOptions, now: number): World {
  const start = now - WARMUP_MS;
  const world = new World(options.seed, start);
  installScheduler(world);
  const rng = Rng.derive(options.seed, "scenario");
  const quiet = new Map<SimService, number>();

  const prod = buildCluster(world, {
    name: "prod",
    launchType: "FARGATE",
    capacityProviders: ["FARGATE", "FARGATE_SPOT"],
    defaultCapacityProviderStrategy: [{ capacityProvider: "FARGATE", weight: 1, base: 0 }],
    containerInsights: "enabled",
    tags: { environment: "prod", "cost-center": "cc-1042", "managed-by": "terraform" },
    vpcOctet: 0,
  });
  const names = prodServiceNames(options.services, rng);
  const fixed = new Map<string, number>([
    [SCRIPTED.rollingOneByOne, 6],
    [SCRIPTED.rollingAll, 4],
    [SCRIPTED.crashLoop, 3],
  ]);
  const desired = spreadTasks(names, options.tasks, fixed, rng);
  names.forEach((name, index) => {
    const worker = !isWebService(name);
    const spot = (worker && rng.chance(0.15)) || name === SCRIPTED.stopGallery;
    buildService(
      world,
      {
        cluster: prod,
        name,
        family: name,
        environment: "prod",
        desiredCount: desired[index] ?? 0,
        web: !worker,
        launchType: spot ? undefined : "FARGATE",
        capacityProvider: spot ? "FARGATE_SPOT" : undefined,
        deployEveryMs: names.length * 5 * MINUTE,
        taskLifetimeMs: 6 * HOUR,
        team: rng.pick(TEAMS),
        windows: name === EXEC_SCRIPTED.windows,
        ...(name === LOPSIDED_SERVICE ? { subnetCycle: LOPSIDED_SUBNETS } : {}),
      },
      start,
    );
  });
  const brokenAgent = prod.servicesByName.get(EXEC_SCRIPTED.agentStopped);
  if (brokenAgent !== undefined) breakExecAgent(brokenAgent);

  const staging = buildCluster(world, {
    name: "staging",
    launchType: "FARGATE",
    capacityProviders: ["FARGATE", "FARGATE_SPOT"],
    defaultCapacityProviderStrategy: [{ capacityProvider: "FARGATE_SPOT", weight: 1, base: 0 }],
    containerInsights: "disabled",
    tags: { environment: "staging", "managed-by": "terraform" },
    vpcOctet: 1,
  });
  for (const name of STAGING_SERVICE_NAMES) {
    buildService(
      world,
      {
        cluster: staging,
        name,
        family: `staging-${name}`,
        environment: "staging",
        desiredCount: rng.chance(0.3) ? 2 : 1,
        web: isWebService(name),
        launchType: "FARGATE",
        capacityProvider: undefined,
        deployEveryMs: 45 * MINUTE,
        faultyDeployChance: 0.15,
        taskLifetimeMs: 12 * HOUR,
        lean: true,
        team: rng.pick(TEAMS),
      },
      start,
    );
  }

  const batch = buildCluster(world, {
    name: "batch-ec2",
    launchType: "EC2",
    capacityProviders: ["batch-ec2-asg"],
    defaultCapacityProviderStrategy: [{ capacityProvider: "batch-ec2-asg", weight: 1, base: 0 }],
    containerInsights: "enabled",
    tags: { environment: "prod", workload: "batch", "managed-by": "terraform" },
    vpcOctet: 2,
  });
  addContainerInstances(world, batch, 3, "batch-ec2-asg", start);
  // One host whose agent lost its connection (an old agent): deckhand shows it in red.
  const lost = batch.instances[2];
  if (lost !== undefined) {
    lost.agentConnected = false;
    lost.agentVersion = "1.79.2";
  }
  for (const plan of BATCH_SERVICES) {
    buildService(
      world,
      {
        cluster: batch,
        name: plan.name,
        family: plan.name,
        environment: "prod",
        desiredCount: plan.desired,
        web: false,
        launchType: plan.capacityProvider ? undefined : "EC2",
        capacityProvider: plan.capacityProvider ? "batch-ec2-asg" : undefined,
        deployEveryMs: 0,
        taskLifetimeMs: 24 * HOUR,
        lean: true,
        team: "data",
      },
      start,
    );
  }

  const emptyCluster = (name: string, status: "ACTIVE" | "INACTIVE", vpcOctet: number): void => {
    buildCluster(world, {
      name,
      launchType: "FARGATE",
      status,
      capacityProviders: [],
      defaultCapacityProviderStrategy: [],
      containerInsights: "disabled",
      tags: { environment: "legacy" },
      vpcOctet,
    });
  };
  emptyCluster("legacy", "ACTIVE", 3);
  emptyCluster("old-prod-2019", "INACTIVE", 4);

  scriptScenario(world, now, quiet);
  for (const cluster of world.clusters) {
    for (const service of cluster.services) {
      startServiceActivity(world, service, now - CHURN_WARMUP_MS, quiet.get(service) ?? start);
    }
  }
  startBatchJobs(world, batch, start, now);
  world.advance(now);
  return world;
}

/** The scripted stories; a service already cast in one part is not cast in another. */
function scriptScenario(world: World, now: number, quiet: Map<SimService, number>): void {
  const prod = world.clustersByName.get("prod");
  const staging = world.clustersByName.get("staging");
  if (prod === undefined || staging === undefined) return;
  const cast = (preferred: string, pool: readonly SimService[]): SimService | undefined => {
    const named = pool.find((service) => service.name === preferred && !quiet.has(service));
    const service = named ?? pool.find((candidate) => !quiet.has(candidate) && candidate.desiredCount > 0);
    if (service !== undefined) quiet.set(service, now + HOUR);
    return service;
  };
  const deployAt = (service: SimService | undefined, at: number, fault?: Fault): void => {
    if (service === undefined) return;
    world.schedule(at, () => startDeployment(world, service, registerRevision(service, at, fault), at));
  };

  const crashLoop = cast(SCRIPTED.crashLoop, prod.services);
  if (crashLoop !== undefined) {
    crashLoop.minimumHealthyPercent = 0;
    crashLoop.maximumPercent = 100;
    crashLoop.circuitBreaker = { enable: false, rollback: false };
    deployAt(crashLoop, now - 15 * MINUTE, "mixed");
  }
  // One task at a time (maximumPercent 125 of 6): the rollout takes several minutes.
  const rollingOneByOne = cast(SCRIPTED.rollingOneByOne, prod.services);
  if (rollingOneByOne !== undefined) {
    rollingOneByOne.minimumHealthyPercent = 100;
    rollingOneByOne.maximumPercent = 125;
  }
  deployAt(rollingOneByOne, now - 30 * SECOND);
  const rollingAll = cast(SCRIPTED.rollingAll, prod.services);
  if (rollingAll !== undefined) {
    rollingAll.minimumHealthyPercent = 100;
    rollingAll.maximumPercent = 200;
  }
  deployAt(rollingAll, now - 10 * SECOND);

  const gallery = cast(SCRIPTED.stopGallery, prod.services);
  if (gallery !== undefined) scriptStopGallery(world, gallery, now);

  const breaker = cast(SCRIPTED.circuitBreaker, staging.services);
  if (breaker !== undefined) {
    breaker.circuitBreaker = { enable: true, rollback: true };
    deployAt(breaker, now - 90 * SECOND, "oom");
  }
}
