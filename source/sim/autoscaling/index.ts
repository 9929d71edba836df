// The simulated Application Auto Scaling API (JSON 1.1, target prefix AnyScaleFrontendService) for
// ECS services: DescribeScalableTargets, RegisterScalableTarget, DescribeScalingPolicies,
// DescribeScheduledActions and DescribeScalingActivities, over the same world as ECS. Only the
// "ecs" namespace and the "ecs:service:DesiredCount" dimension exist; other namespaces describe as
// empty. Not throttled: AWS publishes no per-operation rates for it.
import type { World } from "../ecs/world.js";
import type { SimulatedService } from "../request-handler.js";
import { worldOperations } from "../world-operations.js";
import {
  describeScalableTargets,
  describeScalingActivities,
  describeScalingPolicies,
  describeScheduledActions,
} from "./ops-describe.js";
import { registerScalableTarget } from "./ops-register.js";
import { ScalingRegistry } from "./registry.js";
import { addDemoScaling } from "./scenario.js";

export { ScalingRegistry } from "./registry.js";

export const AUTOSCALING_TARGET_PREFIX = "AnyScaleFrontendService";

export interface SimulatedAutoScaling {
  service: SimulatedService;
  registry: ScalingRegistry;
}

export function createAutoScalingService(world: World, now: () => number): SimulatedAutoScaling {
  const registry = new ScalingRegistry(world);
  addDemoScaling(registry, world.time);
  const operations = worldOperations(world, now, {
    DescribeScalableTargets: (_world, input) => describeScalableTargets(registry, input),
    RegisterScalableTarget: (advanced, input) => registerScalableTarget(registry, input, advanced.time),
    DescribeScalingPolicies: (_world, input) => describeScalingPolicies(registry, input),
    DescribeScheduledActions: (_world, input) => describeScheduledActions(registry, input),
    DescribeScalingActivities: (_world, input) => describeScalingActivities(registry, input),
  });
  return {
    registry,
    service: {
      targetPrefix: AUTOSCALING_TARGET_PREFIX,
      iamService: "application-autoscaling",
      operations,
      throttleBucket: () => undefined,
      resourceFor: (_operation, input) => {
        const resourceId = input.ResourceId;
        if (typeof resourceId !== "string") return "*";
        return registry.targets.get(resourceId)?.arn ?? "*";
      },
    },
  };
}
