// The stop codes and reasons ECS gives, and the container reasons that go with them.
import type { SimDeployment, SimTask } from "./model.js";

export const ESSENTIAL_CONTAINER_EXITED = "Essential container in task exited";
export const HEALTH_CHECKS_FAILED = "Task failed container health checks";
export const OUT_OF_MEMORY = "OutOfMemoryError: Container killed due to memory usage";
export const MAINTENANCE =
  "Task stopped: ECS is performing maintenance on the underlying infrastructure hosting the task.";
export const SPOT_INTERRUPTED = "Your Spot Task was interrupted.";
/** What the Fargate agent reports when the execution role cannot read a secret the task needs. */
export const cannotFetchSecret = (secretArn: string, roleArn: string): string =>
  "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: " +
  "unable to retrieve secret from asm: service call has been retried 1 time(s): failed to fetch secret " +
  `${secretArn} from secrets manager: AccessDeniedException: User: ${roleArn} is not authorized to perform: ` +
  `secretsmanager:GetSecretValue on resource: ${secretArn} because no identity-based policy allows the ` +
  "secretsmanager:GetSecretValue action";
/** What the Fargate agent reports when a tag is missing from the registry (platform 1.4). */
export const cannotPullImage = (image: string): string =>
  `CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref ${image}: not found`;

export const scalingActivity = (deployment: SimDeployment): string =>
  `Scaling activity initiated by (deployment ${deployment.id})`;
export const elbHealthChecksFailed = (targetGroupArn: string): string =>
  `Task failed ELB health checks in (target-group ${targetGroupArn})`;

/** A service task that stopped because it broke, which counts towards the deployment's failedTasks. */
export function isFailedTask(task: SimTask): boolean {
  return (
    task.service !== undefined &&
    (task.stopCode === "EssentialContainerExited" ||
      task.stopCode === "TaskFailedToStart" ||
      task.stoppedReason === HEALTH_CHECKS_FAILED)
  );
}
