// The StartLiveTail request for a set of followed log groups, or why Live Tail cannot serve them.
// Live Tail takes 1–10 groups (by ARN) in one region; stream names or prefixes (≤100) only with a
// single group (docs/aws.md, "Live Tail"). Other shapes follow whole groups, and the follower drops
// streams that are not its own.
import type { LogsGateway } from "../../aws/logs-gateway.js";
import type { GroupTarget } from "./follow-targets.js";
import type { LivePlan } from "./live-tail.js";

export const LIVE_TAIL_MAX_GROUPS = 10;
export const LIVE_TAIL_MAX_STREAMS = 100;

export function livePlan(
  targets: readonly GroupTarget[],
  logsFor: (target: GroupTarget) => LogsGateway,
): LivePlan | { unavailable: string } {
  const first = targets[0];
  if (!first) return { unavailable: "no log group to follow" };
  if (new Set(targets.map((t) => t.region)).size > 1) return { unavailable: "log groups in several regions" };
  if (targets.length > LIVE_TAIL_MAX_GROUPS) {
    return { unavailable: `${targets.length} log groups (Live Tail follows ${LIVE_TAIL_MAX_GROUPS})` };
  }
  const arns = targets.map((t) => t.groupArn);
  if (arns.some((arn) => arn === undefined))
    return { unavailable: "no log group ARN (task ARN not understood)" };
  const logs = logsFor(first);
  const logGroupIdentifiers = arns as string[];
  if (targets.length > 1) return { logs, request: { logGroupIdentifiers } };
  if (first.streams.length <= LIVE_TAIL_MAX_STREAMS) {
    return { logs, request: { logGroupIdentifiers, logStreamNames: [...first.streams] } };
  }
  // Many tasks: one prefix per container ("prefix/container/") covers them all.
  const prefixes = [...new Set(first.streams.map((stream) => stream.slice(0, stream.lastIndexOf("/") + 1)))];
  if (prefixes.length <= LIVE_TAIL_MAX_STREAMS && prefixes.every((prefix) => prefix.length > 0)) {
    return { logs, request: { logGroupIdentifiers, logStreamNamePrefixes: prefixes } };
  }
  return { logs, request: { logGroupIdentifiers } };
}
