// --cluster, --service and --task: the navigation stack deckhand opens on, the one drilling down
// by hand would build (TRAIL), so that esc goes back up with the cursor on the row it came from.
// Names are resolved to ARNs first (a Describe call for each level); what cannot be found is
// said, and the UI opens at the deepest level that was.
import type { EcsGateway } from "../aws/ecs-gateway.js";
import { describeFailure, onlyOne, type Result } from "../aws/failure.js";
import { TRAIL } from "../kinds/registry.js";
import type { KindId, Scope } from "../kinds/types.js";
import { serviceOfTask } from "../aws/task-group.js";

/** --cluster, --service, --task: where the UI opens instead of the cluster list. */
export interface DeepLink {
  cluster: string;
  service?: string;
  /** A task ID or ARN. */
  task?: string;
}

export interface StackStep {
  kind: KindId;
  scope: Scope;
  /** The row the cursor starts on: the one the next step drilled into. */
  cursorKey?: string;
}

export interface Opening {
  steps: StackStep[];
  /** Why the stack stops short of what was asked. */
  problem?: string;
}

type Ecs = Pick<EcsGateway, "describeClusters" | "describeServices" | "describeTasks">;

export async function resolveDeepLink(ecs: Ecs, link: DeepLink): Promise<Opening> {
  const steps: StackStep[] = [{ kind: TRAIL.top.id, scope: {} }];
  const stop = (problem: string): Opening => ({ steps, problem });

  const cluster = found(
    await ecs.describeClusters([link.cluster]),
    "DescribeClusters",
    `cluster ${link.cluster}`,
  );
  if (typeof cluster === "string") return stop(cluster);
  if (cluster.status === "INACTIVE") return stop(`cluster ${link.cluster} is INACTIVE (deleted)`);
  const clusterArn = cluster.clusterArn ?? link.cluster;
  const clusterName = cluster.clusterName ?? link.cluster;
  steps[0]!.cursorKey = clusterArn;
  const inCluster: Scope = { clusterArn, clusterName };
  steps.push({ kind: TRAIL.cluster.id, scope: inCluster });

  let serviceName = link.service;
  let task;
  if (link.task !== undefined) {
    const what = `task ${link.task} in cluster ${clusterName}`;
    task = found(await ecs.describeTasks(clusterArn, [link.task]), "DescribeTasks", what);
    if (typeof task === "string") return stop(task);
    serviceName ??= serviceOfTask(task);
  }
  let scope = inCluster;
  if (serviceName !== undefined) {
    const what = `service ${serviceName} in cluster ${clusterName}`;
    const service = found(await ecs.describeServices(clusterArn, [serviceName]), "DescribeServices", what);
    if (typeof service === "string") return stop(service);
    if (service.status === "INACTIVE") return stop(`${what} is INACTIVE (deleted)`);
    scope = { ...inCluster, serviceName: service.serviceName ?? serviceName };
    steps.at(-1)!.cursorKey = service.serviceArn;
    steps.push({ kind: TRAIL.service.id, scope });
  }
  if (task?.taskArn) {
    // A task outside any service opens from its cluster's services: there is no task list above it.
    steps.at(-1)!.cursorKey = task.taskArn;
    steps.push({ kind: TRAIL.task.id, scope: { ...scope, taskArn: task.taskArn } });
  }
  return { steps };
}

/** The one thing described, or what to say instead: "not found" in words, or the AWS error. */
function found<T>(result: Result<T[]>, operation: string, what: string): T | string {
  const one = onlyOne(result, operation, what);
  if (one.ok) return one.value;
  return one.failure.code === "MISSING" ? `no ${what}` : `${what}: ${describeFailure(one.failure)}`;
}
