// Service events as the ECS console shows them: newest first, at most 100, in ECS's own wording.
import type { SimDeployment, SimService, SimServiceEvent, SimTask } from "./model.js";

export const MAX_SERVICE_EVENTS = 100;

export function addEvent(service: SimService, at: number, message: string): void {
  service.events.unshift({ id: service.rng.uuid(), createdAt: at, message });
  if (service.events.length >= MAX_SERVICE_EVENTS) {
    service.events.length = MAX_SERVICE_EVENTS;
    service.history = undefined;
  }
}

/** All of the service's events, newest first, at most 100. */
export function serviceEvents(service: SimService): readonly SimServiceEvent[] {
  if (service.history !== undefined) {
    service.events = service.events.concat(service.history()).slice(0, MAX_SERVICE_EVENTS);
    service.history = undefined;
  }
  return service.events;
}

const who = (service: SimService): string => `(service ${service.name})`;
const taskList = (tasks: readonly SimTask[]): string => tasks.map((task) => `(task ${task.id})`).join(" ");

export const eventText = {
  started: (service: SimService, tasks: readonly SimTask[]): string =>
    `${who(service)} has started ${tasks.length} tasks: ${taskList(tasks)}.`,
  stopped: (service: SimService, tasks: readonly SimTask[]): string =>
    `${who(service)} has stopped ${tasks.length} running tasks: ${taskList(tasks)}.`,
  draining: (service: SimService, count: number): string =>
    `${who(service)} has begun draining connections on ${count} tasks.`,
  deregistered: (service: SimService, count: number, targetGroupArn: string): string =>
    `${who(service)} deregistered ${count} targets in (target-group ${targetGroupArn})`,
  registered: (service: SimService, count: number, targetGroupArn: string): string =>
    `${who(service)} registered ${count} targets in (target-group ${targetGroupArn})`,
  steadyState: (service: SimService): string => `${who(service)} has reached a steady state.`,
  deploymentCompleted: (service: SimService, deployment: SimDeployment): string =>
    `${who(service)} (deployment ${deployment.id}) deployment completed.`,
  deploymentFailed: (service: SimService, deployment: SimDeployment): string =>
    `${who(service)} (deployment ${deployment.id}) deployment failed: tasks failed to start.`,
  rollingBack: (service: SimService, deployment: SimDeployment): string =>
    `${who(service)} rolling back to deployment ${deployment.id}.`,
  healthChecksFailed: (service: SimService, task: SimTask): string =>
    `${who(service)} (task ${task.id}) failed container health checks.`,
  elbHealthChecksFailed: (service: SimService, task: SimTask, targetGroupArn: string): string =>
    `${who(service)} (task ${task.id}) failed ELB health checks in (target-group ${targetGroupArn})`,
  unableToStart: (service: SimService): string =>
    `${who(service)} is unable to consistently start tasks successfully. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`,
};
