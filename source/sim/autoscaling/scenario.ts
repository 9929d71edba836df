// The demo account's auto scaling: a handful of prod web services have a scalable target around
// their current desired count (so nothing moves at start), a target-tracking policy each, and
// checkout has two scheduled actions. Targets were registered months ago; ids and times are
// hashed from the seed, so building this draws nothing from the services' random streams.
import { hashSeed } from "../random.js";
import type { SimService } from "../ecs/model.js";
import { DAY } from "../ecs/time.js";
import type { PredefinedMetric, ScalableTarget, ScalingRegistry } from "./registry.js";

interface DemoTarget {
  service: string;
  metric: PredefinedMetric;
  targetValue: number;
  suspendScaleIn?: boolean;
  scheduled?: Array<{ name: string; schedule: string; timezone?: string; min?: number; max?: number }>;
}

export const DEMO_TARGETS: readonly DemoTarget[] = [
  {
    service: "checkout",
    metric: "ECSServiceAverageCPUUtilization",
    targetValue: 60,
    scheduled: [
      {
        name: "checkout-business-hours",
        schedule: "cron(0 7 ? * MON-FRI *)",
        timezone: "Europe/Berlin",
        min: 6,
      },
      { name: "checkout-nights", schedule: "cron(0 22 ? * * *)", timezone: "Europe/Berlin", min: 3 },
    ],
  },
  { service: "api-gateway", metric: "ALBRequestCountPerTarget", targetValue: 1000 },
  { service: "web-frontend", metric: "ECSServiceAverageCPUUtilization", targetValue: 50 },
  { service: "cart", metric: "ECSServiceAverageCPUUtilization", targetValue: 65 },
  { service: "search-api", metric: "ECSServiceAverageMemoryUtilization", targetValue: 70 },
  {
    service: "orders-worker",
    metric: "ECSServiceAverageCPUUtilization",
    targetValue: 70,
    suspendScaleIn: true,
  },
];

/** Registers the demo targets, policies and scheduled actions for the services that exist. */
export function addDemoScaling(registry: ScalingRegistry, now: number): void {
  const prod = registry.world.clustersByName.get("prod");
  if (prod === undefined) return;
  for (const demo of DEMO_TARGETS) {
    const service = prod.servicesByName.get(demo.service);
    if (service === undefined || service.status !== "ACTIVE") continue;
    const hash = hashSeed(registry.world.seed, "scalable-target", service.arn);
    const createdAt = Math.min(now - 2 * DAY, service.createdAt + 1 + (hash % 30) * DAY);
    const desired = service.desiredCount;
    const min = Math.ceil(desired / 2);
    const target = registry.register(service, now, {
      minCapacity: min,
      maxCapacity: Math.max(desired * 2, min + 2),
      createdAt,
      ...(demo.suspendScaleIn ? { suspended: { dynamicScalingInSuspended: true } } : {}),
    });
    addPolicy(registry, service, target, demo, createdAt);
    for (const action of demo.scheduled ?? []) {
      registry.addScheduledAction({
        name: action.name,
        arn: `arn:aws:autoscaling:${registry.world.region}:${registry.world.accountId}:scheduledAction:${registry.uuidFor(`scheduled/${target.resourceId}/${action.name}`)}:resource/ecs/${target.resourceId}:scheduledActionName/${action.name}`,
        target,
        schedule: action.schedule,
        timezone: action.timezone,
        minCapacity: action.min === undefined ? undefined : Math.min(action.min, target.maxCapacity),
        maxCapacity: action.max,
        createdAt: createdAt + DAY,
      });
    }
  }
}

function addPolicy(
  registry: ScalingRegistry,
  service: SimService,
  target: ScalableTarget,
  demo: DemoTarget,
  createdAt: number,
): void {
  const { region, accountId } = registry.world;
  const short =
    demo.metric === "ALBRequestCountPerTarget"
      ? "requests"
      : demo.metric === "ECSServiceAverageMemoryUtilization"
        ? "memory"
        : "cpu";
  const name = `${service.name}-${short}-target-tracking`;
  const alarm = (kind: string): { name: string; arn: string } => {
    const alarmName = `TargetTracking-${target.resourceId}-Alarm${kind}-${registry.uuidFor(`alarm/${target.resourceId}/${kind}`)}`;
    return { name: alarmName, arn: `arn:aws:cloudwatch:${region}:${accountId}:alarm:${alarmName}` };
  };
  let resourceLabel: string | undefined;
  const targetGroup = service.loadBalancer?.targetGroupArn;
  if (demo.metric === "ALBRequestCountPerTarget" && targetGroup !== undefined) {
    const loadBalancerId = registry.uuidFor(`alb/${service.cluster.name}`).replaceAll("-", "").slice(0, 16);
    resourceLabel = `app/${service.cluster.name}-alb/${loadBalancerId}/${targetGroup.slice(targetGroup.indexOf("targetgroup/"))}`;
  }
  registry.addPolicy({
    name,
    arn: `arn:aws:autoscaling:${region}:${accountId}:scalingPolicy:${registry.uuidFor(`policy/${target.resourceId}/${name}`)}:resource/ecs/${target.resourceId}:policyName/${name}`,
    target,
    targetValue: demo.targetValue,
    metric:
      demo.metric === "ALBRequestCountPerTarget" && resourceLabel === undefined
        ? "ECSServiceAverageCPUUtilization"
        : demo.metric,
    resourceLabel,
    scaleInCooldown: 300,
    scaleOutCooldown: 60,
    disableScaleIn: false,
    createdAt,
    alarms: [alarm("High"), alarm("Low")],
  });
}
