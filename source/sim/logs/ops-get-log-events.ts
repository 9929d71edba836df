// GetLogEvents: one stream's events in a time window, newest page first unless startFromHead.
// Tokens are never absent; following a stream means passing nextForwardToken with startFromHead
// true until the token comes back unchanged (the end, for now). Pages hold at most `limit` events
// or 1 MB.
import type { GetLogEventsResponse, OutputLogEvent } from "@aws-sdk/client-cloudwatch-logs";
import { optionalBoolean, optionalString } from "../input.js";
import { invalidParameter, type JsonObject } from "../protocol.js";
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
import {
  MAX_IDX,
  linesAfter,
  linesBefore,
  viewStream,
  type LineKey,
  type LogLine,
  type StreamView,
} from "./stream-lines.js";
import { ingestionTime } from "./stream-timeline.js";
import { decodeStreamToken, encodeStreamToken } from "./tokens.js";

export function getLogEvents(account: LogsAccount, input: JsonObject): GetLogEventsResponse {
  const group = requireGroup(account, input);
  const streamName = optionalString(input, "logStreamName");
  if (streamName === undefined || streamName === "") throw invalidParameter("logStreamName is required.");
  const stream = group.streamsByName.get(streamName);
  if (stream === undefined) throw streamNotFound();
  const startTime = optionalTime(input, "startTime");
  const endTime = optionalTime(input, "endTime");
  const limit = limitOf(input, 10_000);
  const startFromHead = optionalBoolean(input, "startFromHead") ?? false;
  const token = optionalString(input, "nextToken");

  const view = viewStream(stream, account.now);
  const floor = Math.max(startTime ?? 0, retentionFloor(group, account.now), view.times.start);
  const ceiling = endTime ?? Infinity;
  const key = `${group.name}\u0000${stream.name}`;
  const encode = (direction: "f" | "b", position: LineKey): string =>
    encodeStreamToken(direction, key, position);

  if (token !== undefined) {
    const { direction, position } = decodeStreamToken(token, key);
    if (direction === "f") {
      if (!startFromHead) {
        throw invalidParameter("startFromHead must be true when nextToken is a nextForwardToken.");
      }
      const lines = take(linesAfter(view, position, ceiling), floor, limit);
      const first = lines[0];
      const last = lines[lines.length - 1];
      return respond(view, lines, {
        forward: last === undefined ? token : encode("f", last),
        backward: encode("b", first ?? { t: position.t, idx: Math.min(MAX_IDX, position.idx + 1) }),
      });
    }
    const lines = take(linesBefore(view, position, floor), floor, limit, ceiling).reverse();
    const first = lines[0];
    const last = lines[lines.length - 1];
    return respond(view, lines, {
      forward: encode("f", last ?? justBefore(position)),
      backward: first === undefined ? token : encode("b", first),
    });
  }
  if (startFromHead) {
    const before = { t: floor - 1, idx: MAX_IDX };
    const lines = take(linesAfter(view, before, ceiling), floor, limit);
    return respond(view, lines, {
      forward: encode("f", lines[lines.length - 1] ?? before),
      backward: encode("b", lines[0] ?? { t: floor, idx: 0 }),
    });
  }
  const top = { t: Math.min(ceiling, view.readableBefore), idx: 0 };
  const lines = take(linesBefore(view, top, floor), floor, limit, ceiling).reverse();
  return respond(view, lines, {
    forward: encode("f", lines[lines.length - 1] ?? { t: floor - 1, idx: MAX_IDX }),
    backward: encode("b", lines[0] ?? top),
  });
}

/** Up to `limit` lines (and 1 MB) inside [floor, ceiling). */
function take(lines: Iterable<LogLine>, floor: number, limit: number, ceiling = Infinity): LogLine[] {
  const out: LogLine[] = [];
  let bytes = 0;
  for (const line of lines) {
    if (line.t < floor || line.t >= ceiling) continue;
    bytes += eventBytes(line.message);
    if (out.length === limit || (bytes > MAX_RESPONSE_BYTES && out.length > 0)) break;
    out.push(line);
  }
  return out;
}

function justBefore(position: LineKey): LineKey {
  return position.idx > 0 ? { t: position.t, idx: position.idx - 1 } : { t: position.t - 1, idx: MAX_IDX };
}

function respond(
  view: StreamView,
  lines: LogLine[],
  tokens: { forward: string; backward: string },
): GetLogEventsResponse {
  const events: OutputLogEvent[] = lines.map((line) => ({
    timestamp: line.t,
    message: line.message,
    ingestionTime: ingestionTime(view.stream, view.times, line.t),
  }));
  return { events, nextForwardToken: tokens.forward, nextBackwardToken: tokens.backward };
}
