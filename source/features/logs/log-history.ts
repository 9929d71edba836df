// Loads history backwards from a point in time: "the last N lines or the last T minutes, whichever
// is larger", bounded by what the buffer can hold. FilterLogEvents pages oldest first (newest-first
// paging, startFromHead=false, is recent and moto 5.2.1 lacks it), so reading a long busy window to
// keep its tail would cost hundreds of requests. Instead the range is read in slices walking back
// from the end: a short probe, then slices sized from the line rate seen so far to reach the goal
// in few requests.
import type { FilteredLogEvent } from "@aws-sdk/client-cloudwatch-logs";
import type { AwsFailure } from "../../aws/failure.js";
import type { LogsGateway } from "../../aws/logs-gateway.js";
import { filterRange, type MissingStreams } from "./filter-range.js";
import type { GroupTarget } from "./follow-targets.js";

export interface HistoryRequest {
  targets: readonly GroupTarget[];
  /** Inclusive: events at exactly this time are read (the buffer drops ids it already has). */
  endTime: number;
  /** Goal: at least this many lines… */
  minLines: number;
  /** …and at least this far back (whichever is larger). */
  minSpanMs: number;
  /** Never more than this many lines (the buffer's free room). */
  maxLines: number;
  /** Events that do not count (already buffered). */
  skip?: (event: FilteredLogEvent) => boolean;
}

export interface HistoryDeps {
  logsFor: (target: GroupTarget) => LogsGateway;
  missing: MissingStreams;
  signal: AbortSignal;
  /** Paces each request (the polling budget, for loads that recur as a service churns). */
  pace?: (target: GroupTarget) => Promise<boolean>;
}

export interface HistoryResult {
  events: { target: GroupTarget; event: FilteredLogEvent }[];
  requests: number;
  failure?: AwsFailure;
}

const PROBE_MS = 10_000;
const MAX_SLICE_MS = 24 * 3_600_000;
const MAX_GROWTH = 8;

export async function loadHistory(request: HistoryRequest, deps: HistoryDeps): Promise<HistoryResult> {
  const result: HistoryResult = { events: [], requests: 0 };
  const notBefore = Math.min(...request.targets.map((t) => t.notBefore));
  if (request.targets.length === 0 || request.maxLines <= 0 || request.endTime < notBefore) return result;
  let end = request.endTime;
  let span = Math.min(PROBE_MS, Math.max(request.minSpanMs, 1_000));
  const slices: HistoryResult["events"][] = [];
  let count = 0;
  for (;;) {
    const start = Math.max(end - span + 1, notBefore);
    const slice = await readSlice(request, start, end, deps, result);
    if (result.failure || deps.signal.aborted) break;
    slices.push(slice);
    count += slice.length;
    const covered = request.endTime - start;
    if (count >= request.maxLines || start <= notBefore) break;
    if (count >= request.minLines && covered >= request.minSpanMs) break;
    end = start - 1;
    span = nextSpan(span, count, covered, request);
  }
  // Slices were read newest first. The last one usually overshoots the goal: keep what was asked.
  for (let i = slices.length - 1; i >= 0; i--) result.events.push(...slices[i]!);
  result.events.sort((a, b) => (a.event.timestamp ?? 0) - (b.event.timestamp ?? 0));
  const windowStart = request.endTime - request.minSpanMs;
  const firstInWindow = result.events.findIndex((e) => (e.event.timestamp ?? 0) >= windowStart);
  const inWindow = firstInWindow < 0 ? 0 : result.events.length - firstInWindow;
  const wanted = Math.min(request.maxLines, Math.max(request.minLines, inWindow));
  if (result.events.length > wanted) result.events.splice(0, result.events.length - wanted);
  return result;
}

/** Sizes the next slice from the density so far: enough to reach the goal, not much more. */
function nextSpan(span: number, count: number, covered: number, request: HistoryRequest): number {
  const density = count / covered; // lines per ms
  if (density === 0) return Math.min(span * MAX_GROWTH, MAX_SLICE_MS);
  const forLines = (request.minLines - count) / density;
  const forSpan = request.minSpanMs - covered;
  const room = ((request.maxLines - count) / density) * 1.1;
  const wanted = Math.min(Math.max(forLines, forSpan, 1_000), room, span * MAX_GROWTH, MAX_SLICE_MS);
  return Math.max(1_000, Math.ceil(wanted));
}

async function readSlice(
  request: HistoryRequest,
  startTime: number,
  endTime: number,
  deps: HistoryDeps,
  result: HistoryResult,
): Promise<HistoryResult["events"]> {
  const slice: HistoryResult["events"] = [];
  const outcomes = await Promise.all(
    request.targets
      .filter((target) => target.notBefore <= endTime)
      .map((target) =>
        filterRange(
          { logs: deps.logsFor(target), group: target.group, streams: target.streams, startTime, endTime },
          {
            signal: deps.signal,
            missing: deps.missing,
            pace: deps.pace && (() => deps.pace!(target)),
            onPage: (events) => {
              for (const event of events) if (!request.skip?.(event)) slice.push({ target, event });
            },
          },
        ),
      ),
  );
  for (const outcome of outcomes) {
    result.requests += outcome.requests;
    result.failure ??= outcome.failure;
  }
  return slice;
}
