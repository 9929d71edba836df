// What `c` copies and `o` opens for a row: its ARN, ID or name, and its page in the AWS console.
// Everything comes from ARNs (the row's key, the scope's cluster), which also carry the region
// and partition, so no extra call is needed.
import { resourceName } from "../../core/arn.js";
import { targetIdOfKey } from "../../kinds/target.js";
import { parseImageReference } from "../../aws/image-uri.js";
import type { KindId, Scope } from "../../kinds/types.js";

export interface Reference {
  label: "ARN" | "ID" | "name" | "image" | "digest";
  value: string;
}

/** The ways to refer to a row, most precise first. */
export function referencesOf(kind: KindId, key: string): Reference[] {
  if (kind === "targets") return [{ label: "ID", value: targetIdOfKey(key) }];
  // An image's key is "<registry>/<repository>@<digest>": what `docker pull` takes, and the digest.
  if (kind === "images") {
    const digest = parseImageReference(key).digest;
    return digest
      ? [
          { label: "image", value: key },
          { label: "digest", value: digest },
        ]
      : [{ label: "image", value: key }];
  }
  if (!key.startsWith("arn:")) {
    return [{ label: kind === "containers" || kind === "families" ? "name" : "ID", value: key }];
  }
  const last = resourceName(key);
  const short: Reference =
    kind === "tasks" || kind === "instances" ? { label: "ID", value: last } : { label: "name", value: last };
  return [{ label: "ARN", value: key }, short];
}

const CONSOLE_HOST: Record<string, string> = {
  aws: "console.aws.amazon.com",
  "aws-cn": "console.amazonaws.cn",
  "aws-us-gov": "console.amazonaws-us-gov.com",
};

/** The partition of a region: "aws-cn" for cn-north-1, "aws-us-gov" for us-gov-west-1, else "aws". */
function partitionOf(region: string): string {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  return "aws";
}

/**
 * The row's page in the ECS console, or undefined when the console has none (port forwards).
 * `sessionRegion` places what no ARN in scope does: the families listed from no cluster.
 */
export function consoleUrl(
  kind: KindId,
  key: string,
  scope: Scope,
  sessionRegion?: string,
): string | undefined {
  const arn = kind === "clusters" || kind === "taskdefs" ? key : scope.clusterArn;
  const home =
    !arn && kind === "families" && sessionRegion
      ? `arn:${partitionOf(sessionRegion)}:ecs:${sessionRegion}`
      : arn;
  const [, partition = "", , region = ""] = (home ?? "").split(":");
  const host = CONSOLE_HOST[partition];
  if (!host || !region) return undefined;
  if (kind === "images") return ecrRepositoryUrl(host, key);
  if (kind === "taskdefs" || kind === "families") {
    // Task definitions are not in a cluster: their pages are the region's.
    const [family = "", revision] = (kind === "families" ? key : resourceName(key)).split(":");
    const parts = revision ? [family, revision, "containers"] : [family];
    const path = parts.map((part) => encodeURIComponent(part));
    return `https://${region}.${host}/ecs/v2/task-definitions/${path.join("/")}?region=${region}`;
  }
  if (!arn) return undefined;
  const cluster = kind === "clusters" ? resourceName(key) : (scope.clusterName ?? resourceName(arn));
  const base = `https://${region}.${host}/ecs/v2/clusters/${encodeURIComponent(cluster)}`;
  const service = (name: string | undefined, tab: string) =>
    name === undefined ? undefined : `${base}/services/${encodeURIComponent(name)}/${tab}?region=${region}`;
  const task = (taskArn: string | undefined) =>
    taskArn === undefined
      ? undefined
      : `${base}/tasks/${resourceName(taskArn)}/configuration?region=${region}`;
  switch (kind) {
    case "clusters":
      return `${base}/services?region=${region}`;
    case "services":
      return service(resourceName(key), "health");
    case "tasks":
      return task(key);
    case "containers":
      return task(scope.taskArn);
    case "deployments":
      return service(scope.serviceName, "deployments");
    case "autoscaling":
      return service(scope.serviceName, "configuration");
    case "instances":
      return `${base}/infrastructure?region=${region}`;
    case "targets":
      return service(scope.serviceName, "health");
    case "network":
      return task(scope.taskArn);
    default:
      return undefined;
  }
}

/** An ECR image's repository page, in the registry's own region (the image view shows one image). */
function ecrRepositoryUrl(host: string, image: string): string | undefined {
  const { ecr, repository } = parseImageReference(image);
  if (!ecr) return undefined;
  const path = [ecr.registryId, ...repository.split("/")].map((part) => encodeURIComponent(part)).join("/");
  return `https://${ecr.region}.${host}/ecr/repositories/private/${path}?region=${ecr.region}`;
}
