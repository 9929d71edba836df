// FilterLogEvents: events of several streams of a group (named, by prefix, or all), interleaved by
// timestamp, matching a filter pattern, oldest first (or newest first when startFromHead is false).
// Like CloudWatch it stops after scanning a bounded number of events, so a page can be partial or
// empty while a nextToken says there is more; pagination ends only when nextToken is absent.
import type { FilterLogEventsResponse, FilteredLogEvent } from "@aws-sdk/client-cloudwatch-logs";
import { optionalBoolean, optionalString, stringList } from "../input.js";
import { invalidParameter, type JsonObject } from "../protocol.js";
import { compileFilterPattern } from "./filter-pattern.js";
import { mergeOrdered, type Tagged } from "./line-merge.js";
import {
  MAX_RESPONSE_BYTES,
  eventBytes,
  limitOf,
  optionalTime,
  requireGroup,
  retentionFloor,
  streamNotFound,
  type LogsAccount,
} from "./ops-common.js";
import type { LogGroup, LogStream } from "./registry.js";
import {
  MAX_IDX,
  compareKeys,
  eventId,
  linesAfter,
  linesBefore,
  viewStream,
  type LineKey,
  type LogLine,
  type StreamView,
} from "./stream-lines.js";
import { ingestionTime } from "./stream-timeline.js";
import { decodeOpaqueToken, encodeOpaqueToken } from "../pagination.js";

/** Events examined per call before answering with what was found and a nextToken. */
export const SCAN_BUDGET = 50_000;
const NEWEST_FIRST_SINCE = Date.UTC(2024, 0, 1);

interface Cursor {
  direction: "f" | "b";
  t: number;
  stream: string;
  idx: number;
}

export function filterLogEvents(account: LogsAccount, input: JsonObject): FilterLogEventsResponse {
  const group = requireGroup(account, input);
  const streams = selectStreams(account, group, input);
  const startTime = optionalTime(input, "startTime");
  const endTime = optionalTime(input, "endTime");
  const pattern = optionalString(input, "filterPattern");
  const matches = compileFilterPattern(pattern);
  const limit = limitOf(input, 10_000);
  const startFromHead = optionalBoolean(input, "startFromHead") ?? true;
  const scope = JSON.stringify([
    "filter",
    group.name,
    input.logStreamNames ?? null,
    input.logStreamNamePrefix ?? null,
    startTime,
    endTime,
    pattern,
  ]);
  const token = optionalString(input, "nextToken");
  const cursor = token === undefined ? undefined : readCursor(decodeOpaqueToken(token, scope));
  const direction = cursor?.direction ?? (startFromHead ? "f" : "b");
  if (
    cursor === undefined &&
    direction === "b" &&
    (startTime === undefined || startTime < NEWEST_FIRST_SINCE)
  ) {
    throw invalidParameter(
      "startFromHead false is supported only with a startTime on or after 2024-01-01T00:00:00Z.",
    );
  }

  const floor = Math.max(startTime ?? 0, retentionFloor(group, account.now));
  const ceiling = endTime === undefined ? Infinity : endTime + 1;
  const views = streams
    .map((stream) => viewStream(stream, account.now))
    .filter((view) => view.times.start < ceiling && view.readableBefore > floor);
  const sources = views.map((view) =>
    direction === "f"
      ? linesAfter(view, startAfter(view, cursor, floor), ceiling)
      : linesBefore(view, startBefore(view, cursor, ceiling), floor),
  );
  const order = direction === "f" ? forwardOrder : backwardOrder;

  const events: FilteredLogEvent[] = [];
  let bytes = 0;
  let scanned = 0;
  let resumeAt: Tagged<LogLine> | undefined;
  const merged = mergeOrdered(sources, order);
  for (let next = merged.next(); !next.done; next = merged.next()) {
    const item = next.value;
    const view = views[item.source] as StreamView;
    if (events.length === limit || scanned === SCAN_BUDGET) {
      resumeAt = item;
      break;
    }
    scanned++;
    if (!matches(item.value.message)) continue;
    bytes += eventBytes(item.value.message);
    if (bytes > MAX_RESPONSE_BYTES && events.length > 0) {
      resumeAt = item;
      break;
    }
    events.push(render(view, item.value));
  }
  const out: FilterLogEventsResponse = { events, searchedLogStreams: [] };
  if (resumeAt !== undefined) {
    // Resume at the first line not yet examined: the token points just before it.
    const view = views[resumeAt.source] as StreamView;
    const line = resumeAt.value;
    const position =
      direction === "f"
        ? { t: line.t, stream: view.stream.name, idx: line.idx - 1 }
        : { t: line.t, stream: view.stream.name, idx: line.idx + 1 };
    out.nextToken = encodeOpaqueToken(scope, { direction, ...position });
  }
  return out;
}

function selectStreams(account: LogsAccount, group: LogGroup, input: JsonObject): LogStream[] {
  const names = stringList(input, "logStreamNames");
  const prefix = optionalString(input, "logStreamNamePrefix");
  if (names.length > 0 && prefix !== undefined) {
    throw invalidParameter("logStreamNames and logStreamNamePrefix are mutually exclusive parameters.");
  }
  if (names.length > 100) throw invalidParameter("logStreamNames must have at most 100 names.");
  const sorted = account.registry.sortedStreams(group);
  if (names.length > 0) {
    const wanted = new Set(names);
    for (const name of wanted) if (!group.streamsByName.has(name)) throw streamNotFound();
    return sorted.filter((stream) => wanted.has(stream.name));
  }
  return prefix === undefined ? sorted : sorted.filter((stream) => stream.name.startsWith(prefix));
}

/** Oldest first: by timestamp, then stream name (sources are in name order), then place in the stream. */
function forwardOrder(a: Tagged<LogLine>, b: Tagged<LogLine>): boolean {
  if (a.value.t !== b.value.t) return a.value.t < b.value.t;
  return a.source !== b.source ? a.source < b.source : a.value.idx < b.value.idx;
}

function backwardOrder(a: Tagged<LogLine>, b: Tagged<LogLine>): boolean {
  return forwardOrder(b, a);
}

/** Where a stream resumes going forward: after the cursor in (timestamp, stream, index) order. */
function startAfter(view: StreamView, cursor: Cursor | undefined, floor: number): LineKey {
  const start: LineKey = { t: floor - 1, idx: MAX_IDX };
  if (cursor === undefined) return start;
  const name = view.stream.name;
  const key: LineKey =
    name < cursor.stream
      ? { t: cursor.t, idx: MAX_IDX }
      : name === cursor.stream
        ? { t: cursor.t, idx: cursor.idx }
        : { t: cursor.t - 1, idx: MAX_IDX };
  return compareKeys(key, start) > 0 ? key : start;
}

function startBefore(view: StreamView, cursor: Cursor | undefined, ceiling: number): LineKey {
  const top: LineKey = { t: ceiling, idx: 0 };
  if (cursor === undefined) return top;
  const name = view.stream.name;
  const key: LineKey =
    name > cursor.stream
      ? { t: cursor.t, idx: 0 }
      : name === cursor.stream
        ? { t: cursor.t, idx: cursor.idx }
        : { t: cursor.t, idx: MAX_IDX + 1 };
  return compareKeys(key, top) < 0 ? key : top;
}

function render(view: StreamView, line: LogLine): FilteredLogEvent {
  return {
    logStreamName: view.stream.name,
    timestamp: line.t,
    message: line.message,
    ingestionTime: ingestionTime(view.stream, view.times, line.t),
    eventId: eventId(view.stream, line),
  };
}

function readCursor(payload: unknown): Cursor {
  if (typeof payload === "object" && payload !== null) {
    const { direction, t, stream, idx } = payload as Record<string, unknown>;
    if (
      (direction === "f" || direction === "b") &&
      typeof t === "number" &&
      typeof stream === "string" &&
      typeof idx === "number"
    ) {
      return { direction, t, stream, idx };
    }
  }
  throw invalidParameter("The specified nextToken is invalid.");
}
