// The only code that talks ECS. Reads page every List call to the end and batch every Describe
// call at the API limits, all through one RequestBudget so the account's token buckets are
// respected (ecs-paging.ts); mutations are sent exactly once and bypass the budget
// (ecs-mutations.ts).
import {
  DescribeClustersCommand,
  DescribeContainerInstancesCommand,
  DescribeServiceRevisionsCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ListClustersCommand,
  ListContainerInstancesCommand,
  ListServiceDeploymentsCommand,
  ListServicesCommand,
  ListTaskDefinitionFamiliesCommand,
  ListTaskDefinitionsCommand,
  ListTasksCommand,
  type Cluster,
  type ContainerInstance,
  type DesiredStatus,
  type ECSClient,
  type Service,
  type ServiceDeploymentBrief,
  type ServiceDeploymentStatus,
  type ServiceRevision,
  type Task,
  type TaskDefinition,
  type TaskDefinitionStatus,
} from "@aws-sdk/client-ecs";
import { familyRevision } from "../core/arn.js";
import { ok, type Result } from "./failure.js";
import * as mutations from "./ecs-mutations.js";
import type { DeploymentStop, ExecRequest, ExecSession, ServiceUpdate, TaskStop } from "./ecs-mutations.js";
import { PAGE_SIZE, describeAll, listAll, readFailure } from "./ecs-paging.js";
import { RequestBudget } from "./request-budget.js";

export type { DeploymentStop, ExecRequest, ExecSession, ServiceUpdate, TaskStop } from "./ecs-mutations.js";
export { singleAttempt } from "./single-attempt.js";

// The most one call takes (docs/aws.md, "ECS API limits").
export const DESCRIBE_CLUSTERS_LIMIT = 100;
export const DESCRIBE_SERVICES_LIMIT = 10;
export const DESCRIBE_TASKS_LIMIT = 100;
export const DESCRIBE_SERVICE_REVISIONS_LIMIT = 20;
export const DESCRIBE_CONTAINER_INSTANCES_LIMIT = 100;

export interface TaskFilter {
  serviceName?: string;
  containerInstance?: string;
  desiredStatus?: DesiredStatus;
}

export class EcsGateway {
  private readonly taskDefinitions = new Map<string, TaskDefinition>();
  private readonly serviceRevisions = new Map<string, ServiceRevision>();

  constructor(
    private readonly ecs: Pick<ECSClient, "send">,
    readonly budget: RequestBudget = new RequestBudget(),
  ) {}

  listClusterArns(): Promise<Result<string[]>> {
    return listAll(this.budget, "ListClusters", async (nextToken) => {
      const out = await this.ecs.send(new ListClustersCommand({ maxResults: PAGE_SIZE, nextToken }));
      return { arns: out.clusterArns ?? [], nextToken: out.nextToken };
    });
  }

  async describeClusters(arns: string[]): Promise<Result<Cluster[]>> {
    return describeAll(this.budget, arns, DESCRIBE_CLUSTERS_LIMIT, "DescribeClusters", async (batch) => {
      const out = await this.ecs.send(
        new DescribeClustersCommand({ clusters: batch, include: ["STATISTICS", "SETTINGS"] }),
      );
      return { items: out.clusters ?? [], failures: out.failures };
    });
  }

  listServiceArns(cluster: string): Promise<Result<string[]>> {
    return listAll(this.budget, "ListServices", async (nextToken) => {
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
    return describeAll(
      this.budget,
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
    return listAll(this.budget, "ListContainerInstances", async (nextToken) => {
      const out = await this.ecs.send(
        new ListContainerInstancesCommand({ cluster, maxResults: PAGE_SIZE, nextToken }),
      );
      return { arns: out.containerInstanceArns ?? [], nextToken: out.nextToken };
    });
  }

  describeContainerInstances(cluster: string, arns: string[]): Promise<Result<ContainerInstance[]>> {
    return describeAll(
      this.budget,
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
    return listAll(this.budget, "ListTasks", async (nextToken) => {
      const out = await this.ecs.send(
        new ListTasksCommand({ cluster, ...filter, maxResults: PAGE_SIZE, nextToken }),
      );
      return { arns: out.taskArns ?? [], nextToken: out.nextToken };
    });
  }

  describeTasks(cluster: string, arns: string[]): Promise<Result<Task[]>> {
    return describeAll(this.budget, arns, DESCRIBE_TASKS_LIMIT, "DescribeTasks", async (batch) => {
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
      return readFailure(this.budget, "DescribeTaskDefinition", error);
    }
  }

  /** Service revisions (what a service deployment deployed), batched; each is read once a session. */
  async describeServiceRevisions(arns: string[]): Promise<Result<ServiceRevision[]>> {
    const unknown = [...new Set(arns)].filter((arn) => !this.serviceRevisions.has(arn));
    const described = await describeAll(
      this.budget,
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
    const listed = await listAll(this.budget, "ListTaskDefinitions", async (nextToken) => {
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
    return listed.ok
      ? ok([...listed.value].sort((a, b) => familyRevision(b).revision - familyRevision(a).revision))
      : listed;
  }

  /** The families with at least one ACTIVE revision, in the order ECS lists them (by name). */
  listTaskDefinitionFamilies(): Promise<Result<string[]>> {
    return listAll(this.budget, "ListTaskDefinitionFamilies", async (nextToken) => {
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
      return readFailure(this.budget, "ListServiceDeployments", error);
    }
  }

  /** Sends exactly the given input; see ServiceUpdate for what may be in it. */
  updateService(update: ServiceUpdate): Promise<Result<Service>> {
    return mutations.updateService(this.ecs, update);
  }

  stopTask(stop: TaskStop): Promise<Result<Task>> {
    return mutations.stopTask(this.ecs, stop);
  }

  /** Returns the ARN of the stopped deployment. */
  stopServiceDeployment(stop: DeploymentStop): Promise<Result<string>> {
    return mutations.stopServiceDeployment(this.ecs, stop);
  }

  /** Opens an interactive exec session, sent once (see ecs-mutations.ts). */
  executeCommand(request: ExecRequest): Promise<Result<ExecSession>> {
    return mutations.executeCommand(this.ecs, request);
  }
}
