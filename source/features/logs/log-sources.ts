// Where a container's logs go, read from its task definition's logConfiguration: the awslogs
// group/region/stream to follow, or an explanation of where else they are (FireLens, splunk…).
// No "latest stream in the group" guessing: the stream is computed from the task id.
import type { ContainerDefinition, Task, TaskDefinition } from "@aws-sdk/client-ecs";
import { arnParts, resourceName } from "../../core/arn.js";
import { elsewhereExplanation } from "./log-destinations.js";

export type LogSource =
  | { kind: "awslogs"; taskId: string; container: string; group: string; region: string; stream: string }
  | { kind: "elsewhere"; taskId: string; container: string; driver: string; explanation: string };

export type AwslogsSource = Extract<LogSource, { kind: "awslogs" }>;

/** Sources for every container of the task (or only `container`), in task-definition order. */
export function logSourcesFor(task: Task, definition: TaskDefinition, container?: string): LogSource[] {
  const taskArn = task.taskArn ?? "";
  const taskId = resourceName(taskArn);
  const taskRegion = arnParts(taskArn)?.region ?? "";
  const definitions = definition.containerDefinitions ?? [];
  return definitions
    .filter((def) => container === undefined || def.name === container)
    .map((def) => sourceOf(task, definition, def, taskId, taskRegion));
}

function sourceOf(
  task: Task,
  definition: TaskDefinition,
  def: ContainerDefinition,
  taskId: string,
  taskRegion: string,
): LogSource {
  const container = def.name ?? "";
  const config = def.logConfiguration;
  const driver = config?.logDriver ?? "none";
  const options = config?.options ?? {};
  const elsewhere = (explanation: string): LogSource => ({
    kind: "elsewhere",
    taskId,
    container,
    driver,
    explanation,
  });
  if (driver !== "awslogs") return elsewhere(elsewhereExplanation(definition, def, taskId));

  const group = options["awslogs-group"];
  if (!group) return elsewhere("awslogs without an awslogs-group option: nowhere deckhand can read");
  const region = options["awslogs-region"] || taskRegion;
  const prefix = options["awslogs-stream-prefix"];
  if (prefix)
    return { kind: "awslogs", taskId, container, group, region, stream: `${prefix}/${container}/${taskId}` };

  // Without a prefix (allowed on EC2 only) Docker names the stream after the container id, which
  // ECS reports as the container's runtimeId once it has started.
  const runtimeId = task.containers?.find((c) => c.name === container)?.runtimeId;
  if (runtimeId && /^[0-9a-f]{64}$/.test(runtimeId)) {
    return { kind: "awslogs", taskId, container, group, region, stream: runtimeId };
  }
  return elsewhere(
    `awslogs group ${group} (${region}) without awslogs-stream-prefix: the stream is named after the ` +
      "Docker container id, which ECS has not reported yet; list the group's streams by prefix to find it",
  );
}

/**
 * The log group's ARN as StartLiveTail wants it (no trailing ":*"). Log groups live in the task's
 * account; the partition comes from the task ARN too (aws, aws-cn, aws-us-gov).
 */
export function logGroupArn(taskArn: string, region: string, group: string): string | undefined {
  const parts = arnParts(taskArn);
  if (!parts) return undefined;
  return `arn:${parts.partition}:logs:${region}:${parts.account}:log-group:${group}`;
}

/** The log group name inside a log group ARN (Live Tail events name their group by ARN). */
export function groupNameOf(identifier: string): string {
  const marker = ":log-group:";
  const at = identifier.indexOf(marker);
  if (at < 0) return identifier;
  const name = identifier.slice(at + marker.length);
  return name.endsWith(":*") ? name.slice(0, -2) : name;
}
