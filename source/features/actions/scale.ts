// Scale a service: UpdateService with desiredCount and nothing else.
import type { ScalableTarget } from "@aws-sdk/client-application-auto-scaling";
import type { Service } from "@aws-sdk/client-ecs";
import { planCalls } from "./cli.js";
import { parseCount } from "./count-input.js";
import { liveTaskCount, serviceRef } from "./service-ref.js";
import type { AwsScope, Built } from "./types.js";

/** `target` is the service's auto scaling target, when it has one (it bounds the count). */
export function scaleAction(
  scope: AwsScope,
  service: Service,
  input: string,
  target?: ScalableTarget,
): Built {
  const described = serviceRef(service);
  if (!described.ok) return described;
  const { cluster, service: name, arn } = described.ref;
  const count = parseCount(input, "desired count");
  if (!count.ok) return count;
  const desired = count.value;
  const current = service.desiredCount ?? 0;
  if (desired === current) return { ok: false, message: `${name} already has a desired count of ${current}` };
  const live = liveTaskCount(service);

  return {
    ok: true,
    action: {
      id: "scale",
      title: `Scale ${name} from ${current} to ${desired}`,
      resourceArn: arn,
      calls: planCalls(scope, [
        {
          service: "ecs",
          operation: "UpdateService",
          parameters: { cluster, service: name, desiredCount: desired },
        },
      ]),
      destructive: desired < current,
      confirmation:
        desired === 0 && live > 0
          ? {
              kind: "typed",
              expected: name,
              prompt: `Scaling to 0 stops every task of ${name} (${live} running or pending). Type ${name} to confirm.`,
            }
          : { kind: "plain" },
      details: [
        desired < current
          ? `ECS stops ${current - desired} of ${name}'s tasks.`
          : `ECS starts ${desired - current} more ${name} tasks.`,
      ],
      warnings: rangeWarning(name, desired, target),
      successText: `${name}: desired count ${current} → ${desired}`,
    },
  };
}

function rangeWarning(name: string, desired: number, target: ScalableTarget | undefined): string[] {
  const min = target?.MinCapacity;
  const max = target?.MaxCapacity;
  if (min === undefined || max === undefined || (desired >= min && desired <= max)) return [];
  const bound = desired < min ? min : max;
  return [
    `auto scaling keeps ${name} between ${min} and ${max} tasks and will likely move it back to ${bound}; change its min/max instead to make this stick`,
  ];
}
