// RegisterScalableTarget: creates an ECS service's scalable target or updates its range and
// suspended flags, with Application Auto Scaling's validation.
import type { RegisterScalableTargetResponse } from "@aws-sdk/client-application-auto-scaling";
import { memberReaders } from "../input.js";
import type { JsonObject } from "../protocol.js";
import { optionalCapacity, read, requiredString, validation } from "./ops-common.js";
import { ECS_DIMENSION, ECS_NAMESPACE, type ScalingRegistry, type SuspendedState } from "./registry.js";

const inSuspendedState = memberReaders(validation, "SuspendedState");

export function registerScalableTarget(
  registry: ScalingRegistry,
  input: JsonObject,
  now: number,
): RegisterScalableTargetResponse {
  const namespace = requiredString(input, "ServiceNamespace");
  const resourceId = requiredString(input, "ResourceId");
  const dimension = requiredString(input, "ScalableDimension");
  const minCapacity = optionalCapacity(input, "MinCapacity");
  const maxCapacity = optionalCapacity(input, "MaxCapacity");
  const roleArn = read.optionalString(input, "RoleARN");
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
  const state = read.optionalObject(input, "SuspendedState") ?? {};
  const target = registry.register(service, now, {
    minCapacity: min,
    maxCapacity: max,
    suspended: suspendedFlags(state),
    roleArn,
  });
  return { ScalableTargetARN: target.arn };
}

/** The flags SuspendedState sets; the ones it leaves out keep their value. */
function suspendedFlags(state: JsonObject): Partial<SuspendedState> {
  return {
    dynamicScalingInSuspended: inSuspendedState.optionalBoolean(state, "DynamicScalingInSuspended"),
    dynamicScalingOutSuspended: inSuspendedState.optionalBoolean(state, "DynamicScalingOutSuspended"),
    scheduledScalingSuspended: inSuspendedState.optionalBoolean(state, "ScheduledScalingSuspended"),
  };
}
