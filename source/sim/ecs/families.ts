// Task definition families: one per service, an app container from ECR (or a vendor image) and
// the sidecars real teams run next to it (Datadog agent, App Mesh Envoy, FireLens log router).
// A family with a log router sends its app's logs through FireLens.
import { hashHex, type Rng } from "../random.js";
import { iamRoleArn } from "./arns.js";
import { APPMESH_ENVOY, DATADOG_AGENT, FARGATE_SIZES, FLUENT_BIT, publicImageFor } from "./catalog.js";
import { FIRELENS_FAMILIES, SPLUNK_FAMILIES } from "./log-configuration.js";
import type { ContainerSpec, Fault, LaunchType, TaskFamily } from "./model.js";
import type { World } from "./world.js";

export interface FamilyPlan {
  family: string;
  app: string;
  environment: string;
  web: boolean;
  compatibility: LaunchType;
  latestRevision: number;
  firstRegisteredAt: number;
  lastRegisteredAt: number;
  rng: Rng;
  /** Smaller tasks and fewer sidecars (staging, batch). */
  lean?: boolean;
}

export function buildFamily(world: World, plan: FamilyPlan): TaskFamily {
  const { rng } = plan;
  const bridge = plan.compatibility === "EC2";
  const sizes = plan.lean ? FARGATE_SIZES.slice(0, 3) : FARGATE_SIZES;
  const [cpu, memory] = rng.pick(rng.chance(0.6) ? sizes.slice(0, 4) : sizes);
  const sidecars: ContainerSpec[] = [];
  if (!bridge && rng.chance(plan.lean ? 0.3 : 0.8)) sidecars.push(DATADOG_AGENT_SPEC);
  if (plan.web && !bridge && !plan.lean && rng.chance(0.25)) sidecars.push(ENVOY_SPEC);
  // The draw comes first so that forcing FireLens on one family leaves every other family as it was.
  const router = !bridge && (rng.chance(0.15) || FIRELENS_FAMILIES.has(plan.family));
  if (router) sidecars.push(LOG_ROUTER_SPEC);
  const sidecarCpu = sidecars.reduce((sum, spec) => sum + spec.cpu, 0);
  const sidecarMemory = sidecars.reduce((sum, spec) => sum + (spec.memoryReservation ?? 0), 0);
  const app = appContainer(world, plan, cpu - sidecarCpu, memory - sidecarMemory);
  const spacing = Math.max(
    1,
    (plan.lastRegisteredAt - plan.firstRegisteredAt) / Math.max(1, plan.latestRevision - 1),
  );
  const family: TaskFamily = {
    name: plan.family,
    latestRevision: plan.latestRevision,
    firstRegisteredAt: plan.firstRegisteredAt,
    revisionSpacingMs: spacing,
    registeredAt: undefined,
    majorVersion: rng.int(1, 4),
    cpu,
    memory,
    networkMode: bridge ? "bridge" : "awsvpc",
    compatibility: plan.compatibility,
    operatingSystemFamily: "LINUX",
    containers: [app, ...sidecars],
    taskRoleArn: iamRoleArn(world, `${plan.family}-task`),
    executionRoleArn: iamRoleArn(world, "ecsTaskExecutionRole"),
    logGroup: `/ecs/${plan.family}`,
    appLogDriver: router ? "awsfirelens" : SPLUNK_FAMILIES.has(plan.family) ? "splunk" : "awslogs",
    environment: plan.environment,
    faults: undefined,
  };
  recordRevision(family, plan.latestRevision, plan.lastRegisteredAt);
  world.families.set(family.name, family);
  return family;
}

function appContainer(world: World, plan: FamilyPlan, cpu: number, memory: number): ContainerSpec {
  const vendor = publicImageFor(plan.app);
  const port = vendor?.port ?? (plan.web ? 8080 : 9090);
  const healthCheck = plan.web
    ? ["CMD-SHELL", `curl -fsS http://localhost:${port}/healthz || exit 1`]
    : WORKER_HEALTH_CHECK;
  return {
    name: plan.app,
    repository: vendor?.repository ?? `${world.accountId}.dkr.ecr.${world.region}.amazonaws.com/${plan.app}`,
    ...(vendor ? { pinnedTag: vendor.tag } : {}),
    essential: true,
    cpu,
    memory,
    ports: [port],
    healthCheck,
    role: "app",
  };
}

// Sidecars are the same in every family, so they are shared rather than copied.
const DATADOG_AGENT_SPEC: ContainerSpec = {
  name: "datadog-agent",
  repository: DATADOG_AGENT.repository,
  pinnedTag: DATADOG_AGENT.tag,
  essential: false,
  cpu: 64,
  memoryReservation: 256,
  ports: [8126],
  role: "sidecar",
};

const ENVOY_SPEC: ContainerSpec = {
  name: "envoy",
  repository: APPMESH_ENVOY.repository,
  pinnedTag: APPMESH_ENVOY.tag,
  essential: true,
  cpu: 128,
  memoryReservation: 128,
  ports: [9901],
  healthCheck: ["CMD-SHELL", "curl -s http://localhost:9901/server_info | grep state | grep -q LIVE"],
  role: "sidecar",
};

const LOG_ROUTER_SPEC: ContainerSpec = {
  name: "log-router",
  repository: FLUENT_BIT.repository,
  pinnedTag: FLUENT_BIT.tag,
  essential: true,
  cpu: 32,
  memoryReservation: 64,
  ports: [],
  role: "sidecar",
};

const WORKER_HEALTH_CHECK = ["CMD-SHELL", "test -f /tmp/healthy || exit 1"];

/** The image tag a revision of our own apps was built with: v<major>.<revision/10>.<revision%10>. */
export function imageFor(family: TaskFamily, spec: ContainerSpec, revision: number): string {
  const tag = spec.pinnedTag ?? `v${family.majorVersion}.${Math.floor(revision / 10)}.${revision % 10}`;
  return `${spec.repository}:${tag}`;
}

/** Flags our apps switch on over time, one more every FLAG_STEP revisions. */
const FEATURE_FLAGS = ["new-checkout", "fast-search", "async-email", "gzip-responses", "edge-cache"];
const FLAG_STEP = 3;
/** Revisions come in runs of MEMORY_STEP; every other run the app container had less memory. */
const MEMORY_STEP = 4;

/**
 * What a revision of our own apps changed besides its image tag, from the revision number alone
 * (revisions are immutable: the same number always renders the same): feature flags turned on
 * every few revisions, and the app container's memory limit trimmed and raised back in runs.
 * Vendor images (pinned tags) and sidecars stay as they are.
 */
export function revisionTuning(
  spec: ContainerSpec,
  revision: number,
): { featureFlags?: string; memory?: number } {
  if (spec.role !== "app" || spec.pinnedTag !== undefined) return { memory: spec.memory };
  // Once every flag is on, a clean-up release removes them all (they became the default).
  const flags = FEATURE_FLAGS.slice(0, Math.floor(revision / FLAG_STEP) % (FEATURE_FLAGS.length + 1));
  const trimmed = Math.floor((revision - 1) / MEMORY_STEP) % 2 === 1;
  const memory =
    spec.memory === undefined || !trimmed
      ? spec.memory
      : Math.max(64, Math.floor((spec.memory * 0.75) / 64) * 64);
  return { ...(flags.length > 0 ? { featureFlags: flags.join(",") } : {}), memory };
}

/** The digest of an image: the same reference is the same image wherever it runs (ECR agrees). */
export function imageDigestOf(image: string): string {
  return `sha256:${hashHex(`image/${image}`, 64)}`;
}

/** Fargate's platform family and version for a task definition family's tasks. */
export function fargatePlatform(family: TaskFamily): { platformFamily: string; platformVersion: string } {
  return family.operatingSystemFamily === "LINUX"
    ? { platformFamily: "Linux", platformVersion: "1.4.0" }
    : { platformFamily: family.operatingSystemFamily, platformVersion: "1.0.0" };
}

/** Records when a revision was registered and, for a broken one, how its tasks die. */
export function recordRevision(family: TaskFamily, revision: number, at: number, fault?: Fault): void {
  family.registeredAt ??= new Map();
  family.registeredAt.set(revision, at);
  if (fault !== undefined) {
    family.faults ??= new Map();
    family.faults.set(revision, fault);
  }
}

export function revisionFault(family: TaskFamily, revision: number): Fault | undefined {
  return family.faults?.get(revision);
}

export function registeredAt(family: TaskFamily, revision: number): number {
  return (
    family.registeredAt?.get(revision) ?? family.firstRegisteredAt + (revision - 1) * family.revisionSpacingMs
  );
}
