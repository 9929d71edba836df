// Readers for request members. The SDK validates little on the client, so the simulator checks
// types and answers the way AWS does when a member is wrong.
import { invalidParameter, type JsonObject } from "./protocol.js";

export function optionalString(input: JsonObject, member: string): string | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw invalidParameter(`${member} must be a string.`);
  return value;
}

export function optionalInteger(input: JsonObject, member: string): number | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value))
    throw invalidParameter(`${member} must be an integer.`);
  return value;
}

export function stringList(input: JsonObject, member: string): string[] {
  const value = input[member];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) {
    throw invalidParameter(`${member} must be a list of strings.`);
  }
  return value as string[];
}

export function optionalBoolean(input: JsonObject, member: string): boolean | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "boolean") throw invalidParameter(`${member} must be a boolean.`);
  return value;
}

/** A structure member: a JSON object, or undefined when absent. */
export function optionalObject(input: JsonObject, member: string): JsonObject | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value))
    throw invalidParameter(`${member} must be a structure.`);
  return value as JsonObject;
}
