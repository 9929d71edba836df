// DescribeTaskDefinition: "family", "family:revision" or the full ARN; the latest ACTIVE revision
// when no revision is given.
import type { DescribeTaskDefinitionResponse } from "@aws-sdk/client-ecs";
import { optionalString } from "../input.js";
import { SimError, type JsonObject } from "../protocol.js";
import { includeSet } from "./ops-common.js";
import { renderTaskDefinition } from "./render-task-definition.js";
import type { World } from "./world.js";

const unableToDescribe = (): SimError =>
  new SimError("ClientException", "Unable to describe task definition.");

export function describeTaskDefinition(world: World, input: JsonObject): DescribeTaskDefinitionResponse {
  const value = optionalString(input, "taskDefinition");
  if (value === undefined || value === "") throw unableToDescribe();
  let reference = value;
  if (value.startsWith("arn:")) {
    const parts = value.split(":");
    const resource = parts.slice(5).join(":");
    if (parts[2] !== "ecs" || parts[3] !== world.region || parts[4] !== world.accountId)
      throw unableToDescribe();
    if (!resource.startsWith("task-definition/")) throw unableToDescribe();
    reference = resource.slice("task-definition/".length);
  }
  const [familyName, revisionText, extra] = reference.split(":");
  const family = familyName === undefined ? undefined : world.families.get(familyName);
  if (family === undefined || extra !== undefined) throw unableToDescribe();
  const revision = revisionText === undefined ? family.latestRevision : Number(revisionText);
  if (!Number.isInteger(revision) || revision < 1 || revision > family.latestRevision)
    throw unableToDescribe();
  const out: DescribeTaskDefinitionResponse = {
    taskDefinition: renderTaskDefinition(world, family, revision),
  };
  if (includeSet(input).has("TAGS")) out.tags = [{ key: "environment", value: family.environment }];
  return out;
}
