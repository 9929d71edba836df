// DescribeLogGroups: the account's groups by name, filtered by prefix or by a case-insensitive
// pattern (not both), at most 50 a page.
import type { LogGroup as ApiLogGroup, DescribeLogGroupsResponse } from "@aws-sdk/client-cloudwatch-logs";
import { optionalString } from "../input.js";
import { invalidParameter, type JsonObject } from "../protocol.js";
import { limitOf, type LogsAccount } from "./ops-common.js";
import { compareNames, type LogGroup } from "./registry.js";
import { decodeOpaqueToken, encodeOpaqueToken } from "../pagination.js";

export function describeLogGroups(account: LogsAccount, input: JsonObject): DescribeLogGroupsResponse {
  const prefix = optionalString(input, "logGroupNamePrefix");
  const pattern = optionalString(input, "logGroupNamePattern");
  if (prefix !== undefined && pattern !== undefined) {
    throw invalidParameter("LogGroupNamePrefix and LogGroupNamePattern are mutually exclusive parameters.");
  }
  const limit = limitOf(input, 50);
  const scope = `groups|${prefix ?? ""}|${pattern ?? ""}`;
  const token = optionalString(input, "nextToken");
  const after = token === undefined ? undefined : decodeOpaqueToken(token, scope);
  if (after !== undefined && typeof after !== "string")
    throw invalidParameter("The specified nextToken is invalid.");
  const lowerPattern = pattern?.toLowerCase();
  const matching = account.registry.groups.filter(
    (group) =>
      (after === undefined || compareNames(group.name, after) > 0) &&
      (prefix === undefined || group.name.startsWith(prefix)) &&
      (lowerPattern === undefined || group.name.toLowerCase().includes(lowerPattern)),
  );
  const page = matching.slice(0, limit);
  const out: DescribeLogGroupsResponse = {
    logGroups: page.map((group) => renderGroup(group, account.registry.taskCount(group))),
  };
  const last = page[page.length - 1];
  if (matching.length > limit && last !== undefined) out.nextToken = encodeOpaqueToken(scope, last.name);
  return out;
}

function renderGroup(group: LogGroup, tasks: number): ApiLogGroup {
  return {
    logGroupName: group.name,
    creationTime: group.creationTime,
    retentionInDays: group.retentionInDays,
    metricFilterCount: 0,
    arn: `${group.arn}:*`,
    storedBytes: tasks * 3_686_400,
    logGroupClass: "STANDARD",
    logGroupArn: group.arn,
  };
}
