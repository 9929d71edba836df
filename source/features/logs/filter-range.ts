// Reads every event of some streams of one log group in a time range with FilterLogEvents: at most
// 100 stream names per request, following nextToken to the end (pages may be empty while more
// follows). AWS refuses the whole request when one named stream does not exist yet (a task still
// starting), so a refused batch is split in halves until the missing streams are isolated; those
// are skipped for a while instead of blinding the others, and remembered with the time they were
// first wanted so that whoever follows them can read them from there once they exist. See
// docs/aws.md, "FilterLogEvents".
import type { FilteredLogEvent } from "@aws-sdk/client-cloudwatch-logs";
import { chunk } from "../../aws/chunk.js";
import type { AwsFailure } from "../../aws/failure.js";
import type { LogsGateway } from "../../aws/logs-gateway.js";

export const STREAMS_PER_REQUEST = 100;
const PAGE_LIMIT = 10_000;
const MISSING_RECHECK_MS = 15_000;
/** Streams that never appear (a task that failed to start) should not grow the registry without end. */
const MAX_MISSING = 1_000;

interface MissingEntry {
  /** Left out of requests until then. */
  until: number;
  /** The earliest start time of a request that wanted the stream. */
  since: number;
}

/** Streams found missing, per group: left out of requests until a recheck, then due for one. */
export class MissingStreams {
  private readonly entries = new Map<string, MissingEntry>();

  constructor(private readonly now: () => number) {}

  /** Found missing by a request starting at `wantedFrom`; the earliest such time is kept. */
  mark(group: string, stream: string, wantedFrom: number): void {
    const key = missingKey(group, stream);
    const since = Math.min(wantedFrom, this.entries.get(key)?.since ?? Infinity);
    this.entries.delete(key);
    this.entries.set(key, { until: this.now() + MISSING_RECHECK_MS, since });
    if (this.entries.size > MAX_MISSING) this.entries.delete(this.entries.keys().next().value!);
  }

  /** The streams requests may name now. */
  present(group: string, streams: readonly string[]): string[] {
    const now = this.now();
    return streams.filter((stream) => (this.entries.get(missingKey(group, stream))?.until ?? 0) <= now);
  }

  /** Streams found missing before and due for a recheck, with the time they were first wanted. */
  due(group: string, streams: readonly string[]): { stream: string; since: number }[] {
    const now = this.now();
    return streams.flatMap((stream) => {
      const entry = this.entries.get(missingKey(group, stream));
      return entry && entry.until <= now ? [{ stream, since: entry.since }] : [];
    });
  }

  /** The stream exists and its beginning has been read: no more rechecks. */
  forget(group: string, stream: string): void {
    this.entries.delete(missingKey(group, stream));
  }
}

const missingKey = (group: string, stream: string) => `${group}\u0000${stream}`;

export interface RangeRequest {
  logs: LogsGateway;
  group: string;
  streams: readonly string[];
  startTime: number;
  /** Inclusive; open-ended when absent (polling). */
  endTime?: number;
}

export interface RangeHooks {
  signal: AbortSignal;
  missing: MissingStreams;
  /** Called before every request; false stops (aborted). The polling budget plugs in here. */
  pace?: () => Promise<boolean>;
  /** Every page, with whether more pages follow for its streams; returning false stops the read. */
  onPage: (events: FilteredLogEvent[], more: boolean) => boolean | void;
}

export interface RangeOutcome {
  requests: number;
  /** Streams found missing by this read (now left out for a while). */
  missing: string[];
  /** onPage stopped the read with events left: those from this time on may be unread. */
  unreadFrom?: number;
  failure?: AwsFailure;
}

type BatchEnd = AwsFailure | "stopped" | undefined;

export async function filterRange(request: RangeRequest, hooks: RangeHooks): Promise<RangeOutcome> {
  const outcome: RangeOutcome = { requests: 0, missing: [] };
  const batches = chunk(hooks.missing.present(request.group, request.streams), STREAMS_PER_REQUEST);
  for (const [index, batch] of batches.entries()) {
    const end = await readBatch(request, batch, hooks, outcome);
    if (end === "stopped") {
      // Later batches were not read at all.
      if (index < batches.length - 1) outcome.unreadFrom = request.startTime;
      break;
    }
    if (end) return { ...outcome, failure: end };
    if (hooks.signal.aborted) break;
  }
  return outcome;
}

async function readBatch(
  request: RangeRequest,
  streams: string[],
  hooks: RangeHooks,
  outcome: RangeOutcome,
): Promise<BatchEnd> {
  let nextToken: string | undefined;
  let first = true;
  let position = request.startTime;
  do {
    if (hooks.pace && !(await hooks.pace())) return undefined;
    if (hooks.signal.aborted) return undefined;
    outcome.requests += 1;
    const page = await request.logs.filterLogEvents(
      {
        logGroupName: request.group,
        logStreamNames: streams,
        startTime: request.startTime,
        endTime: request.endTime,
        nextToken,
        limit: PAGE_LIMIT,
      },
      hooks.signal,
    );
    if (!page.ok) {
      if (hooks.signal.aborted) return undefined;
      if (first && page.failure.kind === "not-found" && /stream/i.test(page.failure.message)) {
        return splitMissing(request, streams, hooks, outcome);
      }
      return page.failure;
    }
    const { events } = page.value;
    nextToken = page.value.nextToken;
    first = false;
    // Pages come in timestamp order; the last event's millisecond may continue on the next page.
    position = events[events.length - 1]?.timestamp ?? position;
    if (hooks.onPage(events, nextToken !== undefined) === false) {
      if (nextToken) outcome.unreadFrom = position;
      return "stopped";
    }
  } while (nextToken);
  return undefined;
}

async function splitMissing(
  request: RangeRequest,
  streams: string[],
  hooks: RangeHooks,
  outcome: RangeOutcome,
): Promise<BatchEnd> {
  if (streams.length === 1) {
    hooks.missing.mark(request.group, streams[0]!, request.startTime);
    outcome.missing.push(streams[0]!);
    return undefined;
  }
  const half = Math.ceil(streams.length / 2);
  const end = await readBatch(request, streams.slice(0, half), hooks, outcome);
  if (end === "stopped") outcome.unreadFrom = request.startTime;
  return end ?? readBatch(request, streams.slice(half), hooks, outcome);
}
