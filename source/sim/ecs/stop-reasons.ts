// The stop codes and reasons ECS gives, and the container reasons that go with them.
import type { SimDeployment, SimTask } from "./model.js";

export const ESSENTIAL_CONTAINER_EXITED = "Essential container in task exited";
export const HEALTH_CHECKS_FAILED = "Task failed container health checks";
export const OUT_OF_MEMORY = "OutOfMemoryError: Container killed due to memory usage";
export const MAINTENANCE =
  "Task stopped: ECS is performing maintenance on the underlying infrastructure hosting the task.";
export const SPOT_INTERRUPTED = "Your Spot Task was interrupted.";

export const scalingActivity = (deployment: SimDeployment): string =>
  `Scaling activity initiated by (deployment ${deployment.id})`;
export const elbHealthChecksFailed = (targetGroupArn: string): string =>
  `Task failed ELB health checks in (target-group ${targetGroupArn})`;

/** A service task that stopped because it broke, which counts towards the deployment's failedTasks. */
export function isFailedTask(task: SimTask): boolean {
  return (
    task.service !== undefined &&
    (task.stopCode === "EssentialContainerExited" || task.stoppedReason === HEALTH_CHECKS_FAILED)
  );
}
