// Views about the row under the cursor that are not its drill-down: `z`, `e`, `a` and `t` on a
// service open its deployments, events, auto scaling and task definitions, `i` on a cluster its
// container instances, `i` on a container the image it runs, `b` on a service its load balancer
// targets, `n` on a task its network interfaces. A service without a load balancer says so
// instead of opening an empty view.
import type { Task } from "@aws-sdk/client-ecs";
import type { ClusterRow } from "../kinds/cluster.js";
import type { ContainerRow } from "../kinds/container.js";
import type { ServiceRow } from "../kinds/service.js";
import type { KindId, Scope } from "../kinds/types.js";
import { serviceOfTask } from "../aws/task-group.js";

export type RowViewAction =
  | "deployments"
  | "events"
  | "autoscaling"
  | "taskDefinitions"
  | "instances"
  | "image"
  | "loadBalancers"
  | "network";

const SERVICE_VIEWS: Partial<Record<RowViewAction, KindId>> = {
  deployments: "deployments",
  events: "events",
  autoscaling: "autoscaling",
  taskDefinitions: "taskdefs",
};

interface TaskRowLike {
  arn: string;
  task: Task;
}

/** The view to open, a reason not to (for the flash), or undefined when the key does not apply here. */
export function rowView(
  action: RowViewAction,
  view: { kind: KindId; scope: Scope },
  row: unknown,
): { kind: KindId; scope: Scope } | string | undefined {
  if (row === undefined) return undefined;
  const serviceView = SERVICE_VIEWS[action];
  if (serviceView && view.kind === "services") {
    return { kind: serviceView, scope: { ...view.scope, serviceName: (row as ServiceRow).name } };
  }
  if (action === "instances" && view.kind === "clusters") {
    const cluster = row as ClusterRow;
    return {
      kind: "instances",
      scope: { clusterArn: cluster.arn, clusterName: cluster.cluster.clusterName ?? cluster.arn },
    };
  }
  if (action === "image" && view.kind === "containers") {
    const container = row as ContainerRow;
    return { kind: "images", scope: { ...view.scope, containerName: container.name } };
  }
  if (action === "loadBalancers" && view.kind === "services") {
    const service = row as ServiceRow;
    const balanced = service.service?.loadBalancers?.some((binding) => binding.targetGroupArn);
    if (service.service && !balanced) return `${service.name} has no load balancer target group`;
    return { kind: "targets", scope: { ...view.scope, serviceName: service.name } };
  }
  if (action === "network" && view.kind === "tasks") {
    const task = row as TaskRowLike;
    const serviceName = serviceOfTask(task.task) ?? view.scope.serviceName;
    return {
      kind: "network",
      scope: { ...view.scope, ...(serviceName ? { serviceName } : {}), taskArn: task.arn },
    };
  }
  return undefined;
}
