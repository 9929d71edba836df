// The only code that talks ECS: pages every List call to the end, batches every Describe call at
// the API limits, and sends everything through one RequestBudget so the account's token buckets
// are respected. Mutations are sent exactly once and bypass the budget (see mutate()).
import {
  DescribeClustersCommand,
  DescribeContainerInstancesCommand,
  DescribeServiceRevisionsCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ExecuteCommandCommand,
  ListClustersCommand,
  ListContainerInstancesCommand,
  ListServiceDeploymentsCommand,
  ListServicesCommand,
  ListTaskDefinitionFamiliesCommand,
  ListTaskDefinitionsCommand,
  ListTasksCommand,
  StopServiceDeploymentCommand,
  StopTaskCommand,
  UpdateServiceCommand,
  type Cluster,
  type ContainerInstance,
  type DesiredStatus,
  type ECSClient,
  type Failure,
  type Service,
  type ServiceDeploymentBrief,
  type ServiceDeploymentStatus,
  type ServiceRevision,
  type Task,
  type TaskDefinition,
  type TaskDefinitionStatus,
} from "@aws-sdk/client-ecs";
import type { MetadataBearer, MiddlewareStack } from "@smithy/types";
import { classifyExecError } from "./exec-failure.js";
import { classifyError, fail, ok, type AwsFailure, type Result } from "./failure.js";
import { RequestBudget } from "./request-budget.js";
import { chunk } from "./chunk.js";
import type { SsmSession } from "./ssm-session.js";

export const DESCRIBE_CLUSTERS_LIMIT = 100;
export const DESCRIBE_SERVICES_LIMIT = 10;
export const DESCRIBE_TASKS_LIMIT = 100;
export const DESCRIBE_SERVICE_REVISIONS_LIMIT = 20;
export const DESCRIBE_CONTAINER_INSTANCES_LIMIT = 100;
const PAGE_SIZE = 100;

export interface TaskFilter {
  serviceName?: string;
  containerInstance?: string;
  desiredStatus?: DesiredStatus;
}

type UpdateKey = "desiredCount" | "forceNewDeployment" | "taskDefinition" | "enableExecuteCommand";
type Only<T, Keys extends string> = T & { [K in Exclude<Keys, keyof T>]?: never };

/**
 * The UpdateService inputs deckhand sends, each changing one thing. Only a revision change names a
 * task definition: sending the unchanged one needs iam:PassRole for its roles (e1s #429).
 */
export type ServiceUpdate = { cluster: string; service: string } & (
  | Only<{ desiredCount: number }, UpdateKey>
  | Only<{ forceNewDeployment: true }, UpdateKey>
  | Only<{ taskDefinition: string }, UpdateKey>
  // Exec reaches only tasks started after the change, hence the forced deployment.
  | Only<{ enableExecuteCommand: boolean; forceNewDeployment: true }, UpdateKey>
);

export interface TaskStop {
  cluster: string;
  task: string;
  reason: string;
}

export interface DeploymentStop {
  serviceDeploymentArn: string;
  stopType: "ROLLBACK";
}

/** An ECS exec request: `command` runs in `container` of `task` (name or ARN), always interactive. */
export interface ExecRequest {
  cluster: string;
  task: string;
  container: string;
  command: string;
}

/** What session-manager-plugin needs to attach to the session ECS opened. */
export interface ExecSession {
  clusterArn: string;
  taskArn: string;
  containerName: string;
  session: SsmSession;
}

/**
 * Makes a command go out once: its own pass-through replaces the client's retry middleware for
 * this command only. A retried mutation after a timeout could apply twice, and a throttled one
 * should reach the user, who can decide to try again.
 */
export function singleAttempt<Input extends object, Output extends MetadataBearer>(command: {
  middlewareStack: MiddlewareStack<Input, Output>;
}): void {
  command.middlewareStack.add((next) => next, {
    name: "retryMiddleware",
    tags: ["RETRY"],
    step: "finalizeRequest",
    priority: "high",
    override: true,
  });
}

export class EcsGateway {
  private readonly taskDefinitions = new Map<string, TaskDefinition>();
  private readonly serviceRevisions = new Map<string, ServiceRevision>();

  constructor(
    private readonly ecs: Pick<ECSClient, "send">,
    readonly budget: RequestBudget = new RequestBudget(),
  ) {}

  listClusterArns(): Promise<Result<string[]>> {
    return this.listAll("ListClusters", async (nextToken) => {
      const out = await this.ecs.send(new ListClustersCommand({ maxResults: PAGE_SIZE, nextToken }));
      return { arns: out.clusterArns ?? [], nextToken: out.nextToken };
    });
  }

  async describeClusters(arns: string[]): Promise<Result<Cluster[]>> {
    return this.describeAll(arns, DESCRIBE_CLUSTERS_LIMIT, "DescribeClusters", async (batch) => {
      const out = await this.ecs.send(
        new DescribeClustersCommand({ clusters: batch, include: ["STATISTICS", "SETTINGS"] }),
      );
      return { items: out.clusters ?? [], failures: out.failures };
    });
  }

  listServiceArns(cluster: string): Promise<Result<string[]>> {
    return this.listAll("ListServices", async (nextToken) => {
      const out = await this.ecs.send(new ListServicesCommand({ cluster, maxResults: PAGE_SIZE, nextToken }));
      return { arns: out.serviceArns ?? [], nextToken: out.nextToken };
    });
  }

  /** Describes in batches of 10, concurrently under the budget; onBatch sees each batch as it lands. */
  describeServices(
    cluster: string,
    arns: string[],
    onBatch?: (services: Service[]) => void,
  ): Promise<Result<Service[]>> {
    return this.describeAll(
      arns,
      DESCRIBE_SERVICES_LIMIT,
      "DescribeServices",
      async (batch) => {
        const out = await this.ecs.send(new DescribeServicesCommand({ cluster, services: batch }));
        return { items: out.services ?? [], failures: out.failures };
      },
      onBatch,
    );
  }

  /** The cluster's EC2 hosts (every status: a DRAINING one is what the operator is looking for). */
  listContainerInstanceArns(cluster: string): Promise<Result<string[]>> {
    return this.listAll("ListContainerInstances", async (nextToken) => {
      const out = await this.ecs.send(
        new ListContainerInstancesCommand({ cluster, maxResults: PAGE_SIZE, nextToken }),
      );
      return { arns: out.containerInstanceArns ?? [], nextToken: out.nextToken };
    });
  }

  describeContainerInstances(cluster: string, arns: string[]): Promise<Result<ContainerInstance[]>> {
    return this.describeAll(
      arns,
      DESCRIBE_CONTAINER_INSTANCES_LIMIT,
      "DescribeContainerInstances",
      async (batch) => {
        const out = await this.ecs.send(
          new DescribeContainerInstancesCommand({ cluster, containerInstances: batch }),
        );
        return { items: out.containerInstances ?? [], failures: out.failures };
      },
    );
  }

  listTaskArns(cluster: string, filter: TaskFilter = {}): Promise<Result<string[]>> {
    return this.listAll("ListTasks", async (nextToken) => {
      const out = await this.ecs.send(
        new ListTasksCommand({ cluster, ...filter, maxResults: PAGE_SIZE, nextToken }),
      );
      return { arns: out.taskArns ?? [], nextToken: out.nextToken };
    });
  }

  describeTasks(cluster: string, arns: string[]): Promise<Result<Task[]>> {
    return this.describeAll(arns, DESCRIBE_TASKS_LIMIT, "DescribeTasks", async (batch) => {
      const out = await this.ecs.send(new DescribeTasksCommand({ cluster, tasks: batch }));
      return { items: out.tasks ?? [], failures: out.failures };
    });
  }

  /** Task definitions are immutable, so each ARN is fetched once per session. */
  async describeTaskDefinition(arn: string): Promise<Result<TaskDefinition>> {
    const cached = this.taskDefinitions.get(arn);
    if (cached) return ok(cached);
    try {
      const out = await this.budget.run("DescribeTaskDefinition", () =>
        this.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: arn })),
      );
      if (!out.taskDefinition) throw new Error(`no task definition returned for ${arn}`);
      this.taskDefinitions.set(arn, out.taskDefinition);
      return ok(out.taskDefinition);
    } catch (error) {
      return this.failure("DescribeTaskDefinition", error);
    }
  }

  /** Service revisions (what a service deployment deployed), batched; each is read once a session. */
  async describeServiceRevisions(arns: string[]): Promise<Result<ServiceRevision[]>> {
    const unknown = [...new Set(arns)].filter((arn) => !this.serviceRevisions.has(arn));
    const described = await this.describeAll(
      unknown,
      DESCRIBE_SERVICE_REVISIONS_LIMIT,
      "DescribeServiceRevisions",
      async (batch) => {
        const out = await this.ecs.send(new DescribeServiceRevisionsCommand({ serviceRevisionArns: batch }));
        return { items: out.serviceRevisions ?? [], failures: out.failures };
      },
    );
    if (!described.ok) return described;
    for (const revision of described.value) {
      if (revision.serviceRevisionArn) this.serviceRevisions.set(revision.serviceRevisionArn, revision);
    }
    return ok(arns.flatMap((arn) => this.serviceRevisions.get(arn) ?? []));
  }

  /** A task definition already described this session, if any (revisions never change). */
  knownTaskDefinition(arn: string): TaskDefinition | undefined {
    return this.taskDefinitions.get(arn);
  }

  /**
   * Newest revision first; by default only ACTIVE revisions (the ones a service can be moved to).
   * familyPrefix is the whole family name: the API matches it exactly, despite its name.
   */
  async listTaskDefinitionArns(
    family: string,
    status: TaskDefinitionStatus = "ACTIVE",
  ): Promise<Result<string[]>> {
    const listed = await this.listAll("ListTaskDefinitions", async (nextToken) => {
      const out = await this.ecs.send(
        new ListTaskDefinitionsCommand({
          familyPrefix: family,
          status,
          sort: "DESC",
          maxResults: PAGE_SIZE,
          nextToken,
        }),
      );
      return { arns: out.taskDefinitionArns ?? [], nextToken: out.nextToken };
    });
    // moto ignores sort; ordering here keeps the answer the same everywhere.
    return listed.ok ? ok([...listed.value].sort((a, b) => revisionOf(b) - revisionOf(a))) : listed;
  }

  /** The families with at least one ACTIVE revision, in the order ECS lists them (by name). */
  listTaskDefinitionFamilies(): Promise<Result<string[]>> {
    return this.listAll("ListTaskDefinitionFamilies", async (nextToken) => {
      const out = await this.ecs.send(
        new ListTaskDefinitionFamiliesCommand({ status: "ACTIVE", maxResults: PAGE_SIZE, nextToken }),
      );
      return { arns: out.families ?? [], nextToken: out.nextToken };
    });
  }

  /**
   * Deployments of one service, newest first, optionally by status, up to `limit` (all by default).
   * The SDK has no paginator for this call.
   */
  async listServiceDeployments(
    cluster: string,
    service: string,
    status?: ServiceDeploymentStatus[],
    limit = Infinity,
  ): Promise<Result<ServiceDeploymentBrief[]>> {
    const deployments: ServiceDeploymentBrief[] = [];
    let nextToken: string | undefined;
    try {
      do {
        const token = nextToken;
        const out = await this.budget.run("ListServiceDeployments", () =>
          this.ecs.send(
            new ListServiceDeploymentsCommand({
              cluster,
              service,
              status,
              maxResults: Math.min(PAGE_SIZE, limit - deployments.length),
              nextToken: token,
            }),
          ),
        );
        deployments.push(...(out.serviceDeployments ?? []));
        nextToken = out.nextToken;
      } while (nextToken && deployments.length < limit);
      return ok(deployments.slice(0, limit));
    } catch (error) {
      return this.failure("ListServiceDeployments", error);
    }
  }

  /** Sends exactly the given input; see ServiceUpdate for what may be in it. */
  updateService(update: ServiceUpdate): Promise<Result<Service>> {
    return this.mutate("UpdateService", async () => {
      const command = new UpdateServiceCommand(update);
      singleAttempt(command);
      const out = await this.ecs.send(command);
      if (!out.service) throw new Error(`no service returned for ${update.service}`);
      return out.service;
    });
  }

  stopTask(stop: TaskStop): Promise<Result<Task>> {
    return this.mutate("StopTask", async () => {
      const command = new StopTaskCommand(stop);
      singleAttempt(command);
      const out = await this.ecs.send(command);
      if (!out.task) throw new Error(`no task returned for ${stop.task}`);
      return out.task;
    });
  }

  /** Returns the ARN of the stopped deployment. */
  stopServiceDeployment(stop: DeploymentStop): Promise<Result<string>> {
    return this.mutate("StopServiceDeployment", async () => {
      const command = new StopServiceDeploymentCommand(stop);
      singleAttempt(command);
      const out = await this.ecs.send(command);
      return out.serviceDeploymentArn ?? stop.serviceDeploymentArn;
    });
  }

  /**
   * Opens an interactive exec session (ECS supports no other kind). Sent once: a retry would open
   * a second session, and the failure (agent not connected, exec not enabled) is what the user needs.
   */
  executeCommand(request: ExecRequest): Promise<Result<ExecSession>> {
    return this.mutate(
      "ExecuteCommand",
      async () => {
        const command = new ExecuteCommandCommand({ ...request, interactive: true });
        singleAttempt(command);
        const out = await this.ecs.send(command);
        const { session } = out;
        if (!session?.sessionId || !session.streamUrl || !session.tokenValue)
          throw new Error(`no session returned for ${request.task}`);
        return {
          clusterArn: out.clusterArn ?? request.cluster,
          taskArn: out.taskArn ?? request.task,
          containerName: out.containerName ?? request.container,
          session: {
            sessionId: session.sessionId,
            streamUrl: session.streamUrl,
            tokenValue: session.tokenValue,
          },
        };
      },
      classifyExecError,
    );
  }

  /**
   * Mutations skip the budget: they draw from ECS buckets no poll uses (service modify, cluster
   * resource modify), and the budget's catch-all bucket (1/s) would stall a multi-task stop.
   */
  private async mutate<T>(
    operation: string,
    call: () => Promise<T>,
    classify: (operation: string, error: unknown) => AwsFailure = classifyError,
  ): Promise<Result<T>> {
    try {
      return ok(await call());
    } catch (error) {
      return fail(classify(operation, error));
    }
  }

  private async listAll(
    operation: string,
    page: (nextToken: string | undefined) => Promise<{ arns: string[]; nextToken?: string }>,
  ): Promise<Result<string[]>> {
    const arns: string[] = [];
    let nextToken: string | undefined;
    try {
      do {
        const token = nextToken;
        const out = await this.budget.run(operation, () => page(token));
        arns.push(...out.arns);
        nextToken = out.nextToken;
      } while (nextToken);
      return ok(arns);
    } catch (error) {
      return this.failure(operation, error);
    }
  }

  private async describeAll<T>(
    arns: string[],
    limit: number,
    operation: string,
    describe: (batch: string[]) => Promise<{ items: T[]; failures?: Failure[] }>,
    onBatch?: (items: T[]) => void,
  ): Promise<Result<T[]>> {
    if (arns.length === 0) return ok([]);
    try {
      const batches = await Promise.all(
        chunk(arns, limit).map(async (batch) => {
          const out = await this.budget.run(operation, () => describe(batch));
          onBatch?.(out.items);
          return out.items;
        }),
      );
      return ok(batches.flat());
    } catch (error) {
      return this.failure(operation, error);
    }
  }

  private failure<T>(operation: string, error: unknown): Result<T> {
    const failure = classifyError(operation, error);
    if (failure.kind === "throttled") this.budget.throttled(operation);
    return fail(failure);
  }
}

/** The revision number at the end of a task definition ARN ("...:task-definition/web:3" → 3). */
function revisionOf(arn: string): number {
  return Number(arn.slice(arn.lastIndexOf(":") + 1)) || 0;
}
