import { autoscalingKind } from "./autoscaling.js";
import { clusterKind } from "./cluster.js";
import { containerKind } from "./container.js";
import { deploymentKind } from "./deployment.js";
import { eventKind } from "./event.js";
import { imageKind } from "./image.js";
import { instanceKind } from "./container-instance.js";
import { networkKind } from "./network.js";
import { portForwardKind } from "./port-forward.js";
import { serviceKind } from "./service.js";
import { targetKind } from "./target.js";
import { taskKind } from "./task.js";
import { taskDefinitionKind } from "./task-definition.js";
import { taskFamilyKind } from "./task-family.js";
import type { KindId, ResourceKind } from "./types.js";

// Each kind knows its own row type; the registry only routes by id.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyKind = ResourceKind<any>;

/**
 * Every kind of view, by id. A kind is its own file (its id, columns, load, drill-down, views,
 * links, command, what actions act on…) and its line here; code outside the kinds asks the kind.
 */
export const KINDS: Record<KindId, AnyKind> = {
  clusters: clusterKind,
  services: serviceKind,
  tasks: taskKind,
  containers: containerKind,
  deployments: deploymentKind,
  events: eventKind,
  autoscaling: autoscalingKind,
  portforwards: portForwardKind,
  taskdefs: taskDefinitionKind,
  families: taskFamilyKind,
  instances: instanceKind,
  images: imageKind,
  targets: targetKind,
  network: networkKind,
};

/**
 * The drill-down from the top, by what the scope below each level names: the clusters, a
 * cluster's services, a service's tasks, a task's containers. `:` commands and deep links build
 * this path under the view they open, so that esc goes back up it.
 */
export const TRAIL = {
  top: clusterKind,
  cluster: serviceKind,
  service: taskKind,
  task: containerKind,
} as const;
