// The simulated Application Auto Scaling API (JSON 1.1, target prefix AnyScaleFrontendService) for
// ECS services: DescribeScalableTargets, RegisterScalableTarget, DescribeScalingPolicies,
// DescribeScheduledActions and DescribeScalingActivities, over the same world as ECS. Only the
// "ecs" namespace and the "ecs:service:DesiredCount" dimension exist; other namespaces describe as
// empty. Not throttled: AWS publishes no per-operation rates for it.
import type {
  DescribeScalableTargetsResponse,
  DescribeScalingActivitiesResponse,
  DescribeScalingPoliciesResponse,
  DescribeScheduledActionsResponse,
  RegisterScalableTargetResponse,
} from "@aws-sdk/client-application-auto-scaling";
import type { World } from "../ecs/world.js";
import { SimError, type JsonObject } from "../protocol.js";
import type { Operation, SimulatedService } from "../request-handler.js";
import { ECS_DIMENSION, ECS_NAMESPACE, ScalingRegistry, type SuspendedState } from "./registry.js";
import { addDemoScaling } from "./scenario.js";

export { ScalingRegistry } from "./registry.js";

export const AUTOSCALING_TARGET_PREFIX = "AnyScaleFrontendService";

const validation = (message: string): SimError => new SimError("ValidationException", message);

/** AWS's wording for a member that breaks a constraint of the model. */
const constraint = (value: unknown, member: string, rule: string): SimError =>
  validation(
    `1 validation error detected: Value ${value === undefined ? "null" : `'${String(value)}'`} at '${member}' failed to satisfy constraint: ${rule}`,
  );

function text(input: JsonObject, member: string, required = false): string | undefined {
  const value = input[member];
  if (value === undefined || value === null) {
    if (required) throw constraint(undefined, lowerFirst(member), "Member must not be null");
    return undefined;
  }
  if (typeof value !== "string") throw validation(`${member} must be a string.`);
  return value;
}

function integer(input: JsonObject, member: string): number | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value))
    throw validation(`${member} must be an integer.`);
  return value;
}

function textList(input: JsonObject, member: string): string[] | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string"))
    throw validation(`${member} must be a list of strings.`);
  return value as string[];
}

const lowerFirst = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1);

/** MaxResults/NextToken paging over items in increasing `seq` order; tokens carry the last seq. */
function page<T extends { seq: number }>(
  items: readonly T[],
  input: JsonObject,
  limits: { defaultSize: number; max: number },
): { items: T[]; nextToken: string | undefined } {
  const maxResults = integer(input, "MaxResults") ?? limits.defaultSize;
  if (maxResults < 1 || maxResults > limits.max) {
    throw constraint(
      maxResults,
      "maxResults",
      maxResults < 1
        ? "Member must have value greater than or equal to 1"
        : `Member must have value less than or equal to ${limits.max}`,
    );
  }
  const token = text(input, "NextToken");
  let after = Number.NEGATIVE_INFINITY;
  if (token !== undefined) {
    const parsed = /^aas-(-?\d+)$/.exec(Buffer.from(token, "base64url").toString("utf8"));
    if (parsed === null) throw new SimError("InvalidNextTokenException", "Invalid NextToken");
    after = Number(parsed[1]);
  }
  const rest = items.filter((item) => item.seq > after);
  const out = rest.slice(0, maxResults);
  const last = out[out.length - 1];
  const nextToken =
    rest.length > maxResults && last !== undefined
      ? Buffer.from(`aas-${last.seq}`).toString("base64url")
      : undefined;
  return { items: out, nextToken };
}

/** ServiceNamespace (required) and the optional ScalableDimension; false when they cannot match ECS. */
function matchesEcs(input: JsonObject): boolean {
  const namespace = text(input, "ServiceNamespace", true);
  const dimension = text(input, "ScalableDimension");
  return namespace === ECS_NAMESPACE && (dimension === undefined || dimension === ECS_DIMENSION);
}

const date = (ms: number): Date => new Date(ms);

function describeScalableTargets(
  registry: ScalingRegistry,
  input: JsonObject,
): DescribeScalableTargetsResponse {
  const ids = textList(input, "ResourceIds");
  const ecs = matchesEcs(input);
  const targets = ecs
    ? [...registry.targets.values()].filter((target) => ids === undefined || ids.includes(target.resourceId))
    : [];
  const result = page(targets, input, { defaultSize: 50, max: 50 });
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

function registerScalableTarget(
  registry: ScalingRegistry,
  input: JsonObject,
  now: number,
): RegisterScalableTargetResponse {
  const namespace = text(input, "ServiceNamespace", true);
  const resourceId = text(input, "ResourceId", true) ?? "";
  const dimension = text(input, "ScalableDimension", true);
  const minCapacity = integer(input, "MinCapacity");
  const maxCapacity = integer(input, "MaxCapacity");
  const roleArn = text(input, "RoleARN");
  if (minCapacity !== undefined && minCapacity < 0)
    throw constraint(minCapacity, "minCapacity", "Member must have value greater than or equal to 0");
  if (maxCapacity !== undefined && maxCapacity < 0)
    throw constraint(maxCapacity, "maxCapacity", "Member must have value greater than or equal to 0");
  if (
    namespace !== ECS_NAMESPACE ||
    dimension !== ECS_DIMENSION ||
    !/^service\/[^/]+\/[^/]+$/.test(resourceId)
  )
    throw validation("Unsupported service namespace, resource type or scalable dimension");
  const service = registry.serviceFor(resourceId);
  if (service === undefined) throw validation(`ECS service doesn't exist: ${resourceId}`);
  const existing = registry.targetFor(service);
  if (existing === undefined && (minCapacity === undefined || maxCapacity === undefined))
    throw validation("MinCapacity and MaxCapacity are required to register a new scalable target.");
  const min = minCapacity ?? existing?.minCapacity ?? 0;
  const max = maxCapacity ?? existing?.maxCapacity ?? 0;
  if (min > max) throw validation("Minimum capacity cannot be greater than maximum capacity");
  const suspended: Partial<SuspendedState> = {};
  const state = input.SuspendedState;
  if (state !== undefined && state !== null) {
    if (typeof state !== "object" || Array.isArray(state))
      throw validation("SuspendedState must be a structure.");
    const flag = (member: string): boolean | undefined => {
      const value = (state as JsonObject)[member];
      if (value === undefined || value === null) return undefined;
      if (typeof value !== "boolean") throw validation(`SuspendedState.${member} must be a boolean.`);
      return value;
    };
    const scaleIn = flag("DynamicScalingInSuspended");
    const scaleOut = flag("DynamicScalingOutSuspended");
    const scheduled = flag("ScheduledScalingSuspended");
    if (scaleIn !== undefined) suspended.dynamicScalingInSuspended = scaleIn;
    if (scaleOut !== undefined) suspended.dynamicScalingOutSuspended = scaleOut;
    if (scheduled !== undefined) suspended.scheduledScalingSuspended = scheduled;
  }
  const target = registry.register(service, now, {
    minCapacity: min,
    maxCapacity: max,
    suspended,
    ...(roleArn !== undefined ? { roleArn } : {}),
  });
  return { ScalableTargetARN: target.arn };
}

function describeScalingPolicies(
  registry: ScalingRegistry,
  input: JsonObject,
): DescribeScalingPoliciesResponse {
  const names = textList(input, "PolicyNames");
  const resourceId = text(input, "ResourceId");
  const ecs = matchesEcs(input);
  const policies = ecs
    ? registry.policies.filter(
        (policy) =>
          (names === undefined || names.includes(policy.name)) &&
          (resourceId === undefined || policy.target.resourceId === resourceId),
      )
    : [];
  const result = page(policies, input, { defaultSize: 10, max: 10 });
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

function describeScheduledActions(
  registry: ScalingRegistry,
  input: JsonObject,
): DescribeScheduledActionsResponse {
  const names = textList(input, "ScheduledActionNames");
  const resourceId = text(input, "ResourceId");
  const ecs = matchesEcs(input);
  const actions = ecs
    ? registry.scheduledActions.filter(
        (action) =>
          (names === undefined || names.includes(action.name)) &&
          (resourceId === undefined || action.target.resourceId === resourceId),
      )
    : [];
  const result = page(actions, input, { defaultSize: 50, max: 50 });
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

function describeScalingActivities(
  registry: ScalingRegistry,
  input: JsonObject,
): DescribeScalingActivitiesResponse {
  const resourceId = text(input, "ResourceId");
  const ecs = matchesEcs(input);
  const includeNotScaled = input.IncludeNotScaledActivities;
  if (includeNotScaled !== undefined && includeNotScaled !== null && typeof includeNotScaled !== "boolean")
    throw validation("IncludeNotScaledActivities must be a boolean.");
  // Newest first: page over them with keys that grow towards the oldest.
  const activities = ecs
    ? registry.activities
        .filter((activity) => resourceId === undefined || activity.target.resourceId === resourceId)
        .reverse()
        .map((activity) => ({ activity, seq: -activity.seq }))
    : [];
  const result = page(activities, input, { defaultSize: 50, max: 50 });
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

export interface SimulatedAutoScaling {
  service: SimulatedService;
  registry: ScalingRegistry;
}

export function createAutoScalingService(world: World, now: () => number): SimulatedAutoScaling {
  const registry = new ScalingRegistry(world);
  addDemoScaling(registry, world.time);
  const at = (): number => {
    world.advance(now());
    return world.time;
  };
  const handlers: Readonly<Record<string, (input: JsonObject) => unknown>> = {
    DescribeScalableTargets: (input) => describeScalableTargets(registry, input),
    RegisterScalableTarget: (input) => registerScalableTarget(registry, input, world.time),
    DescribeScalingPolicies: (input) => describeScalingPolicies(registry, input),
    DescribeScheduledActions: (input) => describeScheduledActions(registry, input),
    DescribeScalingActivities: (input) => describeScalingActivities(registry, input),
  };
  const operations: Record<string, Operation> = {};
  for (const [name, handler] of Object.entries(handlers)) {
    operations[name] = (input) => {
      at();
      return handler(input);
    };
  }
  return {
    registry,
    service: {
      targetPrefix: AUTOSCALING_TARGET_PREFIX,
      iamService: "application-autoscaling",
      operations,
      throttleBucket: () => undefined,
      resourceFor: (operation, input) => {
        const resourceId = input.ResourceId;
        if (typeof resourceId !== "string") return "*";
        const target = registry.targets.get(resourceId);
        return target?.arn ?? "*";
      },
    },
  };
}
