// DescribeLogStreams: a group's streams by name or by last event time, ascending or descending,
// at most 50 a page; a name prefix only with name order, as CloudWatch requires.
import type { DescribeLogStreamsResponse, LogStream as ApiLogStream } from "@aws-sdk/client-cloudwatch-logs";
import { optionalBoolean, optionalString } from "../input.js";
import { invalidParameter, type JsonObject } from "../protocol.js";
import { limitOf, requireGroup, type LogsAccount } from "./ops-common.js";
import { compareNames, type LogStream } from "./registry.js";
import { newestLine, oldestLine, viewStream } from "./stream-lines.js";
import { ingestionTime } from "./stream-timeline.js";
import { decodeOpaqueToken, encodeOpaqueToken } from "../pagination.js";

/** Where a page ends: the stream's name and, for LastEventTime order, its last event (-1: none). */
interface Cursor {
  name: string;
  lastEvent: number;
}

interface Described extends Cursor {
  api: ApiLogStream;
}

export function describeLogStreams(account: LogsAccount, input: JsonObject): DescribeLogStreamsResponse {
  const group = requireGroup(account, input);
  const prefix = optionalString(input, "logStreamNamePrefix");
  const orderBy = optionalString(input, "orderBy") ?? "LogStreamName";
  if (orderBy !== "LogStreamName" && orderBy !== "LastEventTime") {
    throw invalidParameter("orderBy must be LogStreamName or LastEventTime.");
  }
  if (orderBy === "LastEventTime" && prefix !== undefined) {
    throw invalidParameter("Cannot order by LastEventTime with a logStreamNamePrefix.");
  }
  const descending = optionalBoolean(input, "descending") ?? false;
  const limit = limitOf(input, 50);
  const scope = `streams|${group.name}|${prefix ?? ""}|${orderBy}|${descending}`;
  const token = optionalString(input, "nextToken");
  const after = token === undefined ? undefined : readCursor(decodeOpaqueToken(token, scope));

  let candidates = account.registry.sortedStreams(group);
  if (prefix !== undefined) candidates = candidates.filter((stream) => stream.name.startsWith(prefix));
  const sign = descending ? -1 : 1;
  let page: Described[];
  let more: boolean;
  if (orderBy === "LogStreamName") {
    let ordered = descending ? [...candidates].reverse() : candidates;
    if (after !== undefined)
      ordered = ordered.filter((stream) => sign * compareNames(stream.name, after.name) > 0);
    page = ordered.slice(0, limit).map((stream) => describe(stream, account.now));
    more = ordered.length > limit;
  } else {
    const byLastEvent = (a: Cursor, b: Cursor): number =>
      sign * (a.lastEvent - b.lastEvent || compareNames(a.name, b.name));
    const described = candidates.map((stream) => describe(stream, account.now)).sort(byLastEvent);
    const ordered =
      after === undefined ? described : described.filter((entry) => byLastEvent(entry, after) > 0);
    page = ordered.slice(0, limit);
    more = ordered.length > limit;
  }
  const out: DescribeLogStreamsResponse = { logStreams: page.map((entry) => entry.api) };
  const last = page[page.length - 1];
  if (more && last !== undefined) {
    out.nextToken = encodeOpaqueToken(scope, { name: last.name, lastEvent: last.lastEvent });
  }
  return out;
}

function describe(stream: LogStream, now: number): Described {
  const view = viewStream(stream, now);
  const api: ApiLogStream = {
    logStreamName: stream.name,
    creationTime: view.times.start,
    arn: stream.arn,
    storedBytes: 0,
  };
  const oldest = oldestLine(view);
  const newest = newestLine(view);
  if (oldest !== undefined) api.firstEventTimestamp = oldest.t;
  if (newest !== undefined) {
    api.lastEventTimestamp = newest.t;
    api.lastIngestionTime = ingestionTime(stream, view.times, newest.t);
    api.uploadSequenceToken = `4963${String(newest.t).padStart(16, "0")}${stream.idDigits.slice(0, 12)}`;
  }
  return { name: stream.name, api, lastEvent: newest?.t ?? -1 };
}

function readCursor(payload: unknown): Cursor {
  if (typeof payload === "object" && payload !== null) {
    const { name, lastEvent } = payload as { name?: unknown; lastEvent?: unknown };
    if (typeof name === "string" && typeof lastEvent === "number") return { name, lastEvent };
  }
  throw invalidParameter("The specified nextToken is invalid.");
}
