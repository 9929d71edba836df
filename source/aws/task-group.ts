// ECS puts a service's tasks in the task group "service:<name>" (a standalone task's group is
// "family:<name>" or whatever RunTask was given): the one way a described task names its service.
import type { Task } from "@aws-sdk/client-ecs";

const SERVICE_GROUP = "service:";

/** The service that started the task, or undefined for a standalone task. */
export function serviceOfTask(task: Pick<Task, "group">): string | undefined {
  return task.group?.startsWith(SERVICE_GROUP) ? task.group.slice(SERVICE_GROUP.length) : undefined;
}

/**
 * Whether a task listed by ListTasks(serviceName) really is the service's: endpoints that ignore
 * the serviceName filter (moto) list the whole cluster. A task without a group is kept.
 */
export function inService(task: Pick<Task, "group">, serviceName: string): boolean {
  return task.group === undefined || task.group === `${SERVICE_GROUP}${serviceName}`;
}
