// Reads every event of some streams of one log group in a time range with FilterLogEvents: at most
// 100 stream names per request, following nextToken to the end (pages may be empty while more
// follows). AWS refuses the whole request when one named stream does not exist yet (a task still
// starting), so a refused batch is split in halves until the missing streams are isolated; those
// are skipped for a while instead of blinding the others.
import type { FilteredLogEvent } from "@aws-sdk/client-cloudwatch-logs";
import { chunk } from "../aws/chunk.js";
import type { AwsFailure } from "../aws/failure.js";
import type { LogsGateway } from "../aws/logs-gateway.js";

export const STREAMS_PER_REQUEST = 100;
const PAGE_LIMIT = 10_000;
const MISSING_RECHECK_MS = 15_000;

/** Streams found missing recently, per group, so requests leave them out until a recheck. */
export class MissingStreams {
  private readonly until = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  mark(group: string, stream: string): void {
    this.until.set(`${group}\u0000${stream}`, this.now() + MISSING_RECHECK_MS);
  }

  present(group: string, streams: readonly string[]): string[] {
    const now = this.now();
    return streams.filter((stream) => (this.until.get(`${group}\u0000${stream}`) ?? 0) <= now);
  }
}

export interface RangeRequest {
  logs: LogsGateway;
  group: string;
  streams: readonly string[];
  startTime: number;
  /** Inclusive; open-ended when absent (polling). */
  endTime?: number;
  /** Stop after this many pages per batch of streams (a poll cycle picks up from the newest event). */
  maxPages?: number;
}

export interface RangeHooks {
  signal: AbortSignal;
  missing: MissingStreams;
  /** Called before every request; false stops (aborted). The polling budget plugs in here. */
  pace?: () => Promise<boolean>;
  onPage: (events: FilteredLogEvent[]) => void;
}

export interface RangeOutcome {
  requests: number;
  /** Stopped at maxPages with more to read. */
  more?: boolean;
  failure?: AwsFailure;
}

export async function filterRange(request: RangeRequest, hooks: RangeHooks): Promise<RangeOutcome> {
  const outcome: RangeOutcome = { requests: 0 };
  const streams = hooks.missing.present(request.group, request.streams);
  for (const batch of chunk(streams, STREAMS_PER_REQUEST)) {
    const failure = await readBatch(request, batch, hooks, outcome);
    if (failure) return { ...outcome, failure };
    if (hooks.signal.aborted) break;
  }
  return outcome;
}

async function readBatch(
  request: RangeRequest,
  streams: string[],
  hooks: RangeHooks,
  outcome: RangeOutcome,
): Promise<AwsFailure | undefined> {
  let nextToken: string | undefined;
  let first = true;
  let pages = 0;
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
    hooks.onPage(page.value.events);
    nextToken = page.value.nextToken;
    first = false;
    pages += 1;
  } while (nextToken && pages < (request.maxPages ?? Infinity));
  if (nextToken) outcome.more = true;
  return undefined;
}

async function splitMissing(
  request: RangeRequest,
  streams: string[],
  hooks: RangeHooks,
  outcome: RangeOutcome,
): Promise<AwsFailure | undefined> {
  if (streams.length === 1) {
    hooks.missing.mark(request.group, streams[0]!);
    return undefined;
  }
  const half = Math.ceil(streams.length / 2);
  return (
    (await readBatch(request, streams.slice(0, half), hooks, outcome)) ??
    (await readBatch(request, streams.slice(half), hooks, outcome))
  );
}
