// A task's life: PROVISIONING -> PENDING -> RUNNING -> (DEACTIVATING) -> STOPPING ->
// (DEPROVISIONING) -> STOPPED, then forgotten an hour later. Each step is an event on the world's
// queue; cluster counters change only in setLastStatus, so they always agree with the tasks.
import { hashHex, type Rng } from "../random.js";
import { taskArn } from "./arns.js";
import { carryAgentFault } from "./exec-agent.js";
import { imageFor } from "./families.js";
import { cannotFetchSecret, cannotPullImage } from "./stop-reasons.js";
import type { SimContainer, SimTask, TaskCounts, TaskStatus } from "./model.js";
import { SECOND, STOPPED_TASK_RETENTION_MS } from "./time.js";
import type { World } from "./world.js";

const NO_PORTS: readonly number[] = [];
const PENDING_STATES: ReadonlySet<TaskStatus> = new Set(["PROVISIONING", "PENDING", "ACTIVATING"]);

function counterOf(status: TaskStatus): keyof TaskCounts | undefined {
  if (status === "RUNNING") return "running";
  return PENDING_STATES.has(status) ? "pending" : undefined;
}

export function isPendingStatus(status: TaskStatus): boolean {
  return PENDING_STATES.has(status);
}

export function setLastStatus(task: SimTask, status: TaskStatus): void {
  const before = counterOf(task.lastStatus);
  const after = counterOf(status);
  if (before !== after) {
    const counts = task.cluster.counts[task.launchType];
    if (before !== undefined) counts[before]--;
    if (after !== undefined) counts[after]++;
  }
  task.lastStatus = status;
  task.version++;
}

/** What a new task is made from: the task's own fields that the caller decides, and a random source. */
export interface TaskPlan extends Pick<
  SimTask,
  | "cluster"
  | "service"
  | "deployment"
  | "family"
  | "revision"
  | "launchType"
  | "capacityProviderName"
  | "group"
  | "startedBy"
  | "enableExecuteCommand"
> {
  rng: Rng;
}

/** Builds a task record and registers it with its cluster and service; its status is set by the caller. */
function createTask(world: World, plan: TaskPlan, createdAt: number, status: TaskStatus): SimTask {
  const { cluster, rng } = plan;
  const id = rng.hex(32);
  const containers: SimContainer[] = plan.family.containers.map((spec) => ({
    spec,
    lastStatus: "PENDING",
    healthStatus: "UNKNOWN",
    exitCode: undefined,
    reason: undefined,
    hostPorts: NO_PORTS,
  }));
  const task: SimTask = {
    seq: world.nextSeq(),
    id,
    arn: taskArn(world, cluster.name, id),
    cluster,
    service: plan.service,
    deployment: plan.deployment,
    family: plan.family,
    revision: plan.revision,
    launchType: plan.launchType,
    capacityProviderName: plan.capacityProviderName,
    group: plan.group,
    startedBy: plan.startedBy,
    availabilityZone: "",
    network: undefined,
    instance: undefined,
    enableExecuteCommand: plan.enableExecuteCommand,
    execAgentStoppedReason: undefined,
    createdAt,
    // Every field is present from the start so all tasks share one object shape.
    connectivityAt: undefined,
    pullStartedAt: undefined,
    pullStoppedAt: undefined,
    startedAt: undefined,
    stoppingAt: undefined,
    executionStoppedAt: undefined,
    stoppedAt: undefined,
    stopCode: undefined,
    stoppedReason: undefined,
    lastStatus: status,
    desiredStatus: "RUNNING",
    healthStatus: "UNKNOWN",
    containers,
    version: 1,
    purged: false,
  };
  place(task, plan);
  const counter = counterOf(status);
  if (counter !== undefined) cluster.counts[task.launchType][counter]++;
  cluster.tasks.push(task);
  cluster.tasksById.set(id, task);
  if (plan.service !== undefined) carryAgentFault(plan.service, task);
  plan.service?.tasks.push(task);
  return task;
}

/** Picks the subnet and address (awsvpc) or the least loaded container instance and host ports (bridge). */
function place(task: SimTask, plan: TaskPlan): void {
  const { cluster, rng } = plan;
  if (plan.family.networkMode === "bridge" && cluster.instances.length > 0) {
    let instance = cluster.instances[0];
    for (const candidate of cluster.instances)
      if (instance && candidate.tasks.size < instance.tasks.size) instance = candidate;
    if (instance === undefined) return;
    task.instance = instance;
    task.availabilityZone = instance.availabilityZone;
    instance.tasks.add(task);
    instance.version++;
    for (const container of task.containers)
      container.hostPorts = container.spec.ports.map(() => rng.int(32768, 60999));
    return;
  }
  const cursor = plan.service ? plan.service.placementCursor++ : rng.int(0, 2);
  const cycle = plan.service?.subnetCycle;
  const index = cycle === undefined ? cursor : (cycle[cursor % cycle.length] ?? 0);
  const subnet = cluster.subnets[index % cluster.subnets.length];
  if (subnet === undefined) return;
  const [a, b, c] = subnet.prefix;
  task.availabilityZone = subnet.availabilityZone;
  task.network = { subnetId: subnet.id, privateIp: `${a}.${b}.${c + rng.int(0, 31)}.${rng.int(4, 254)}` };
}

/** A task that has been running since `startedAt` (the world as it was before the simulation began). */
export function seedRunningTask(world: World, plan: TaskPlan, startedAt: number): SimTask {
  const { rng } = plan;
  const createdAt = startedAt - rng.int(20, 45) * SECOND;
  const task = createTask(world, plan, createdAt, "RUNNING");
  task.connectivityAt = createdAt + rng.int(4, 10) * SECOND;
  task.pullStartedAt = task.connectivityAt + SECOND;
  task.pullStoppedAt = startedAt - rng.int(1, 4) * SECOND;
  task.startedAt = startedAt;
  for (const container of task.containers) {
    container.lastStatus = "RUNNING";
    if (container.spec.healthCheck) container.healthStatus = "HEALTHY";
  }
  if (hasHealthCheck(task)) task.healthStatus = "HEALTHY";
  return task;
}

/** Starts a new task now: it provisions, pulls and starts over the next tens of seconds. */
export function launchTask(world: World, plan: TaskPlan, at: number): SimTask {
  const { rng } = plan;
  const fargate = plan.launchType === "FARGATE";
  const task = createTask(world, plan, at, fargate ? "PROVISIONING" : "PENDING");
  const pendingAt = fargate ? at + rng.int(4, 12) * SECOND : at;
  const pullStartedAt = pendingAt + rng.int(500, 2000);
  const pullStoppedAt = pullStartedAt + rng.int(fargate ? 5 : 3, fargate ? 25 : 12) * SECOND;
  const runningAt = pullStoppedAt + rng.int(1, 4) * SECOND;
  const alive = (): boolean => task.desiredStatus === "RUNNING" && !task.purged;
  if (fargate) {
    world.schedule(pendingAt, () => {
      if (!alive()) return;
      task.connectivityAt = pendingAt;
      setLastStatus(task, "PENDING");
      world.hooks.taskChanged(task, pendingAt, "pending");
    });
  }
  world.schedule(pullStartedAt, () => {
    if (!alive()) return;
    // Secrets are fetched while the task's resources are set up, before any image is pulled.
    if (task.family.faults?.get(task.revision) === "secrets") failSecrets(world, task, pullStartedAt, rng);
    else task.pullStartedAt = pullStartedAt;
  });
  world.schedule(pullStoppedAt, () => {
    if (!alive()) return;
    const fault = task.family.faults?.get(task.revision);
    if (fault === "pull") failImagePull(world, task, pullStoppedAt, rng);
    else task.pullStoppedAt = pullStoppedAt;
  });
  world.schedule(runningAt, () => {
    if (alive()) startTask(world, task, runningAt, rng);
  });
  return task;
}

/** The app's image tag is not in the registry: the task never starts (TaskFailedToStart). */
function failImagePull(world: World, task: SimTask, at: number, rng: Rng): void {
  let reason: string | undefined;
  for (const container of task.containers) {
    if (container.spec.role !== "app") continue;
    container.reason = cannotPullImage(imageFor(task.family, container.spec, task.revision));
    reason ??= container.reason;
  }
  stopTask(
    world,
    task,
    at,
    { stopCode: "TaskFailedToStart", stoppedReason: reason ?? "CannotPullContainerError" },
    rng,
  );
}

/** The execution role may not read the database secret: the task never starts (TaskFailedToStart). */
function failSecrets(world: World, task: SimTask, at: number, rng: Rng): void {
  const { region, accountId } = world;
  const secret = `arn:aws:secretsmanager:${region}:${accountId}:secret:${task.family.name}/db-${hashHex(task.family.name, 6)}`;
  const role = `arn:aws:sts::${accountId}:assumed-role/ecsTaskExecutionRole/${task.id}`;
  const stoppedReason = cannotFetchSecret(secret, role);
  stopTask(world, task, at, { stopCode: "TaskFailedToStart", stoppedReason }, rng);
}

function startTask(world: World, task: SimTask, at: number, rng: Rng): void {
  task.startedAt = at;
  for (const container of task.containers) container.lastStatus = "RUNNING";
  setLastStatus(task, "RUNNING");
  world.hooks.taskChanged(task, at, "running");
  if (task.family.faults?.has(task.revision) || !hasHealthCheck(task)) return;
  // Container health checks pass after their start period; behind a load balancer the target also
  // has to pass the ELB's checks before ECS counts the task as healthy.
  const behindLoadBalancer = task.service?.loadBalancer !== undefined;
  const healthyAt = at + rng.int(behindLoadBalancer ? 25 : 10, behindLoadBalancer ? 60 : 30) * SECOND;
  world.schedule(healthyAt, () => {
    if (task.desiredStatus !== "RUNNING" || task.lastStatus !== "RUNNING") return;
    setHealth(task, "HEALTHY");
    world.hooks.taskChanged(task, healthyAt, "healthy");
  });
}

export function hasHealthCheck(task: SimTask): boolean {
  return task.containers.some(
    (container) => container.spec.essential && container.spec.healthCheck !== undefined,
  );
}

/** Sets the health of the containers that have a health check, and so the task's. */
export function setHealth(task: SimTask, health: "HEALTHY" | "UNHEALTHY"): void {
  for (const container of task.containers) if (container.spec.healthCheck) container.healthStatus = health;
  task.healthStatus = health;
  task.version++;
}

export interface StopPlan {
  stopCode: string;
  stoppedReason: string;
  /** Exit code of containers that are still running when they are told to stop (default 0). */
  exitCode?: number;
  /** How long connections drain before the containers get SIGTERM. */
  drainMs?: number;
}

/** Asks a task to stop: desiredStatus becomes STOPPED at once, lastStatus follows over seconds. */
export function stopTask(world: World, task: SimTask, at: number, plan: StopPlan, rng: Rng): void {
  if (task.desiredStatus === "STOPPED" || task.purged) return;
  task.desiredStatus = "STOPPED";
  task.stopCode = plan.stopCode;
  task.stoppedReason = plan.stoppedReason;
  task.stoppingAt = at;
  const awsvpc = task.network !== undefined;
  const started = task.startedAt !== undefined;
  setLastStatus(task, started && awsvpc ? "DEACTIVATING" : "STOPPING");
  world.hooks.taskChanged(task, at, "stopping");

  const signalAt = at + (started ? (plan.drainMs ?? rng.int(1, 3) * SECOND) : 0);
  const exitedAt = signalAt + rng.int(1, 6) * SECOND;
  const stoppedAt = exitedAt + rng.int(awsvpc ? 3 : 1, awsvpc ? 10 : 3) * SECOND;
  if (started && awsvpc) {
    world.schedule(signalAt, () => setLastStatus(task, "STOPPING"));
  }
  world.schedule(exitedAt, () => {
    task.executionStoppedAt = exitedAt;
    for (const container of task.containers) {
      if (container.lastStatus === "RUNNING") container.exitCode = plan.exitCode ?? 0;
      container.lastStatus = "STOPPED";
    }
    if (awsvpc) setLastStatus(task, "DEPROVISIONING");
  });
  world.schedule(stoppedAt, () => finishStop(world, task, stoppedAt));
}

function finishStop(world: World, task: SimTask, at: number): void {
  task.stoppedAt = at;
  task.executionStoppedAt ??= at;
  for (const container of task.containers) {
    container.lastStatus = "STOPPED";
    container.healthStatus = "UNKNOWN";
  }
  task.healthStatus = "UNKNOWN";
  setLastStatus(task, "STOPPED");
  if (task.instance) {
    task.instance.tasks.delete(task);
    task.instance.version++;
  }
  world.hooks.taskChanged(task, at, "stopped");
  world.schedule(at + STOPPED_TASK_RETENTION_MS, () => purgeTask(task));
}

/** Forgets a stopped task, as ECS does about an hour after it stopped. */
function purgeTask(task: SimTask): void {
  const { cluster, service } = task;
  task.purged = true;
  cluster.tasksById.delete(task.id);
  cluster.purgedTasks++;
  if (service) {
    const index = service.tasks.indexOf(task);
    if (index >= 0) service.tasks.splice(index, 1);
  }
  if (cluster.purgedTasks > 64 && cluster.purgedTasks * 4 > cluster.tasks.length) {
    cluster.tasks = cluster.tasks.filter((candidate) => !candidate.purged);
    cluster.purgedTasks = 0;
  }
}
