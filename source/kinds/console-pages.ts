// The AWS console pages `o` opens, built from ARNs alone: an ARN carries the partition (which
// console) and the region, so no call is needed. Each kind picks its page from these.
import { parseImageReference } from "../aws/image-uri.js";
import type { Scope } from "./types.js";
import { resourceName } from "../core/arn.js";

const CONSOLE_HOST: Record<string, string> = {
  aws: "console.aws.amazon.com",
  "aws-cn": "console.amazonaws.cn",
  "aws-us-gov": "console.amazonaws-us-gov.com",
};

interface Console {
  /** "https://eu-west-1.console.aws.amazon.com" */
  origin: string;
  host: string;
  region: string;
}

/** The console of the partition and region an ARN is in. */
function consoleOf(arn: string | undefined): Console | undefined {
  const [, partition = "", , region = ""] = (arn ?? "").split(":");
  const host = CONSOLE_HOST[partition];
  if (!host || !region) return undefined;
  return { origin: `https://${region}.${host}`, host, region };
}

/** The partition of a region: "aws-cn" for cn-north-1, "aws-us-gov" for us-gov-west-1, else "aws". */
function partitionOf(region: string): string {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  return "aws";
}

/** An ARN-like prefix that places the session's region, for what no ARN in scope places. */
export function regionHome(region: string | undefined): string | undefined {
  return region ? `arn:${partitionOf(region)}:ecs:${region}` : undefined;
}

const encodePath = (parts: readonly string[]) => parts.map((part) => encodeURIComponent(part)).join("/");

/** A page of a cluster: `path` under it, e.g. "services" or "infrastructure". */
export function clusterPage(clusterArn: string | undefined, path: string, clusterName?: string) {
  const at = consoleOf(clusterArn);
  if (!at || !clusterArn) return undefined;
  const cluster = encodeURIComponent(clusterName ?? resourceName(clusterArn));
  return `${at.origin}/ecs/v2/clusters/${cluster}/${path}?region=${at.region}`;
}

/** A page of the cluster in scope. */
export const scopePage = (scope: Scope, path: string) =>
  clusterPage(scope.clusterArn, path, scope.clusterName);

/** A tab of a service's page ("health", "deployments", "configuration"). */
export const servicePage = (scope: Scope, service: string | undefined, tab: string) =>
  service === undefined ? undefined : scopePage(scope, `services/${encodeURIComponent(service)}/${tab}`);

export const taskPage = (scope: Scope, taskArn: string | undefined) =>
  taskArn === undefined ? undefined : scopePage(scope, `tasks/${resourceName(taskArn)}/configuration`);

/**
 * A task definition family's page, or one revision's ("web:12"): they belong to the region, not
 * to a cluster, so `home` is any ARN in the region.
 */
export function taskDefinitionPage(home: string | undefined, familyOrRevision: string) {
  const at = consoleOf(home);
  if (!at) return undefined;
  const [family = "", revision] = familyOrRevision.split(":");
  const path = encodePath(revision ? [family, revision, "containers"] : [family]);
  return `${at.origin}/ecs/v2/task-definitions/${path}?region=${at.region}`;
}

/**
 * An ECR image's repository page, in the registry's own region; `home` (an ARN of the session)
 * says which partition's console. Undefined for images outside ECR.
 */
export function ecrRepositoryPage(home: string | undefined, image: string) {
  const at = consoleOf(home);
  const { ecr, repository } = parseImageReference(image);
  if (!at || !ecr) return undefined;
  const path = encodePath([ecr.registryId, ...repository.split("/")]);
  return `https://${ecr.region}.${at.host}/ecr/repositories/private/${path}?region=${ecr.region}`;
}
