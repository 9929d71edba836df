// ECS ARNs, in the current long format (service/<cluster>/<name>, task/<cluster>/<id>, ...), and
// reading "name or ARN" parameters the way ECS accepts them.

export interface AccountScope {
  readonly region: string;
  readonly accountId: string;
}

const prefix = (scope: AccountScope): string => `arn:aws:ecs:${scope.region}:${scope.accountId}`;

export const clusterArn = (scope: AccountScope, cluster: string): string =>
  `${prefix(scope)}:cluster/${cluster}`;
export const serviceArn = (scope: AccountScope, cluster: string, service: string): string =>
  `${prefix(scope)}:service/${cluster}/${service}`;
export const taskArn = (scope: AccountScope, cluster: string, taskId: string): string =>
  `${prefix(scope)}:task/${cluster}/${taskId}`;
export const containerArn = (
  scope: AccountScope,
  cluster: string,
  taskId: string,
  containerId: string,
): string => `${prefix(scope)}:container/${cluster}/${taskId}/${containerId}`;
export const containerInstanceArn = (scope: AccountScope, cluster: string, id: string): string =>
  `${prefix(scope)}:container-instance/${cluster}/${id}`;
export const taskDefinitionArn = (scope: AccountScope, family: string, revision: number): string =>
  `${prefix(scope)}:task-definition/${family}:${revision}`;
export const serviceDeploymentArn = (
  scope: AccountScope,
  cluster: string,
  service: string,
  id: string,
): string => `${prefix(scope)}:service-deployment/${cluster}/${service}/${id}`;
export const serviceRevisionArn = (
  scope: AccountScope,
  cluster: string,
  service: string,
  id: string,
): string => `${prefix(scope)}:service-revision/${cluster}/${service}/${id}`;
export const iamRoleArn = (scope: AccountScope, path: string): string =>
  `arn:aws:iam::${scope.accountId}:role/${path}`;

export interface ResourceRef {
  /** The cluster named in a long-format ARN, if any. */
  cluster: string | undefined;
  /** The last path element: the name or id. */
  name: string;
  /** Whether the ARN was for another account or region (never found here). */
  foreign: boolean;
}

/**
 * Reads a parameter that may be a name/id or an ARN of the given resource type
 * ("cluster", "service", "task", "container-instance").
 */
export function resourceRef(
  scope: AccountScope,
  value: string,
  resourceType: string,
): ResourceRef | undefined {
  if (!value.startsWith("arn:")) return { cluster: undefined, name: value, foreign: false };
  const parts = value.split(":");
  if (parts.length < 6 || parts[2] !== "ecs") return undefined;
  const foreign = parts[3] !== scope.region || parts[4] !== scope.accountId;
  const path = parts.slice(5).join(":").split("/");
  if (path[0] !== resourceType || path.length < 2) return undefined;
  const name = path[path.length - 1] ?? "";
  const cluster = path.length >= 3 ? path[1] : undefined;
  return { cluster, name, foreign };
}

/**
 * Reads a service deployment or service revision ARN
 * (`arn:aws:ecs:<region>:<account>:service-deployment/<cluster>/<service>/<id>`).
 */
export function serviceChildRef(
  scope: AccountScope,
  value: string,
  resourceType: "service-deployment" | "service-revision",
): { cluster: string; service: string; id: string } | undefined {
  const parts = value.split(":");
  if (parts.length !== 6 || parts[0] !== "arn" || parts[2] !== "ecs") return undefined;
  if (parts[3] !== scope.region || parts[4] !== scope.accountId) return undefined;
  const path = (parts[5] ?? "").split("/");
  const [type, cluster, service, id] = path;
  if (path.length !== 4 || type !== resourceType || !cluster || !service || !id) return undefined;
  return { cluster, service, id };
}
