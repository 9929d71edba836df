// The describe operations of Application Auto Scaling: scalable targets, target-tracking policies,
// scheduled actions and scaling activities, rendered as the SDK's model types. A namespace other
// than ecs (or a dimension other than ecs:service:DesiredCount) describes as empty.
import type {
  DescribeScalableTargetsResponse,
  DescribeScalingActivitiesResponse,
  DescribeScalingPoliciesResponse,
  DescribeScheduledActionsResponse,
} from "@aws-sdk/client-application-auto-scaling";
import type { JsonObject } from "../protocol.js";
import { matchesEcs, page, read } from "./ops-common.js";
import { ECS_DIMENSION, ECS_NAMESPACE, type ScalingRegistry } from "./registry.js";

const date = (ms: number): Date => new Date(ms);

export function describeScalableTargets(
  registry: ScalingRegistry,
  input: JsonObject,
): DescribeScalableTargetsResponse {
  const ids = read.optionalStringList(input, "ResourceIds");
  const ecs = matchesEcs(input);
  const targets = ecs
    ? [...registry.targets.values()].filter((target) => ids === undefined || ids.includes(target.resourceId))
    : [];
  const scope = `DescribeScalableTargets|${ids?.join(",") ?? ""}`;
  const result = page(targets, input, scope, { defaultSize: 50, max: 50 });
  return {
    ScalableTargets: result.items.map((target) => ({
      ServiceNamespace: ECS_NAMESPACE,
      ResourceId: target.resourceId,
      ScalableDimension: ECS_DIMENSION,
      MinCapacity: target.minCapacity,
      MaxCapacity: target.maxCapacity,
      RoleARN: target.roleArn,
      CreationTime: date(target.createdAt),
      SuspendedState: {
        DynamicScalingInSuspended: target.suspended.dynamicScalingInSuspended,
        DynamicScalingOutSuspended: target.suspended.dynamicScalingOutSuspended,
        ScheduledScalingSuspended: target.suspended.scheduledScalingSuspended,
      },
      ScalableTargetARN: target.arn,
    })),
    NextToken: result.nextToken,
  };
}

export function describeScalingPolicies(
  registry: ScalingRegistry,
  input: JsonObject,
): DescribeScalingPoliciesResponse {
  const names = read.optionalStringList(input, "PolicyNames");
  const resourceId = read.optionalString(input, "ResourceId");
  const ecs = matchesEcs(input);
  const policies = ecs
    ? registry.policies.filter(
        (policy) =>
          (names === undefined || names.includes(policy.name)) &&
          (resourceId === undefined || policy.target.resourceId === resourceId),
      )
    : [];
  const scope = `DescribeScalingPolicies|${names?.join(",") ?? ""}|${resourceId ?? ""}`;
  const result = page(policies, input, scope, { defaultSize: 10, max: 10 });
  return {
    ScalingPolicies: result.items.map((policy) => ({
      PolicyARN: policy.arn,
      PolicyName: policy.name,
      ServiceNamespace: ECS_NAMESPACE,
      ResourceId: policy.target.resourceId,
      ScalableDimension: ECS_DIMENSION,
      PolicyType: "TargetTrackingScaling",
      TargetTrackingScalingPolicyConfiguration: {
        TargetValue: policy.targetValue,
        PredefinedMetricSpecification: {
          PredefinedMetricType: policy.metric,
          ...(policy.resourceLabel !== undefined ? { ResourceLabel: policy.resourceLabel } : {}),
        },
        ScaleOutCooldown: policy.scaleOutCooldown,
        ScaleInCooldown: policy.scaleInCooldown,
        DisableScaleIn: policy.disableScaleIn,
      },
      Alarms: policy.alarms.map((alarm) => ({ AlarmName: alarm.name, AlarmARN: alarm.arn })),
      CreationTime: date(policy.createdAt),
    })),
    NextToken: result.nextToken,
  };
}

export function describeScheduledActions(
  registry: ScalingRegistry,
  input: JsonObject,
): DescribeScheduledActionsResponse {
  const names = read.optionalStringList(input, "ScheduledActionNames");
  const resourceId = read.optionalString(input, "ResourceId");
  const ecs = matchesEcs(input);
  const actions = ecs
    ? registry.scheduledActions.filter(
        (action) =>
          (names === undefined || names.includes(action.name)) &&
          (resourceId === undefined || action.target.resourceId === resourceId),
      )
    : [];
  const scope = `DescribeScheduledActions|${names?.join(",") ?? ""}|${resourceId ?? ""}`;
  const result = page(actions, input, scope, { defaultSize: 50, max: 50 });
  return {
    ScheduledActions: result.items.map((action) => ({
      ScheduledActionName: action.name,
      ScheduledActionARN: action.arn,
      ServiceNamespace: ECS_NAMESPACE,
      Schedule: action.schedule,
      ...(action.timezone !== undefined ? { Timezone: action.timezone } : {}),
      ResourceId: action.target.resourceId,
      ScalableDimension: ECS_DIMENSION,
      ScalableTargetAction: {
        ...(action.minCapacity !== undefined ? { MinCapacity: action.minCapacity } : {}),
        ...(action.maxCapacity !== undefined ? { MaxCapacity: action.maxCapacity } : {}),
      },
      CreationTime: date(action.createdAt),
    })),
    NextToken: result.nextToken,
  };
}

export function describeScalingActivities(
  registry: ScalingRegistry,
  input: JsonObject,
): DescribeScalingActivitiesResponse {
  const resourceId = read.optionalString(input, "ResourceId");
  const ecs = matchesEcs(input);
  // Every activity here scaled, so IncludeNotScaledActivities changes nothing; it is still checked.
  read.optionalBoolean(input, "IncludeNotScaledActivities");
  // Newest first: page over them with keys that grow towards the oldest.
  const activities = ecs
    ? registry.activities
        .filter((activity) => resourceId === undefined || activity.target.resourceId === resourceId)
        .reverse()
        .map((activity) => ({ activity, seq: -activity.seq }))
    : [];
  const scope = `DescribeScalingActivities|${resourceId ?? ""}`;
  const result = page(activities, input, scope, { defaultSize: 50, max: 50 });
  return {
    ScalingActivities: result.items.map(({ activity }) => ({
      ActivityId: activity.id,
      ServiceNamespace: ECS_NAMESPACE,
      ResourceId: activity.target.resourceId,
      ScalableDimension: ECS_DIMENSION,
      Description: activity.description,
      Cause: activity.cause,
      StartTime: date(activity.startTime),
      EndTime: date(activity.endTime),
      StatusCode: "Successful",
      StatusMessage: activity.statusMessage,
    })),
    NextToken: result.nextToken,
  };
}
