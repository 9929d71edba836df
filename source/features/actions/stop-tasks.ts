// Stop one or more tasks, with a reason that says who asked (ECS shows it as the stopped reason).
import type { Task } from "@aws-sdk/client-ecs";
import { resourceName, shortTaskId } from "../../core/arn.js";
import { planCalls } from "./cli.js";
import { localUserName, stopReason } from "./local-user.js";
import type { AwsCall, AwsScope, Built } from "./types.js";
import { serviceOfTask } from "../../aws/task-group.js";

export function stopTasksAction(scope: AwsScope, tasks: Task[], user: string = localUserName()): Built {
  const stoppable = tasks.filter((task) => task.desiredStatus !== "STOPPED");
  if (stoppable.length === 0) {
    return {
      ok: false,
      message: tasks.length === 0 ? "no task selected" : "the selected tasks are already stopping",
    };
  }
  const calls: AwsCall[] = [];
  const arns: string[] = [];
  for (const task of stoppable) {
    if (!task.taskArn || !task.clusterArn) {
      return { ok: false, message: "a selected task is not fully described yet; refresh and try again" };
    }
    arns.push(task.taskArn);
    calls.push({
      service: "ecs",
      operation: "StopTask",
      parameters: { cluster: resourceName(task.clusterArn), task: task.taskArn, reason: stopReason(user) },
    });
  }
  const skipped = tasks.length - stoppable.length;
  const count = stoppable.length;
  return {
    ok: true,
    action: {
      id: "stop-tasks",
      title: count === 1 ? `Stop task ${shortTaskId(arns[0]!)}` : `Stop ${count} tasks`,
      resourceArn: arns[0]!,
      calls: planCalls(scope, calls),
      destructive: true,
      confirmation: { kind: "plain" },
      details: replacementDetails(stoppable),
      warnings:
        skipped > 0
          ? [`${skipped} of the selected tasks ${skipped === 1 ? "is" : "are"} already stopping and left out`]
          : [],
      successText: `${count === 1 ? "Task" : `${count} tasks`} stopping (reason: ${stopReason(user)})`,
    },
  };
}

/** Which tasks a service will replace and which are gone for good. */
function replacementDetails(tasks: Task[]): string[] {
  const byService = new Map<string, number>();
  let standalone = 0;
  for (const task of tasks) {
    const service = serviceOfTask(task);
    if (service) byService.set(service, (byService.get(service) ?? 0) + 1);
    else standalone += 1;
  }
  const lines = [...byService].map(
    ([service, n]) => `Service ${service} starts ${n === 1 ? "a replacement" : `${n} replacements`}.`,
  );
  if (standalone > 0) {
    lines.push(
      `${standalone === 1 ? "1 task is" : `${standalone} tasks are`} not part of a service: nothing replaces ${standalone === 1 ? "it" : "them"}.`,
    );
  }
  return lines;
}
