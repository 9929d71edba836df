// The simulated ECS account's state: plain records that the scheduler mutates and the renderers
// turn into API shapes. Times are epoch milliseconds.
import type { Rng } from "../random.js";

export type LaunchType = "FARGATE" | "EC2";
export type TaskStatus =
  | "PROVISIONING"
  | "PENDING"
  | "ACTIVATING"
  | "RUNNING"
  | "DEACTIVATING"
  | "STOPPING"
  | "DEPROVISIONING"
  | "STOPPED";
/** What just happened to a task, as reported to the service scheduler. */
export type TaskChange = "pending" | "running" | "healthy" | "unhealthy" | "stopping" | "stopped";
export type HealthStatus = "HEALTHY" | "UNHEALTHY" | "UNKNOWN";
/** The log driver of a family's app container. */
export type AppLogDriver = "awslogs" | "awsfirelens" | "splunk";
/**
 * How the tasks of a broken task definition revision die: killed out of memory, the app exiting 1,
 * failing health checks, the image tag missing from the registry or a secret the execution role
 * cannot read (both never start); "mixed" picks oom
 * or health at random, "varied" takes oom, crash and health in turn, task by task.
 */
export type Fault = "oom" | "crash" | "health" | "pull" | "secrets" | "mixed" | "varied";

export interface ContainerSpec {
  name: string;
  /** Image without its tag; the tag comes from the revision unless `pinnedTag` is set. */
  repository: string;
  pinnedTag?: string;
  essential: boolean;
  cpu: number;
  memory?: number;
  memoryReservation?: number;
  ports: number[];
  healthCheck?: string[];
  role: "app" | "sidecar";
}

export interface TaskFamily {
  name: string;
  latestRevision: number;
  /** When revision 1 was registered and the typical gap between revisions (older revisions are not stored). */
  firstRegisteredAt: number;
  revisionSpacingMs: number;
  /** Revisions registered since the world was built, or any revision with a recorded time. */
  registeredAt: Map<number, number> | undefined;
  majorVersion: number;
  cpu: number;
  memory: number;
  networkMode: "awsvpc" | "bridge";
  compatibility: LaunchType;
  /** runtimePlatform.operatingSystemFamily; Windows tasks need powershell.exe for exec. */
  operatingSystemFamily: "LINUX" | "WINDOWS_SERVER_2022_CORE";
  containers: ContainerSpec[];
  taskRoleArn: string;
  executionRoleArn: string;
  logGroup: string;
  /** Where the app container's logs go; sidecars always use awslogs (see log-configuration.ts). */
  appLogDriver: AppLogDriver;
  environment: string;
  /** Revisions whose tasks never become healthy (created on the first broken one). */
  faults: Map<number, Fault> | undefined;
}

export interface TaskNetwork {
  subnetId: string;
  privateIp: string;
}

export interface SimContainer {
  spec: ContainerSpec;
  lastStatus: "PENDING" | "RUNNING" | "STOPPED";
  healthStatus: HealthStatus;
  exitCode?: number;
  reason?: string;
  hostPorts: readonly number[];
}

export interface SimTask {
  seq: number;
  id: string;
  arn: string;
  cluster: SimCluster;
  service: SimService | undefined;
  deployment: SimDeployment | undefined;
  family: TaskFamily;
  revision: number;
  launchType: LaunchType;
  capacityProviderName: string | undefined;
  group: string;
  startedBy: string;
  availabilityZone: string;
  network: TaskNetwork | undefined;
  instance: SimContainerInstance | undefined;
  enableExecuteCommand: boolean;
  /** Set when the task's ExecuteCommandAgent stopped while its containers run (see exec-agent.ts). */
  execAgentStoppedReason: string | undefined;
  createdAt: number;
  connectivityAt?: number;
  pullStartedAt?: number;
  pullStoppedAt?: number;
  startedAt?: number;
  stoppingAt?: number;
  executionStoppedAt?: number;
  stoppedAt?: number;
  lastStatus: TaskStatus;
  desiredStatus: "RUNNING" | "STOPPED";
  healthStatus: HealthStatus;
  stopCode?: string;
  stoppedReason?: string;
  containers: SimContainer[];
  version: number;
  purged: boolean;
}

export interface SimDeployment {
  id: string;
  status: "PRIMARY" | "ACTIVE";
  /** The task definition: a family (usually the service's own) and one of its revisions. */
  family: TaskFamily;
  revision: number;
  /** The service revision this deployment runs (shared with the deployment a rollback returns to). */
  serviceRevision: SimServiceRevision;
  /** The service deployment (ListServiceDeployments) that currently drives this deployment, if any. */
  record: SimServiceDeployment | undefined;
  failedTasks: number;
  createdAt: number;
  updatedAt: number;
  rolloutState: "IN_PROGRESS" | "COMPLETED" | "FAILED";
  rolloutStateReason: string;
}

/** A service revision (DescribeServiceRevisions): what one deployment runs. */
export interface SimServiceRevision {
  /** What the id is hashed from (the id of the deployment that first ran it), unique within the service. */
  key: string;
  /** The ARN's last element, 19 digits; made when first needed (see revisionId). */
  id: string | undefined;
  family: TaskFamily;
  revision: number;
  createdAt: number;
}

export type ServiceDeploymentStatus =
  | "PENDING"
  | "IN_PROGRESS"
  | "SUCCESSFUL"
  | "STOPPED"
  | "STOP_REQUESTED"
  | "ROLLBACK_REQUESTED"
  | "ROLLBACK_IN_PROGRESS"
  | "ROLLBACK_SUCCESSFUL"
  | "ROLLBACK_FAILED";

/** Task counts of a service revision, as a service deployment reports them. */
export interface RevisionCounts {
  requested: number;
  running: number;
  pending: number;
}

/** A service deployment (ListServiceDeployments / DescribeServiceDeployments): one change of a service. */
export interface SimServiceDeployment {
  /** The ARN's last element, e.g. "r9i43YFjvgF_xlg7m2eJ1r". */
  id: string;
  arn: string;
  /** Position in the service's history, oldest first. */
  seq: number;
  createdAt: number;
  startedAt: number;
  updatedAt: number;
  finishedAt: number | undefined;
  stoppedAt: number | undefined;
  status: ServiceDeploymentStatus;
  statusReason: string | undefined;
  source: SimServiceRevision[];
  target: SimServiceRevision;
  /** The ECS deployment (DescribeServices deployments[]) that rolls out the target. */
  deployment: SimDeployment;
  rollback: { reason: string; startedAt: number; revision: SimServiceRevision } | undefined;
  /** Counts frozen when the service deployment finished; live counts are used before that. */
  finalCounts: Map<SimServiceRevision, RevisionCounts> | undefined;
  minimumHealthyPercent: number;
  maximumPercent: number;
  circuitBreaker: { enable: boolean; rollback: boolean };
}

export interface SimServiceEvent {
  id: string;
  createdAt: number;
  message: string;
}

export interface LoadBalancerBinding {
  targetGroupArn: string;
  containerName: string;
  containerPort: number;
}

export interface SimService {
  seq: number;
  name: string;
  arn: string;
  cluster: SimCluster;
  /** The family of the newest deployment's task definition. */
  family: TaskFamily;
  status: "ACTIVE" | "DRAINING" | "INACTIVE";
  desiredCount: number;
  launchType: LaunchType | undefined;
  capacityProvider: string | undefined;
  createdAt: number;
  createdBy: string;
  deployments: SimDeployment[];
  /** The service revision of the last deployment that completed: where a rollback returns to. */
  stable: SimServiceRevision;
  /**
   * Service deployments, oldest first (at most MAX_SERVICE_DEPLOYMENTS); undefined until first
   * needed, while the service still runs the deployment it was built with (see serviceDeploymentsOf).
   */
  serviceDeployments: SimServiceDeployment[] | undefined;
  /** Every task not yet forgotten (stopped ones stay about an hour), in creation order. */
  tasks: SimTask[];
  /** Events from the simulation, newest first, at most 100. */
  events: SimServiceEvent[];
  /** Older events from before the simulation began, made only when someone looks (see serviceEvents). */
  history: (() => SimServiceEvent[]) | undefined;
  minimumHealthyPercent: number;
  maximumPercent: number;
  circuitBreaker: { enable: boolean; rollback: boolean };
  enableExecuteCommand: boolean;
  /**
   * Why one running task's ExecuteCommandAgent has stopped: the demo's broken agent. While the
   * service has any running task, exactly one of them (the oldest) carries it.
   */
  execAgentFault?: string;
  loadBalancer: LoadBalancerBinding | undefined;
  healthCheckGracePeriodSeconds: number | undefined;
  tags: Array<{ key: string; value: string }>;
  rng: Rng;
  /** The scheduler launches nothing before this time (restart back-off after failures). */
  restartNotBefore: number;
  reconcileScheduledAt: number | undefined;
  /** Mean time between spontaneous new deployments; 0 for never. */
  deployEveryMs: number;
  /** Chance that a spontaneous deployment ships a broken revision (the circuit breaker's job). */
  faultyDeployChance: number;
  /** Mean lifetime of a healthy task before the platform replaces it. */
  taskLifetimeMs: number;
  /** Round-robin cursor over subnets/AZs. */
  placementCursor: number;
  /** The subnet indexes the cursor cycles through, when not every subnet in turn (a lopsided spread). */
  subnetCycle: readonly number[] | undefined;
}

export interface Subnet {
  id: string;
  availabilityZone: string;
  /** First two octets and the third-octet base of the /19, e.g. [10, 0, 32]. */
  prefix: [number, number, number];
}

export interface SimContainerInstance {
  id: string;
  arn: string;
  ec2InstanceId: string;
  cluster: SimCluster;
  availabilityZone: string;
  instanceType: string;
  cpu: number;
  memory: number;
  registeredAt: number;
  privateIp: string;
  amiId: string;
  capacityProviderName: string;
  tasks: Set<SimTask>;
  version: number;
  /** False when the ECS agent lost its connection (the demo has one such host). */
  agentConnected: boolean;
  agentVersion: string;
}

export interface TaskCounts {
  running: number;
  pending: number;
}

export interface SimCluster {
  name: string;
  arn: string;
  status: "ACTIVE" | "INACTIVE";
  /** INACTIVE clusters are describable but not listed. */
  listed: boolean;
  seq: number;
  launchType: LaunchType;
  services: SimService[];
  servicesByName: Map<string, SimService>;
  /** Every task not yet forgotten, in creation order; purged entries are compacted lazily. */
  tasks: SimTask[];
  purgedTasks: number;
  tasksById: Map<string, SimTask>;
  instances: SimContainerInstance[];
  instancesById: Map<string, SimContainerInstance>;
  capacityProviders: string[];
  defaultCapacityProviderStrategy: Array<{ capacityProvider: string; weight: number; base: number }>;
  containerInsights: "enabled" | "disabled";
  tags: Array<{ key: string; value: string }>;
  subnets: Subnet[];
  securityGroupId: string;
  counts: Record<LaunchType, TaskCounts>;
  rng: Rng;
}
