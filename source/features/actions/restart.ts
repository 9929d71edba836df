// Restart a service the ECS way: a new deployment of the same task definition.
import type { Service } from "@aws-sdk/client-ecs";
import { planCalls } from "./cli.js";
import { serviceRef } from "./service-ref.js";
import type { AwsScope, Built } from "./types.js";

export function restartAction(scope: AwsScope, service: Service): Built {
  const described = serviceRef(service);
  if (!described.ok) return described;
  const { cluster, service: name, arn } = described.ref;
  return {
    ok: true,
    action: {
      id: "restart",
      title: `Restart ${name} (force a new deployment)`,
      resourceArn: arn,
      calls: planCalls(scope, [
        {
          service: "ecs",
          operation: "UpdateService",
          parameters: { cluster, service: name, forceNewDeployment: true },
        },
      ]),
      destructive: true,
      confirmation: { kind: "plain" },
      details: [
        `ECS starts new ${name} tasks from the same task definition, pulling mutable image tags such as :latest again,`,
        "and stops the old tasks as the deployment's minimum healthy percent allows.",
      ],
      warnings: [],
      successText: `${name}: new deployment started`,
    },
  };
}
