// Move a service to another task definition revision, with a diff of what changes.
import type { Service, TaskDefinition } from "@aws-sdk/client-ecs";
import { taskDefinitionDiff } from "./task-definition-diff.js";
import { resourceName } from "../../core/arn.js";
import { planCalls } from "./cli.js";
import { serviceRef } from "./service-ref.js";
import type { AwsScope, Built } from "./types.js";

export function changeRevisionAction(
  scope: AwsScope,
  service: Service,
  current: TaskDefinition,
  chosen: TaskDefinition,
): Built {
  const described = serviceRef(service);
  if (!described.ok) return described;
  const { cluster, service: name, arn } = described.ref;
  const to = chosen.taskDefinitionArn;
  if (!to || !current.taskDefinitionArn)
    return { ok: false, message: "the task definitions are not fully described yet" };
  const fromName = resourceName(current.taskDefinitionArn);
  const toName = resourceName(to);
  if (to === service.taskDefinition) return { ok: false, message: `${name} already uses ${toName}` };
  const diff = taskDefinitionDiff(current, chosen);
  const identical = diff.every((line) => line.kind === "same");

  return {
    ok: true,
    action: {
      id: "change-revision",
      title: `Change ${name} from ${fromName} to ${toName}`,
      resourceArn: arn,
      calls: planCalls(scope, [
        {
          service: "ecs",
          operation: "UpdateService",
          parameters: { cluster, service: name, taskDefinition: to },
        },
      ]),
      destructive: true,
      confirmation: { kind: "plain" },
      details: [`This starts a deployment: ECS replaces ${name}'s tasks with tasks from ${toName}.`],
      warnings: identical
        ? [`${fromName} and ${toName} have the same content: this only replaces the tasks`]
        : [],
      diff,
      successText: `${name}: deployment of ${toName} started`,
    },
  };
}
