// What the Application Auto Scaling operations share: its ValidationException and the member
// readers that answer with it, MaxResults/NextToken paging, and the namespace and dimension filter
// (only ECS services' desired counts exist here).
import { constraintMessage, memberReaders } from "../input.js";
import { pageRequest, paginate, type PageLimits } from "../pagination.js";
import { SimError, type JsonObject } from "../protocol.js";
import { ECS_DIMENSION, ECS_NAMESPACE } from "./registry.js";

export const validation = (message: string): SimError => new SimError("ValidationException", message);

export const read = memberReaders(validation);

/** A member the model requires, in AWS's words when it is missing. */
export function requiredString(input: JsonObject, member: string): string {
  const value = read.optionalString(input, member);
  if (value === undefined) throw validation(constraintMessage(member, undefined, "Member must not be null"));
  return value;
}

/** A capacity member: an integer, at least 0. */
export function optionalCapacity(input: JsonObject, member: string): number | undefined {
  const value = read.optionalInteger(input, member);
  if (value !== undefined && value < 0)
    throw validation(constraintMessage(member, value, "Member must have value greater than or equal to 0"));
  return value;
}

const PAGE_ERRORS: Pick<PageLimits, "badSize" | "badToken"> = {
  badSize: (size, max) =>
    validation(
      constraintMessage(
        "MaxResults",
        size,
        size < 1
          ? "Member must have value greater than or equal to 1"
          : `Member must have value less than or equal to ${max}`,
      ),
    ),
  badToken: () => new SimError("InvalidNextTokenException", "Invalid NextToken"),
};

/** One MaxResults/NextToken page of items in increasing `seq` order. */
export function page<T extends { seq: number }>(
  items: readonly T[],
  input: JsonObject,
  scope: string,
  limits: { defaultSize: number; max: number },
): { items: T[]; nextToken: string | undefined } {
  const request = pageRequest(
    read.optionalInteger(input, "MaxResults"),
    read.optionalString(input, "NextToken"),
    scope,
    { ...limits, ...PAGE_ERRORS },
  );
  return paginate(
    items,
    (item) => item.seq,
    () => true,
    request,
    scope,
  );
}

/** ServiceNamespace (required) and the optional ScalableDimension; false when they cannot match ECS. */
export function matchesEcs(input: JsonObject): boolean {
  const namespace = requiredString(input, "ServiceNamespace");
  const dimension = read.optionalString(input, "ScalableDimension");
  return namespace === ECS_NAMESPACE && (dimension === undefined || dimension === ECS_DIMENSION);
}
