// Set the min/max that Application Auto Scaling keeps a service's desired count within.
import type { ScalableTarget } from "@aws-sdk/client-application-auto-scaling";
import type { Service } from "@aws-sdk/client-ecs";
import { ECS_DESIRED_COUNT, ECS_NAMESPACE, serviceResourceId } from "../../aws/autoscaling-gateway.js";
import { planCalls } from "./cli.js";
import { parseCount } from "./count-input.js";
import { liveTaskCount, serviceRef } from "./service-ref.js";
import type { AwsScope, Built } from "./types.js";

/** `target` is the current scalable target; without one, this registers it. */
export function autoscalingRangeAction(
  scope: AwsScope,
  service: Service,
  minInput: string,
  maxInput: string,
  target?: ScalableTarget,
): Built {
  const described = serviceRef(service);
  if (!described.ok) return described;
  const { cluster, service: name, arn } = described.ref;
  const min = parseCount(minInput, "min");
  if (!min.ok) return min;
  const max = parseCount(maxInput, "max");
  if (!max.ok) return max;
  if (min.value > max.value) {
    return { ok: false, message: `min (${min.value}) cannot be above max (${max.value})` };
  }
  if (target?.MinCapacity === min.value && target.MaxCapacity === max.value) {
    return { ok: false, message: `auto scaling of ${name} is already min ${min.value}, max ${max.value}` };
  }

  const desired = service.desiredCount ?? 0;
  const live = liveTaskCount(service);
  const warnings: string[] = [];
  if (!target) {
    warnings.push(
      `${name} has no auto scaling target yet: this registers one, using Application Auto Scaling's service-linked role`,
    );
  }
  if (desired < min.value) {
    warnings.push(
      `desired count ${desired} is below the new min: auto scaling will raise it to ${min.value}`,
    );
  }
  if (desired > max.value) {
    warnings.push(
      `desired count ${desired} is above the new max: auto scaling will lower it to ${max.value}`,
    );
  }
  const from = target ? ` from min ${target.MinCapacity}, max ${target.MaxCapacity}` : "";

  return {
    ok: true,
    action: {
      id: "autoscaling-range",
      title: `Set auto scaling of ${name}${from} to min ${min.value}, max ${max.value}`,
      resourceArn: arn,
      calls: planCalls(scope, [
        {
          service: "application-autoscaling",
          operation: "RegisterScalableTarget",
          parameters: {
            ServiceNamespace: ECS_NAMESPACE,
            ResourceId: serviceResourceId(cluster, name),
            ScalableDimension: ECS_DESIRED_COUNT,
            MinCapacity: min.value,
            MaxCapacity: max.value,
          },
        },
      ]),
      destructive: desired > max.value,
      confirmation:
        max.value === 0 && live > 0
          ? {
              kind: "typed",
              expected: name,
              prompt: `A max of 0 lets auto scaling stop every task of ${name} (${live} running or pending). Type ${name} to confirm.`,
            }
          : { kind: "plain" },
      details: [`Auto scaling keeps ${name}'s desired count between ${min.value} and ${max.value}.`],
      warnings,
      successText: `${name}: auto scaling min ${min.value}, max ${max.value}`,
    },
  };
}
