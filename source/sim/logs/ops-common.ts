// What the Logs operations share: the account they read, the log group parameter (name or
// identifier, never both), its limit and time members, and the service's errors.
import type { World } from "../ecs/world.js";
import { constraintMessage, optionalInteger, optionalString } from "../input.js";
import { SimError, invalidParameter, type JsonObject } from "../protocol.js";
import { readGroupIdentifier } from "./arns.js";
import type { LogGroup, LogRegistry } from "./registry.js";

export interface LogsAccount {
  world: World;
  registry: LogRegistry;
  /** The simulated time of this request (the world has been advanced to it). */
  now: number;
}

export const groupNotFound = (): SimError =>
  new SimError("ResourceNotFoundException", "The specified log group does not exist.");
export const streamNotFound = (): SimError =>
  new SimError("ResourceNotFoundException", "The specified log stream does not exist.");

/** The group named by logGroupName or logGroupIdentifier (name or ARN); exactly one must be given. */
export function requireGroup(account: LogsAccount, input: JsonObject): LogGroup {
  const name = optionalString(input, "logGroupName");
  const identifier = optionalString(input, "logGroupIdentifier");
  if (name !== undefined && identifier !== undefined) {
    throw invalidParameter("LogGroup name and LogGroup ARN are mutually exclusive parameters.");
  }
  const value = name ?? identifier;
  if (value === undefined || value === "")
    throw invalidParameter("Either logGroupName or logGroupIdentifier is required.");
  let groupName = value;
  if (identifier !== undefined) {
    const parsed = readGroupIdentifier(account.world, identifier);
    if (parsed === undefined) throw invalidParameter("Invalid logGroupIdentifier.");
    if (parsed.foreign) throw groupNotFound();
    groupName = parsed.name;
  }
  const group = account.registry.group(groupName);
  if (group === undefined) throw groupNotFound();
  return group;
}

/** A limit member within [1, max], or the default. */
export function limitOf(input: JsonObject, max: number, fallback = max): number {
  const limit = optionalInteger(input, "limit");
  if (limit === undefined) return fallback;
  if (limit < 1 || limit > max) {
    throw invalidParameter(constraintMessage("limit", limit, `Member must have value between 1 and ${max}`));
  }
  return limit;
}

/** Epoch-millisecond members (startTime, endTime) must be non-negative integers. */
export function optionalTime(input: JsonObject, member: string): number | undefined {
  const value = optionalInteger(input, member);
  if (value !== undefined && value < 0)
    throw invalidParameter(`${member} must be a non-negative number of milliseconds.`);
  return value;
}

/** Events older than the group's retention are gone. */
export function retentionFloor(group: LogGroup, now: number): number {
  return now - group.retentionInDays * 86_400_000;
}

/** Response size cap of GetLogEvents and FilterLogEvents: 1 MB, counting 26 bytes per event. */
export const MAX_RESPONSE_BYTES = 1_048_576;
export const eventBytes = (message: string): number => Buffer.byteLength(message, "utf8") + 26;
