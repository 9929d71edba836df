// Turn ECS Exec on or off for a service. The setting reaches only tasks started after the change,
// so the same call forces a new deployment; the user is told so before confirming.
import type { Service } from "@aws-sdk/client-ecs";
import { planCalls } from "./cli.js";
import { serviceRef } from "./service-ref.js";
import type { AwsScope, Built } from "./types.js";

export function toggleExecAction(scope: AwsScope, service: Service): Built {
  const described = serviceRef(service);
  if (!described.ok) return described;
  const { cluster, service: name, arn } = described.ref;
  const enable = !service.enableExecuteCommand;
  return {
    ok: true,
    action: {
      id: "toggle-exec",
      title: `${enable ? "Enable" : "Disable"} ECS Exec for ${name}`,
      resourceArn: arn,
      calls: planCalls(scope, [
        {
          service: "ecs",
          operation: "UpdateService",
          parameters: { cluster, service: name, enableExecuteCommand: enable, forceNewDeployment: true },
        },
      ]),
      destructive: true,
      confirmation: { kind: "plain" },
      details: [
        `Running tasks keep their current exec setting, so this also forces a new deployment: every running ${name} task is replaced.`,
        ...(enable
          ? [
              "Exec also needs the task role to allow ssmmessages:CreateControlChannel, CreateDataChannel, OpenControlChannel and OpenDataChannel.",
            ]
          : []),
      ],
      warnings: [],
      successText: `${name}: ECS Exec ${enable ? "enabled" : "disabled"}, new deployment started`,
    },
  };
}
