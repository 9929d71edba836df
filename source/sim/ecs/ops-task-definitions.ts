// DescribeTaskDefinition, ListTaskDefinitions and ListTaskDefinitionFamilies. A task definition is
// "family", "family:revision" or the full ARN; without a revision, the latest ACTIVE one. Every
// revision from 1 to the family's latest is ACTIVE (none is deregistered in the simulated account).
import type {
  DescribeTaskDefinitionResponse,
  ListTaskDefinitionFamiliesResponse,
  ListTaskDefinitionsResponse,
} from "@aws-sdk/client-ecs";
import { optionalInteger, optionalString } from "../input.js";
import { encodeToken, indexAfter, pageRequest, paginate } from "../pagination.js";
import { SimError, invalidParameter, type JsonObject } from "../protocol.js";
import { taskDefinitionArn } from "./arns.js";
import type { TaskFamily } from "./model.js";
import { includeSet } from "./ops-common.js";
import { renderTaskDefinition } from "./render-task-definition.js";
import type { World } from "./world.js";

const unableToDescribe = (): SimError =>
  new SimError("ClientException", "Unable to describe task definition.");

/** A task definition parameter, or undefined when there is no such revision. */
export function resolveTaskDefinition(
  world: World,
  value: string,
): { family: TaskFamily; revision: number } | undefined {
  let reference = value;
  if (value.startsWith("arn:")) {
    const parts = value.split(":");
    const resource = parts.slice(5).join(":");
    if (parts[2] !== "ecs" || parts[3] !== world.region || parts[4] !== world.accountId) return undefined;
    if (!resource.startsWith("task-definition/")) return undefined;
    reference = resource.slice("task-definition/".length);
  }
  const [familyName, revisionText, extra] = reference.split(":");
  const family = familyName === undefined ? undefined : world.families.get(familyName);
  if (family === undefined || extra !== undefined) return undefined;
  const revision = revisionText === undefined ? family.latestRevision : Number(revisionText);
  if (!/^\d+$/.test(revisionText ?? "1") || !Number.isInteger(revision)) return undefined;
  if (revision < 1 || revision > family.latestRevision) return undefined;
  return { family, revision };
}

export function describeTaskDefinition(world: World, input: JsonObject): DescribeTaskDefinitionResponse {
  const value = optionalString(input, "taskDefinition");
  if (value === undefined || value === "") throw unableToDescribe();
  const resolved = resolveTaskDefinition(world, value);
  if (resolved === undefined) throw unableToDescribe();
  const out: DescribeTaskDefinitionResponse = {
    taskDefinition: renderTaskDefinition(world, resolved.family, resolved.revision),
  };
  if (includeSet(input).has("TAGS")) out.tags = [{ key: "environment", value: resolved.family.environment }];
  return out;
}

const sortedFamilies = new WeakMap<World, { size: number; names: string[] }>();

/** Family names in lexicographic order (families are only added, so the size says when to re-sort). */
function familyNames(world: World): string[] {
  const cached = sortedFamilies.get(world);
  if (cached !== undefined && cached.size === world.families.size) return cached.names;
  const names = [...world.families.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  sortedFamilies.set(world, { size: world.families.size, names });
  return names;
}

/** Room for revisions in a page key: family position * SPAN + revision. */
const SPAN = 2 ** 21;

export function listTaskDefinitions(world: World, input: JsonObject): ListTaskDefinitionsResponse {
  const familyPrefix = optionalString(input, "familyPrefix");
  const status = optionalString(input, "status") ?? "ACTIVE";
  if (!["ACTIVE", "INACTIVE", "DELETE_IN_PROGRESS"].includes(status))
    throw invalidParameter(`Invalid status: ${status}`);
  const sort = optionalString(input, "sort") ?? "ASC";
  if (sort !== "ASC" && sort !== "DESC") throw invalidParameter(`Invalid sort: ${sort}`);
  const scope = `ListTaskDefinitions|${familyPrefix ?? ""}|${status}|${sort}`;
  const page = pageRequest(optionalInteger(input, "maxResults"), optionalString(input, "nextToken"), scope, {
    defaultSize: 100,
    max: 100,
  });
  // familyPrefix is the full family name, despite its name (as the API reference says).
  let names: readonly string[];
  if (status !== "ACTIVE") names = [];
  else if (familyPrefix !== undefined) names = world.families.has(familyPrefix) ? [familyPrefix] : [];
  else names = familyNames(world);
  const descending = sort === "DESC";
  const arns: string[] = [];
  let lastKey = -1;
  for (let position = 0; position < names.length; position++) {
    const base = position * SPAN;
    if (base + SPAN <= page.after + 1) continue;
    const family = world.families.get(names[descending ? names.length - 1 - position : position] ?? "");
    if (family === undefined) continue;
    const latest = family.latestRevision;
    for (let step = 0; step < latest; step++) {
      const revision = descending ? latest - step : step + 1;
      const key = base + (descending ? SPAN - revision : revision);
      if (key <= page.after) continue;
      if (arns.length === page.maxResults) {
        return { taskDefinitionArns: arns, nextToken: encodeToken(scope, lastKey) };
      }
      arns.push(taskDefinitionArn(world, family.name, revision));
      lastKey = key;
    }
  }
  return { taskDefinitionArns: arns, nextToken: undefined };
}

export function listTaskDefinitionFamilies(
  world: World,
  input: JsonObject,
): ListTaskDefinitionFamiliesResponse {
  const familyPrefix = optionalString(input, "familyPrefix") ?? "";
  const status = optionalString(input, "status") ?? "ACTIVE";
  if (!["ACTIVE", "INACTIVE", "ALL"].includes(status)) throw invalidParameter(`Invalid status: ${status}`);
  const scope = `ListTaskDefinitionFamilies|${familyPrefix}|${status}`;
  const page = pageRequest(optionalInteger(input, "maxResults"), optionalString(input, "nextToken"), scope, {
    defaultSize: 100,
    max: 100,
  });
  const names = status === "INACTIVE" ? [] : familyNames(world);
  // Names are sorted, so the prefix's families are one run from where the prefix would sort.
  const start = indexAfter(names, (name) => (name < familyPrefix ? -1 : 0), -1);
  let end = start;
  while (end < names.length && (names[end] ?? "").startsWith(familyPrefix)) end++;
  const positions = Array.from({ length: end - start }, (_, offset) => start + offset);
  const result = paginate(
    positions,
    (position) => position,
    () => true,
    page,
    scope,
  );
  return { families: result.items.map((position) => names[position] ?? ""), nextToken: result.nextToken };
}
