// ECS exec's side of a container: its runtime id (the SSM target names it) and the state of its
// ExecuteCommandAgent, shared by DescribeTasks, ExecuteCommand and SSM StartSession so the three
// always agree.
import { hashHex } from "../random.js";
import type { SimContainer, SimService, SimTask } from "./model.js";

export interface ExecAgentState {
  lastStatus: "PENDING" | "RUNNING" | "STOPPED";
  reason?: string;
}

/** The container runtime id: Fargate's "<taskId>-<10 digits>", Docker's 64 hex digits on EC2. */
export function runtimeIdOf(task: SimTask, container: SimContainer): string | undefined {
  if (task.startedAt === undefined) return undefined;
  const key = `${task.id}/${container.spec.name}`;
  return task.launchType === "FARGATE" ? `${task.id}-${hashSeedDigits(key)}` : hashHex(key, 64);
}

/** The ExecuteCommandAgent of a container; undefined when the task runs without exec. */
export function execAgentOf(task: SimTask, container: SimContainer): ExecAgentState | undefined {
  if (!task.enableExecuteCommand) return undefined;
  if (task.startedAt === undefined) return { lastStatus: "PENDING" };
  if (container.lastStatus !== "RUNNING") return { lastStatus: "STOPPED" };
  if (task.execAgentStoppedReason !== undefined)
    return { lastStatus: "STOPPED", reason: task.execAgentStoppedReason };
  return { lastStatus: "RUNNING" };
}

/**
 * Gives a service's broken agent to `task` when no other task the service still wants running has
 * it: the demo keeps one such task however the service churns (the replacement of a stopped one).
 */
export function carryAgentFault(service: SimService, task: SimTask): void {
  const reason = service.execAgentFault;
  if (reason === undefined || !task.enableExecuteCommand) return;
  const carried = service.tasks.some(
    (other) =>
      other !== task && other.desiredStatus === "RUNNING" && other.execAgentStoppedReason !== undefined,
  );
  if (!carried) task.execAgentStoppedReason = reason;
}

/** The SSM target of a container: `ecs:<cluster>_<taskId>_<runtimeId>`. */
export function execTarget(task: SimTask, container: SimContainer): string | undefined {
  const runtimeId = runtimeIdOf(task, container);
  return runtimeId === undefined ? undefined : `ecs:${task.cluster.name}_${task.id}_${runtimeId}`;
}

function hashSeedDigits(key: string): string {
  return String(parseInt(hashHex(key, 8), 16) % 10_000_000_000).padStart(10, "0");
}
