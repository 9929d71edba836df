// The only code that talks ECS: pages every List call to the end, batches every Describe call at
// the API limits, and sends everything through one RequestBudget so the account's token buckets
// are respected.
import {
  DescribeClustersCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ListClustersCommand,
  ListServicesCommand,
  ListTasksCommand,
  type Cluster,
  type DesiredStatus,
  type ECSClient,
  type Failure,
  type Service,
  type Task,
  type TaskDefinition,
} from "@aws-sdk/client-ecs";
import { classifyError, fail, ok, type Result } from "./failure.js";
import { RequestBudget } from "./request-budget.js";
import { chunk } from "./chunk.js";

export const DESCRIBE_CLUSTERS_LIMIT = 100;
export const DESCRIBE_SERVICES_LIMIT = 10;
export const DESCRIBE_TASKS_LIMIT = 100;
const PAGE_SIZE = 100;

export interface TaskFilter {
  serviceName?: string;
  desiredStatus?: DesiredStatus;
}

export class EcsGateway {
  private readonly taskDefinitions = new Map<string, TaskDefinition>();

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
