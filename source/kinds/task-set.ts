// Which tasks of a service the tasks view loads: running (the default, like the console), stopped
// (ECS keeps them about an hour) or all. Each set is ListTasks by serviceName and desiredStatus,
// paged to the end by the gateway, then DescribeTasks in batches of 100.
import type { DesiredStatus, Task } from "@aws-sdk/client-ecs";
import type { EcsGateway } from "../aws/ecs-gateway.js";
import { essentialNames, exitedContainers, type Essential } from "./stop-diagnosis.js";
import type { LoadContext, LoadOutcome, Scope, TaskSet } from "./types.js";

/** A task as its row: the task, and which of its containers are essential, when known. */
export interface TaskRow {
  arn: string;
  task: Task;
  /** Names of the task's essential containers (from its task definition), when known. */
  essential?: Essential;
}
import { inService } from "../aws/task-group.js";

export const TASK_SETS: readonly TaskSet[] = ["running", "stopped", "all"];

export function taskSetOf(scope: Scope): TaskSet {
  return scope.taskSet ?? "running";
}

/** The scope showing `set`; running is left implicit, so that both spell the same view. */
export function withTaskSet(scope: Scope, set: TaskSet): Scope {
  const { taskSet: _old, ...rest } = scope;
  return set === "running" ? rest : { ...rest, taskSet: set };
}

/** `t`: running → stopped → all → running. */
export function nextTaskSet(current: TaskSet): TaskSet {
  return TASK_SETS[(TASK_SETS.indexOf(current) + 1) % TASK_SETS.length]!;
}

export function isTaskSet(word: string): word is TaskSet {
  return (TASK_SETS as readonly string[]).includes(word);
}

const KEPT = "ECS keeps stopped tasks for about an hour after they stop";
const EMPTY: Record<TaskSet, string> = {
  running: "no running tasks",
  stopped: `no stopped tasks: ${KEPT}`,
  all: `no tasks: ${KEPT}`,
};

const STATUSES: Record<TaskSet, readonly DesiredStatus[]> = {
  running: ["RUNNING"],
  stopped: ["STOPPED"],
  all: ["RUNNING", "STOPPED"],
};

type DescribedTask = Task & { taskArn: string };

export async function loadServiceTasks({
  gateway,
  scope,
  previous,
}: LoadContext<TaskRow>): Promise<LoadOutcome<TaskRow>> {
  const cluster = scope.clusterArn ?? "";
  const set = taskSetOf(scope);
  // A service's tasks, or (from the container instances view) the tasks placed on one host.
  const filter = scope.containerInstanceArn
    ? { containerInstance: scope.containerInstanceArn }
    : { serviceName: scope.serviceName };
  const lists = await Promise.all(
    STATUSES[set].map((desiredStatus) => gateway.listTaskArns(cluster, { ...filter, desiredStatus })),
  );
  const listed = new Set<string>();
  for (const list of lists) {
    if (!list.ok) return list;
    for (const arn of list.value) listed.add(arn);
  }
  // A running task someone stops leaves ListTasks(RUNNING) at once (its desiredStatus is STOPPED):
  // the running view follows it down to STOPPED, for one more refresh, rather than losing it.
  const leaving =
    set === "running" ? (previous ?? []).filter((row) => row.task.lastStatus !== "STOPPED") : [];
  const following = new Set(leaving.map((row) => row.arn));
  // A STOPPED task never changes again: the rows already read are kept, only new ones described.
  const settled = new Map(
    (previous ?? [])
      .filter((row) => row.task.lastStatus === "STOPPED" && listed.has(row.arn))
      .map((row) => [row.arn, row]),
  );
  const wanted = [...new Set([...listed, ...following])].filter((arn) => !settled.has(arn));
  const described = await gateway.describeTasks(cluster, wanted);
  if (!described.ok) return described;
  // inService: endpoints that ignore the serviceName filter (moto) list the whole cluster; and
  // inSet: ones that ignore desiredStatus would mix the sets.
  const { serviceName } = scope;
  const tasks = described.value
    .filter((task): task is DescribedTask => Boolean(task.taskArn))
    .filter((task) => !serviceName || inService(task, serviceName))
    .filter((task) => following.has(task.taskArn) || inSet(set, task));
  const essential = await essentialContainers(gateway, tasks);
  const rows = tasks
    .map((task): TaskRow => ({
      arn: task.taskArn,
      task,
      essential: essential.get(task.taskDefinitionArn ?? ""),
    }))
    .concat([...settled.values()])
    .sort(byLiveThenNewest);
  return { ok: true, rows, empty: EMPTY[set] };
}

function inSet(set: TaskSet, task: Task): boolean {
  if (set === "all") return true;
  const stopped = task.desiredStatus === "STOPPED";
  return set === "stopped" ? stopped : !stopped;
}

/**
 * Which containers are essential, by task definition, for the tasks with an exit code to judge.
 * Task definitions are immutable and the gateway caches them, so this costs one call per revision
 * per session; when one cannot be read, every container of its tasks counts as essential.
 */
async function essentialContainers(
  gateway: EcsGateway,
  tasks: readonly Task[],
): Promise<Map<string, Essential>> {
  const arns = new Set<string>();
  for (const task of tasks) {
    if (task.taskDefinitionArn && exitedContainers(task).length > 0) arns.add(task.taskDefinitionArn);
  }
  const found = new Map<string, Essential>();
  await Promise.all(
    [...arns].map(async (arn) => {
      const definition = await gateway.describeTaskDefinition(arn);
      if (definition.ok) found.set(arn, essentialNames(definition.value));
    }),
  );
  return found;
}

/** Live tasks first (oldest first, like the console), then stopped ones, most recently stopped first. */
function byLiveThenNewest(a: TaskRow, b: TaskRow): number {
  const liveA = a.task.lastStatus !== "STOPPED";
  const liveB = b.task.lastStatus !== "STOPPED";
  if (liveA !== liveB) return liveA ? -1 : 1;
  if (liveA) return time(a.task.startedAt ?? a.task.createdAt) - time(b.task.startedAt ?? b.task.createdAt);
  return time(b.task.stoppedAt ?? b.task.stoppingAt) - time(a.task.stoppedAt ?? a.task.stoppingAt);
}

const time = (date: Date | undefined) => date?.getTime() ?? 0;
