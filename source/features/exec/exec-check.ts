// The look before exec: a fresh DescribeTasks, the task's service and task definition, and the
// plugin, then the checks of amazon-ecs-exec-checker (diagnoseExec). Nothing is sent to open a
// session here.
import type { Service, Task, TaskDefinition } from "@aws-sdk/client-ecs";
import { shortTaskId } from "../../core/arn.js";
import { onlyOne, type Result } from "../../aws/failure.js";
import { diagnoseExec, type ExecDiagnosis } from "./diagnose.js";
import { pluginVersion } from "./plugin-version.js";
import type { NoticeItem } from "../dialogs/action-dialog.js";
import { pluginLookup, type ExecServices, type PluginChoice } from "./exec-services.js";
import { serviceOfTask } from "../../aws/task-group.js";

/** The container a key was pressed on. */
export interface Target {
  clusterArn: string;
  taskArn: string;
  containerName: string;
}

/** What opening a session needs from the look before it. */
export interface Checked {
  task: Task;
  /** Absent when ECS reports none (yet): the session then reads it after ExecuteCommand. */
  runtimeId?: string;
  taskDefinition?: TaskDefinition;
  diagnosis: ExecDiagnosis;
  plugin: Extract<PluginChoice, { command: string }>;
}

export interface Look {
  /** Absent when there is no plugin to run: nothing can go ahead. */
  checked?: Checked;
  /** Why exec would not work, most fundamental first; empty when it should. */
  problems: NoticeItem[];
  diagnosis: ExecDiagnosis;
}

export async function lookBeforeExec(
  services: Pick<ExecServices, "ecs" | "plugin" | "shell">,
  target: Target,
): Promise<Result<Look>> {
  const { clusterArn, taskArn, containerName } = target;
  const described = onlyOne(
    await services.ecs.describeTasks(clusterArn, [taskArn]),
    "DescribeTasks",
    `task ${shortTaskId(taskArn)}`,
  );
  if (!described.ok) return described;
  const task = described.value;
  const [service, definition] = await Promise.all([
    serviceOf(services.ecs, clusterArn, task),
    task.taskDefinitionArn ? services.ecs.describeTaskDefinition(task.taskDefinitionArn) : undefined,
  ]);
  const taskDefinition = definition?.ok ? definition.value : undefined;
  const plugin = services.plugin();
  const version = "missing" in plugin ? undefined : await pluginVersion(plugin.command, plugin.leadingArgs);
  const lookup = pluginLookup(plugin, version);
  const diagnosis = diagnoseExec({
    task,
    containerName,
    service,
    taskDefinition,
    plugin: lookup,
    shell: services.shell,
  });
  const problems: NoticeItem[] = diagnosis.problems.map((problem) => ({
    text: problem.reason,
    hint: problem.hint,
  }));
  const runtimeId = task.containers?.find((container) => container.name === containerName)?.runtimeId;
  if (problems.length === 0 && !runtimeId) {
    problems.push({
      text: `container ${containerName} has no runtime ID yet`,
      hint: "it is still starting: try again in a moment",
    });
  }
  // Without a plugin that can take the session there is nothing to go ahead with.
  const usable = !("missing" in plugin) && !("tooOld" in lookup && lookup.tooOld);
  const checked = usable ? { task, runtimeId, taskDefinition, diagnosis, plugin } : undefined;
  return { ok: true, value: { checked, problems, diagnosis } };
}

/** The container's runtime ID from a fresh DescribeTasks (the AWS CLI reads it after ExecuteCommand). */
export async function runtimeIdOf(ecs: ExecServices["ecs"], target: Target): Promise<string | undefined> {
  const described = await ecs.describeTasks(target.clusterArn, [target.taskArn]);
  if (!described.ok) return undefined;
  return described.value[0]?.containers?.find((c) => c.name === target.containerName)?.runtimeId;
}

/** The task's service, when it belongs to one and can be described (diagnosis only: optional). */
async function serviceOf(
  ecs: ExecServices["ecs"],
  clusterArn: string,
  task: Task,
): Promise<Service | undefined> {
  const service = serviceOfTask(task);
  if (service === undefined) return undefined;
  const described = await ecs.describeServices(clusterArn, [service]);
  return described.ok ? described.value[0] : undefined;
}
