// Readers for request members. The SDK validates little on the client, so the simulator checks
// types and answers the way AWS does when a member is wrong. Each service answers with its own
// error (ECS, Logs and ECR with InvalidParameterException, Application Auto Scaling with
// ValidationException), so the readers are made for an error; the plain exports are ECS's.
import { invalidParameter, type JsonObject, type SimError } from "./protocol.js";

/** The error a service answers a malformed member with. */
export type InvalidInput = (message: string) => SimError;

export interface MemberReaders {
  optionalString: (input: JsonObject, member: string) => string | undefined;
  optionalInteger: (input: JsonObject, member: string) => number | undefined;
  optionalBoolean: (input: JsonObject, member: string) => boolean | undefined;
  /** A structure member: a JSON object, or undefined when absent. */
  optionalObject: (input: JsonObject, member: string) => JsonObject | undefined;
  /** A list of strings, or undefined when absent (an empty list is not absent). */
  optionalStringList: (input: JsonObject, member: string) => string[] | undefined;
  /** A list of strings, empty when absent. */
  stringList: (input: JsonObject, member: string) => string[];
}

/**
 * Readers that answer a malformed member with `invalid`. Members of a nested structure are named
 * by their path in messages: `memberReaders(validation, "SuspendedState")` says
 * "SuspendedState.DynamicScalingInSuspended must be a boolean.".
 */
export function memberReaders(invalid: InvalidInput, structure?: string): MemberReaders {
  const named = (member: string): string => (structure === undefined ? member : `${structure}.${member}`);
  const present = (input: JsonObject, member: string): unknown => input[member] ?? undefined;
  const optionalStringList = (input: JsonObject, member: string): string[] | undefined => {
    const value = present(input, member);
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.some((item) => typeof item !== "string"))
      throw invalid(`${named(member)} must be a list of strings.`);
    return value as string[];
  };
  return {
    optionalString: (input, member) => {
      const value = present(input, member);
      if (value === undefined) return undefined;
      if (typeof value !== "string") throw invalid(`${named(member)} must be a string.`);
      return value;
    },
    optionalInteger: (input, member) => {
      const value = present(input, member);
      if (value === undefined) return undefined;
      if (typeof value !== "number" || !Number.isInteger(value))
        throw invalid(`${named(member)} must be an integer.`);
      return value;
    },
    optionalBoolean: (input, member) => {
      const value = present(input, member);
      if (value === undefined) return undefined;
      if (typeof value !== "boolean") throw invalid(`${named(member)} must be a boolean.`);
      return value;
    },
    optionalObject: (input, member) => {
      const value = present(input, member);
      if (value === undefined) return undefined;
      if (typeof value !== "object" || value === null || Array.isArray(value))
        throw invalid(`${named(member)} must be a structure.`);
      return value as JsonObject;
    },
    optionalStringList,
    stringList: (input, member) => optionalStringList(input, member) ?? [],
  };
}

export const {
  optionalString,
  optionalInteger,
  optionalBoolean,
  optionalObject,
  optionalStringList,
  stringList,
} = memberReaders(invalidParameter);

/**
 * AWS's wording for a member that breaks a constraint of the service's model, e.g. "1 validation
 * error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value between
 * 1 and 50". The member is named with a lower-case first letter, as AWS does; a missing value is null.
 */
export function constraintMessage(member: string, value: unknown, rule: string): string {
  const shown =
    value === undefined || value === null
      ? "null"
      : `'${typeof value === "string" ? value : JSON.stringify(value)}'`;
  const name = member.charAt(0).toLowerCase() + member.slice(1);
  return `1 validation error detected: Value ${shown} at '${name}' failed to satisfy constraint: ${rule}`;
}
