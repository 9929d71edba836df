// The fallback when Live Tail is unavailable, done the way `aws logs tail --follow` does it:
// FilterLogEvents from the newest timestamp seen, follow nextToken, de-duplicate by eventId, sleep,
// repeat. One loop per log group (all its streams in one request), every request paced by the
// follower's PollBudget; a busy pass follows nextToken to its end at the budget's pace.
//
// awslogs ships each stream's lines in order, in batches about 5 s apart, so one stream's batch can
// land after another stream's newer lines have been read. Every pass therefore starts a lag behind
// the newest event seen, and no later than the newest line of any stream that has been writing
// lately (its next batch follows that line, however late it lands). A reader that still cannot keep
// up skips ahead and reports the range it skipped rather than losing it silently. A stream that did
// not exist yet is read from when it was first wanted once it appears.
import type { FilteredLogEvent } from "@aws-sdk/client-cloudwatch-logs";
import type { AwsFailure } from "../../aws/failure.js";
import type { LogsGateway } from "../../aws/logs-gateway.js";
import { sleep } from "./abortable-sleep.js";
import { filterRange, type MissingStreams, type RangeOutcome } from "./filter-range.js";
import type { GroupTarget } from "./follow-targets.js";
import type { PollBudget } from "./poll-budget.js";

/** Events of a group in [from, to) that the poller gave up reading: some may be lost. */
export interface SkippedRange {
  group: string;
  from: number;
  to: number;
}

export interface PollerDeps {
  logsFor: (target: GroupTarget) => LogsGateway;
  budget: PollBudget;
  missing: MissingStreams;
  signal: AbortSignal;
  now: () => number;
  intervalMs: number;
  /** How far behind the newest event seen every pass starts, at least. */
  lagMs: number;
  /** A pass that has paged this long and still reads events older than this is given up on. */
  maxBehindMs: number;
  onEvents: (target: GroupTarget, events: FilteredLogEvent[]) => void;
  /** Called after every pass of a group: its failure, or undefined when it went well. */
  onResult: (target: GroupTarget, failure: AwsFailure | undefined) => void;
  onSkipped: (target: GroupTarget, range: SkippedRange) => void;
}

/**
 * A stream that brought a line this recently is still writing: its next batch is due. (Three
 * awslogs flush intervals; a sidecar that logs once a minute must not hold every pass back.)
 */
const STREAM_ACTIVE_MS = 15_000;

interface StreamMark {
  newest: number;
  /** When (by the clock) its newest new line arrived. */
  seenAt: number;
}

interface GroupPoll {
  target: GroupTarget;
  /** Newest event timestamp seen in the group. */
  newest: number;
  streams: Map<string, StreamMark>;
  /** No pass starts before this: the end of a skipped range. */
  floor: number;
  /** Where the next pass starts instead, when the last one was cut short or failed. */
  resumeAt: number | undefined;
  /** Start time of the first pass: before it, another delivery (history, Live Tail) was in charge. */
  origin: number;
  /** Ids of events at or after the current start time, to drop repeats. */
  seen: Map<string, number>;
  active: boolean;
}

type ReadEnd = { outcome: RangeOutcome; stop?: "streams" | "behind" };

export class LogPoller {
  private readonly groups = new Map<string, GroupPoll>();

  constructor(private readonly deps: PollerDeps) {}

  /** Polls these groups from now on (streams replaced for known ones); others stop. */
  follow(targets: readonly GroupTarget[], since: (target: GroupTarget) => number): void {
    const keys = new Set(targets.map((t) => t.key));
    for (const [key, poll] of this.groups) {
      if (!keys.has(key)) {
        poll.active = false;
        this.groups.delete(key);
      }
    }
    for (const target of targets) {
      const poll = this.groups.get(target.key);
      if (poll) {
        if (poll.target.streams.join("\u0000") === target.streams.join("\u0000")) continue;
        this.markJoined(poll, target.streams, this.nextStart(poll));
        poll.target = target;
        continue;
      }
      const newest = since(target);
      const fresh: GroupPoll = {
        target,
        newest,
        streams: new Map(),
        floor: -Infinity,
        resumeAt: undefined,
        origin: newest - this.deps.lagMs,
        seen: new Map(),
        active: true,
      };
      this.markJoined(fresh, target.streams, fresh.origin);
      this.groups.set(target.key, fresh);
      this.loop(fresh).catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        this.deps.onResult(target, {
          kind: "unknown",
          operation: "FilterLogEvents",
          code: "InternalError",
          message,
        });
      });
    }
  }

  private async loop(poll: GroupPoll): Promise<void> {
    const { signal } = this.deps;
    while (poll.active && !signal.aborted) {
      const again = await this.cycle(poll);
      // A pass cut short goes on at once (the budget paces it); one that reached the end rests.
      if (!again && !(await sleep(this.deps.intervalMs, signal))) return;
    }
  }

  /** Streams that appeared since, then one pass over the group; true when it was cut short. */
  private async cycle(poll: GroupPoll): Promise<boolean> {
    if (!(await this.readAppeared(poll))) return false;
    const { target } = poll;
    const startTime = Math.min(this.nextStart(poll), poll.resumeAt ?? Infinity);
    poll.resumeAt = undefined;
    for (const [id, timestamp] of poll.seen) if (timestamp < startTime) poll.seen.delete(id);
    const { outcome, stop } = await this.read(poll, target.streams, startTime);
    if (this.deps.signal.aborted || !poll.active) return false;
    this.deps.onResult(target, outcome.failure);
    if (outcome.failure) {
      poll.resumeAt = startTime;
      return false;
    }
    if (stop === "behind" && outcome.unreadFrom !== undefined) {
      poll.floor = this.deps.now() - this.deps.lagMs;
      const to = this.nextStart(poll);
      this.deps.onSkipped(target, { group: target.group, from: outcome.unreadFrom, to });
      return true;
    }
    if (stop === "streams") {
      poll.resumeAt = outcome.unreadFrom;
      return true;
    }
    return false;
  }

  /**
   * What was read of a joining stream is not known here (history may have read it up to now, with
   * its latest batch still on the way): it counts as writing, its newest line at `from`.
   */
  private markJoined(poll: GroupPoll, streams: readonly string[], from: number): void {
    const seenAt = this.deps.now();
    for (const stream of streams) {
      if (!poll.streams.has(stream)) poll.streams.set(stream, { newest: from, seenAt });
    }
  }

  /** A lag behind the newest event, and no later than the newest line of a stream still writing. */
  private nextStart(poll: GroupPoll): number {
    const now = this.deps.now();
    let start = poll.newest - this.deps.lagMs;
    for (const [stream, mark] of poll.streams) {
      if (now - mark.seenAt > STREAM_ACTIVE_MS) poll.streams.delete(stream);
      else start = Math.min(start, mark.newest);
    }
    return Math.max(start, poll.floor);
  }

  /**
   * Streams found missing (by this poller or a history read) that are due for a recheck: read from
   * when they were first wanted, but not before this poller took over. False when the read failed.
   */
  private async readAppeared(poll: GroupPoll): Promise<boolean> {
    const { target } = poll;
    const due = this.deps.missing.due(target.group, target.streams);
    if (due.length === 0) return true;
    const since = Math.max(poll.origin, Math.min(...due.map((entry) => entry.since)));
    const { outcome, stop } = await this.read(
      poll,
      due.map((entry) => entry.stream),
      since,
    );
    if (this.deps.signal.aborted || !poll.active) return false;
    if (outcome.failure) {
      this.deps.onResult(target, outcome.failure);
      return false;
    }
    if (stop === "streams") return true; // read again from `since` next cycle
    const to = this.nextStart(poll);
    if (stop === "behind" && outcome.unreadFrom !== undefined && outcome.unreadFrom < to) {
      this.deps.onSkipped(target, { group: target.group, from: outcome.unreadFrom, to });
    }
    const stillMissing = new Set(outcome.missing);
    for (const { stream } of due)
      if (!stillMissing.has(stream)) this.deps.missing.forget(target.group, stream);
    return true;
  }

  private async read(poll: GroupPoll, streams: readonly string[], startTime: number): Promise<ReadEnd> {
    const { target } = poll;
    const { now, maxBehindMs } = this.deps;
    const began = now();
    let stop: ReadEnd["stop"];
    const outcome = await filterRange(
      { logs: this.deps.logsFor(target), group: target.group, streams, startTime },
      {
        signal: this.deps.signal,
        missing: this.deps.missing,
        pace: () => this.deps.budget.take(target.key, this.deps.signal),
        onPage: (events, more) => {
          if (!poll.active) return false;
          const fresh = events.filter((event) => this.isNew(poll, event));
          if (fresh.length > 0) this.deps.onEvents(target, fresh);
          this.forgetSeen(poll);
          // New streams join at once, with the read starting over where this one got to.
          if (poll.target !== target) stop = "streams";
          else if (more && now() - began >= maxBehindMs && isBehind(events, now() - maxBehindMs)) {
            stop = "behind";
          }
          return stop === undefined;
        },
      },
    );
    return { outcome, stop };
  }

  /** How many event ids the poller holds to drop repeats: about the lag window's worth. */
  rememberedIds(): number {
    let count = 0;
    for (const poll of this.groups.values()) count += poll.seen.size;
    return count;
  }

  /**
   * Drops the ids of events older than where the next pass will start: no read brings them again.
   * A busy group's pass can go on for minutes, so this runs after every page, not only between
   * passes. Ids are held in about the order they were read, so the oldest go first; a stray older
   * one goes at the start of the next pass.
   */
  private forgetSeen(poll: GroupPoll): void {
    const start = this.nextStart(poll);
    for (const [id, timestamp] of poll.seen) {
      if (timestamp >= start) return;
      poll.seen.delete(id);
    }
  }

  private isNew(poll: GroupPoll, event: FilteredLogEvent): boolean {
    const timestamp = event.timestamp ?? 0;
    const id = event.eventId ?? `${event.logStreamName}:${timestamp}:${event.message}`;
    if (poll.seen.has(id)) return false;
    poll.seen.set(id, timestamp);
    if (timestamp > poll.newest) poll.newest = timestamp;
    const stream = event.logStreamName ?? "";
    const mark = poll.streams.get(stream);
    if (!mark) poll.streams.set(stream, { newest: timestamp, seenAt: this.deps.now() });
    else if (timestamp >= mark.newest) {
      mark.newest = timestamp;
      mark.seenAt = this.deps.now();
    }
    return true;
  }
}

/** A page whose last event is older than `before`: the read is that far behind. */
function isBehind(events: readonly FilteredLogEvent[], before: number): boolean {
  const last = events[events.length - 1]?.timestamp;
  return last !== undefined && last < before;
}
