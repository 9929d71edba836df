// What one Live Tail update carries: the lines of the session's streams that reached CloudWatch
// since the previous update and match its filter, at most 500, sampled evenly when more matched.
import type { LiveTailSessionLogEvent } from "@aws-sdk/client-cloudwatch-logs";
import type { LineMatcher } from "./filter-pattern.js";
import type { LogGroup, LogRegistry, LogStream } from "./registry.js";
import { MAX_IDX, linesAfter, viewStream } from "./stream-lines.js";
import { ingestionTime } from "./stream-timeline.js";

export const MAX_RESULTS_PER_UPDATE = 500;

export interface TailScope {
  registry: LogRegistry;
  groups: ReadonlyArray<{ group: LogGroup; identifier: string }>;
  streamNames: ReadonlySet<string> | undefined;
  streamPrefixes: readonly string[] | undefined;
  matches: LineMatcher;
}

export interface TailUpdate {
  sessionMetadata: { sampled: boolean };
  sessionResults: LiveTailSessionLogEvent[];
}

/** Remembers how far each stream had been delivered, so every line goes out once. */
export class TailCursor {
  private readonly delivered = new Map<LogStream, number>();
  private readonly finished = new Set<LogStream>();

  /** Marks everything readable at `now` as seen: a session shows only what arrives after it starts. */
  constructor(
    private readonly scope: TailScope,
    now: number,
  ) {
    for (const stream of this.streams()) this.delivered.set(stream, viewStream(stream, now).readableBefore);
  }

  next(now: number): TailUpdate {
    const matched: LiveTailSessionLogEvent[] = [];
    for (const { group, identifier } of this.scope.groups) {
      for (const stream of this.scope.registry.streams(group)) {
        if (this.finished.has(stream) || !this.inScope(stream)) continue;
        const view = viewStream(stream, now);
        const from = this.delivered.get(stream) ?? view.times.start;
        const to = view.readableBefore;
        if (to <= from) continue;
        for (const line of linesAfter(view, { t: from - 1, idx: MAX_IDX }, to)) {
          if (!this.scope.matches(line.message)) continue;
          matched.push({
            logStreamName: stream.name,
            logGroupIdentifier: identifier,
            message: line.message,
            timestamp: line.t,
            ingestionTime: ingestionTime(stream, view.times, line.t),
          });
        }
        this.delivered.set(stream, to);
        if (view.times.closedAt !== undefined && to > view.times.closedAt) this.finished.add(stream);
      }
    }
    const sampled = matched.length > MAX_RESULTS_PER_UPDATE;
    const results = sampled ? sample(matched) : matched;
    results.sort((a, b) => (a.timestamp ?? 0) - (b.timestamp ?? 0));
    return { sessionMetadata: { sampled }, sessionResults: results };
  }

  private *streams(): Generator<LogStream> {
    for (const { group } of this.scope.groups) {
      for (const stream of this.scope.registry.streams(group)) if (this.inScope(stream)) yield stream;
    }
  }

  private inScope(stream: LogStream): boolean {
    const { streamNames, streamPrefixes } = this.scope;
    if (streamNames !== undefined) return streamNames.has(stream.name);
    if (streamPrefixes !== undefined) return streamPrefixes.some((prefix) => stream.name.startsWith(prefix));
    return true;
  }
}

/** Every n-th result, so a sampled second still spans the whole second and every busy stream. */
function sample(matched: LiveTailSessionLogEvent[]): LiveTailSessionLogEvent[] {
  const step = matched.length / MAX_RESULTS_PER_UPDATE;
  const out: LiveTailSessionLogEvent[] = [];
  for (let i = 0; i < MAX_RESULTS_PER_UPDATE; i++)
    out.push(matched[Math.floor(i * step)] as LiveTailSessionLogEvent);
  return out;
}
