// CloudWatch Logs ARNs: a log group's clean ARN (`logGroupArn`), the legacy one ending in ":*"
// (`arn`), a stream's ARN, and reading a "name or ARN" identifier the way the service does.
import type { AccountScope } from "../ecs/arns.js";

export const logGroupArn = (scope: AccountScope, group: string): string =>
  `arn:aws:logs:${scope.region}:${scope.accountId}:log-group:${group}`;

export const logStreamArn = (scope: AccountScope, group: string, stream: string): string =>
  `${logGroupArn(scope, group)}:log-stream:${stream}`;

export interface GroupIdentifier {
  name: string;
  /** Whether the value was an ARN (StartLiveTail only takes ARNs). */
  arn: boolean;
  /** Whether the ARN ended in ":*", which StartLiveTail rejects. */
  wildcard: boolean;
  /** Another account or region: never found here. */
  foreign: boolean;
}

/** Reads a logGroupIdentifier: a name, or an ARN with or without the trailing ":*". */
export function readGroupIdentifier(scope: AccountScope, value: string): GroupIdentifier | undefined {
  if (!value.startsWith("arn:")) return { name: value, arn: false, wildcard: false, foreign: false };
  const parts = value.split(":");
  if (parts.length < 7 || parts[2] !== "logs" || parts[5] !== "log-group") return undefined;
  let rest = parts.slice(6);
  const wildcard = rest[rest.length - 1] === "*";
  if (wildcard) rest = rest.slice(0, -1);
  const name = rest.join(":");
  if (name === "") return undefined;
  const foreign = parts[3] !== scope.region || parts[4] !== scope.accountId;
  return { name, arn: true, wildcard, foreign };
}
