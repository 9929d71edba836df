// What Elastic Load Balancing says about a service's tasks: each task that ECS registered (it runs
// or is draining) is a target of the service's target group, and its state follows the task's
// life: initial while the first health checks run, healthy or unhealthy after, draining while the
// task stops. The demo's lopsided service also has one target that times out although the
// container says it is healthy (the load balancer and the container check different things).
import { LOPSIDED_SERVICE } from "../ecs/catalog.js";
import type { SimService, SimTask } from "../ecs/model.js";
import { SECOND } from "../ecs/time.js";

export type TargetState = "initial" | "healthy" | "unhealthy" | "unused" | "draining" | "unavailable";

export interface SimTarget {
  task: SimTask;
  /** The task's IP (awsvpc, target type ip) or its EC2 instance (bridge, target type instance). */
  id: string;
  port: number;
  availabilityZone: string;
  state: TargetState;
  reason?: string;
  description?: string;
}

/** How long a new target stays "initial": two health checks 10 s apart, and registration. */
const INITIAL_MS = 25 * SECOND;

const DRAINING = new Set(["DEACTIVATING", "STOPPING", "DEPROVISIONING"]);

export function targetsOf(service: SimService, now: number): SimTarget[] {
  const binding = service.loadBalancer;
  if (binding === undefined) return [];
  const containerIndex = Math.max(
    0,
    service.family.containers.findIndex((spec) => spec.name === binding.containerName),
  );
  const targets: SimTarget[] = [];
  let timedOut = service.name !== LOPSIDED_SERVICE;
  for (const task of service.tasks) {
    if (task.purged || task.startedAt === undefined || task.lastStatus === "STOPPED") continue;
    const address = addressOf(task, binding.containerPort, containerIndex);
    if (address === undefined) continue;
    const target = { task, ...address, availabilityZone: task.availabilityZone };
    if (task.desiredStatus === "STOPPED" || DRAINING.has(task.lastStatus)) {
      targets.push({
        ...target,
        state: "draining",
        reason: "Target.DeregistrationInProgress",
        description: "Target deregistration is in progress",
      });
    } else if (task.lastStatus !== "RUNNING") {
      continue;
    } else if (now - task.startedAt < INITIAL_MS) {
      targets.push({
        ...target,
        state: "initial",
        reason: "Elb.RegistrationInProgress",
        description: "Target registration is in progress",
      });
    } else if (task.healthStatus === "UNHEALTHY") {
      targets.push({
        ...target,
        state: "unhealthy",
        reason: "Target.ResponseCodeMismatch",
        description: "Health checks failed with these codes: [503]",
      });
    } else if (!timedOut) {
      timedOut = true;
      targets.push({
        ...target,
        state: "unhealthy",
        reason: "Target.Timeout",
        description: "Request timed out",
      });
    } else {
      targets.push({ ...target, state: "healthy" });
    }
  }
  return targets;
}

function addressOf(
  task: SimTask,
  containerPort: number,
  containerIndex: number,
): { id: string; port: number } | undefined {
  if (task.network !== undefined) return { id: task.network.privateIp, port: containerPort };
  const hostPort = task.containers[containerIndex]?.hostPorts[0];
  if (task.instance === undefined || hostPort === undefined) return undefined;
  return { id: task.instance.ec2InstanceId, port: hostPort };
}
