// Seeds moto with a small ECS account through the SDK, so the seeding itself goes over the real protocol.
//
//   prod     BIG_SERVICE_COUNT services (more than one ListServices page, many DescribeServices batches);
//            the first few have faked tasks, svc-000 also one stopped task
//   staging  api (desired 1, no tasks), web (2 running tasks), worker (desired 0)
//   sandbox  empty
//
// moto never starts tasks for services (docs/aws.md, "moto 5.2.1: services and tasks"), so each
// service's tasks are run by hand with launchType FARGATE, startedBy = the service's deployment id
// and group "service:<name>", which is what ECS itself sets. Task definitions have no
// requiresCompatibilities, so networkMode stays bridge and run_task needs no subnets (same
// section). In staging only web has tasks, so its task list is the same whether the UI filters
// ListTasks by serviceName (moto ignores that filter) or not.
//
// Every container logs through awslogs (group /ecs/<family>, prefix "ecs", us-east-1). When a Logs
// client is passed, the groups are created, and each seeded task gets the stream awslogs would make,
// ecs/<container>/<taskId>, holding SEEDED_LOG_LINES lines from the last minute (moto never writes
// container logs itself, docs/aws.md, "moto 5.2.1: logs").
import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
  type CloudWatchLogsClient,
} from "@aws-sdk/client-cloudwatch-logs";
import {
  CreateClusterCommand,
  CreateServiceCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
  UpdateServiceCommand,
  type ECSClient,
} from "@aws-sdk/client-ecs";

export const BIG_CLUSTER = "prod";
export const SMALL_CLUSTER = "staging";
export const EMPTY_CLUSTER = "sandbox";
export const BIG_SERVICE_COUNT = 125;

export const LOG_REGION = "us-east-1";
export const LOG_STREAM_PREFIX = "ecs";
/** Lines put in each seeded task's stream when logs are seeded. */
export const SEEDED_LOG_LINES = 5;

export interface SeededTask {
  arn: string;
  id: string;
  lastStatus: "RUNNING" | "STOPPED";
  containerName: string;
  /** The awslogs group and stream of the task's container. */
  logGroup: string;
  logStream: string;
  /** The messages seeded into the stream, oldest first (empty when logs were not seeded). */
  logLines: string[];
}

export interface SeededService {
  name: string;
  arn: string;
  taskDefinition: string;
  deploymentId: string;
  tasks: SeededTask[];
}

export interface SeededCluster {
  name: string;
  arn: string;
  services: SeededService[];
}

export interface Seed {
  clusters: SeededCluster[];
  big: SeededCluster;
  small: SeededCluster;
  empty: SeededCluster;
  /** family → task definition ARNs, oldest revision first */
  taskDefinitions: Record<string, string[]>;
}

interface Family {
  family: string;
  container: string;
  image: string;
  revisions: number;
}

const FAMILIES: Family[] = [
  { family: "web", container: "web", image: "nginx:1.27", revisions: 3 },
  { family: "worker", container: "worker", image: "python:3.12-slim", revisions: 2 },
  { family: "api", container: "api", image: "node:22-alpine", revisions: 1 },
];

/** Running tasks per service in prod (services not listed get none). */
const PROD_TASKS: Record<string, number> = { "svc-000": 2, "svc-001": 1, "svc-002": 3, "svc-003": 1 };

export function bigServiceName(index: number): string {
  return `svc-${String(index).padStart(3, "0")}`;
}

export function logGroupOf(family: string): string {
  return `/ecs/${family}`;
}

/** The line a seeded stream holds at `index`: names the task, so a test can tell streams apart. */
export function seededLogLine(task: Pick<SeededTask, "id" | "containerName">, index: number): string {
  return `seeded ${task.containerName} ${task.id.slice(0, 8)} line ${index}`;
}

/** Seeds ECS; with a Logs client, also the log groups, streams and lines of the seeded tasks. */
export async function seedMoto(ecs: ECSClient, logs?: CloudWatchLogsClient): Promise<Seed> {
  const taskDefinitions: Record<string, string[]> = {};
  for (const { family, container, image, revisions } of FAMILIES) {
    taskDefinitions[family] = [];
    for (let revision = 1; revision <= revisions; revision += 1) {
      const out = await ecs.send(
        new RegisterTaskDefinitionCommand({
          family,
          containerDefinitions: [
            {
              name: container,
              image,
              memory: 256 * revision,
              essential: true,
              environment: [{ name: "REVISION", value: String(revision) }],
              logConfiguration: {
                logDriver: "awslogs",
                options: {
                  "awslogs-group": logGroupOf(family),
                  "awslogs-region": LOG_REGION,
                  "awslogs-stream-prefix": LOG_STREAM_PREFIX,
                },
              },
            },
          ],
        }),
      );
      taskDefinitions[family].push(required(out.taskDefinition?.taskDefinitionArn, "taskDefinitionArn"));
    }
  }

  const big = await createCluster(BIG_CLUSTER);
  const families = ["web:3", "web:2", "worker", "api"];
  const names = Array.from({ length: BIG_SERVICE_COUNT }, (_, i) => bigServiceName(i));
  for (let i = 0; i < names.length; i += 10) {
    const batch = names.slice(i, i + 10);
    big.services.push(
      ...(await Promise.all(
        batch.map((name, j) =>
          createService(ecs, big, name, families[(i + j) % families.length] ?? "web", 1),
        ),
      )),
    );
  }
  for (const service of big.services) {
    const count = PROD_TASKS[service.name] ?? 0;
    if (count > 0) await runServiceTasks(ecs, big, service, count);
  }
  const first = big.services[0];
  if (first) {
    const [doomed] = await runTasks(ecs, big, first, 1);
    if (doomed) {
      await ecs.send(new StopTaskCommand({ cluster: big.name, task: doomed.arn, reason: "Seeded stop" }));
      doomed.lastStatus = "STOPPED";
      first.tasks.push(doomed);
    }
  }

  const small = await createCluster(SMALL_CLUSTER);
  small.services.push(await createService(ecs, small, "api", "api", 1));
  const web = await createService(ecs, small, "web", "web", 2);
  small.services.push(web, await createService(ecs, small, "worker", "worker", 0));
  await runServiceTasks(ecs, small, web, 2);

  const empty = await createCluster(EMPTY_CLUSTER);

  const clusters = [big, small, empty];
  if (logs) await seedLogs(logs, clusters);
  return { clusters, big, small, empty, taskDefinitions };

  async function createCluster(name: string): Promise<SeededCluster> {
    const out = await ecs.send(new CreateClusterCommand({ clusterName: name }));
    return { name, arn: required(out.cluster?.clusterArn, "clusterArn"), services: [] };
  }
}

async function createService(
  ecs: ECSClient,
  cluster: SeededCluster,
  name: string,
  taskDefinition: string,
  desiredCount: number,
): Promise<SeededService> {
  const out = await ecs.send(
    new CreateServiceCommand({
      cluster: cluster.name,
      serviceName: name,
      taskDefinition,
      desiredCount,
      launchType: "FARGATE",
    }),
  );
  const service = out.service;
  return {
    name,
    arn: required(service?.serviceArn, "serviceArn"),
    taskDefinition: required(service?.taskDefinition, "taskDefinition"),
    deploymentId: required(service?.deployments?.[0]?.id, "deployments[0].id"),
    tasks: [],
  };
}

/** Runs `count` tasks for the service and makes its runningCount agree with them. */
async function runServiceTasks(
  ecs: ECSClient,
  cluster: SeededCluster,
  service: SeededService,
  count: number,
): Promise<void> {
  service.tasks.push(...(await runTasks(ecs, cluster, service, count)));
  // moto sets runningCount = desiredCount (and pendingCount 0) on update (docs/aws.md, "moto 5.2.1:
  // services and tasks").
  await ecs.send(
    new UpdateServiceCommand({ cluster: cluster.name, service: service.name, desiredCount: count }),
  );
}

async function runTasks(
  ecs: ECSClient,
  cluster: SeededCluster,
  service: SeededService,
  count: number,
): Promise<SeededTask[]> {
  const out = await ecs.send(
    new RunTaskCommand({
      cluster: cluster.name,
      taskDefinition: service.taskDefinition,
      count,
      launchType: "FARGATE",
      startedBy: service.deploymentId,
      group: `service:${service.name}`,
    }),
  );
  if (out.failures?.length) throw new Error(`run_task failed: ${JSON.stringify(out.failures)}`);
  return (out.tasks ?? []).map((task) => {
    const arn = required(task.taskArn, "taskArn");
    const id = arn.split("/").pop() ?? arn;
    const containerName = required(task.containers?.[0]?.name, "containers[0].name");
    // "web:3" or an ARN ending in "task-definition/web:3": the family names the group.
    const family = (service.taskDefinition.split("/").pop() ?? "").split(":")[0] ?? "";
    return {
      arn,
      id,
      lastStatus: "RUNNING",
      containerName,
      logGroup: logGroupOf(family),
      logStream: `${LOG_STREAM_PREFIX}/${containerName}/${id}`,
      logLines: [],
    };
  });
}

/** The groups of every family with tasks, one stream per seeded task, lines from the last minute. */
async function seedLogs(logs: CloudWatchLogsClient, clusters: SeededCluster[]): Promise<void> {
  const tasks = clusters.flatMap((cluster) => cluster.services.flatMap((service) => service.tasks));
  for (const group of new Set(tasks.map((task) => task.logGroup))) {
    await logs.send(new CreateLogGroupCommand({ logGroupName: group }));
  }
  const now = Date.now();
  for (const task of tasks) {
    await logs.send(
      new CreateLogStreamCommand({ logGroupName: task.logGroup, logStreamName: task.logStream }),
    );
    task.logLines = Array.from({ length: SEEDED_LOG_LINES }, (_, i) => seededLogLine(task, i));
    await logs.send(
      new PutLogEventsCommand({
        logGroupName: task.logGroup,
        logStreamName: task.logStream,
        logEvents: task.logLines.map((message, i) => ({
          message,
          timestamp: now - 60_000 + i * 1_000,
        })),
      }),
    );
  }
}

function required<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`moto returned no ${what}`);
  return value;
}
