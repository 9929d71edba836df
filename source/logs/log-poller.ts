// The fallback when Live Tail is unavailable, done the way `aws logs tail --follow` does it:
// FilterLogEvents from the newest timestamp seen, follow nextToken, de-duplicate by eventId, sleep,
// repeat. One loop per log group (all its streams in one request), every request paced by the
// follower's PollBudget. While a group is quiet the start time stays a few seconds
// behind the newest event, because awslogs ships in 5-second batches and another stream's late
// batch may carry older timestamps; while it is busy that re-read would cost pages, so it does not.
import type { FilteredLogEvent } from "@aws-sdk/client-cloudwatch-logs";
import type { AwsFailure } from "../aws/failure.js";
import type { LogsGateway } from "../aws/logs-gateway.js";
import { sleep } from "./abortable-sleep.js";
import { filterRange, type MissingStreams } from "./filter-range.js";
import type { GroupTarget } from "./follow-targets.js";
import type { PollBudget } from "./poll-budget.js";

export interface PollerDeps {
  logsFor: (target: GroupTarget) => LogsGateway;
  budget: PollBudget;
  missing: MissingStreams;
  signal: AbortSignal;
  intervalMs: number;
  /** How far behind the newest event a quiet group re-reads. */
  lagMs: number;
  onEvents: (target: GroupTarget, events: FilteredLogEvent[]) => void;
  /** Called after every cycle of a group: its failure, or undefined when it went well. */
  onResult: (target: GroupTarget, failure: AwsFailure | undefined) => void;
}

const PAGES_PER_CYCLE = 5;

interface GroupPoll {
  target: GroupTarget;
  /** Newest event timestamp seen in the group. */
  newest: number;
  /** Ids of events at or after the current start time, to drop repeats. */
  seen: Map<string, number>;
  busy: boolean;
  active: boolean;
}

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
        poll.target = target;
        continue;
      }
      const fresh: GroupPoll = { target, newest: since(target), seen: new Map(), busy: false, active: true };
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

  /** The start time the next request for this group will use. */
  startTimeOf(key: string): number | undefined {
    const poll = this.groups.get(key);
    return poll ? this.startTime(poll) : undefined;
  }

  private startTime(poll: GroupPoll): number {
    return poll.busy ? poll.newest : poll.newest - this.deps.lagMs;
  }

  private async loop(poll: GroupPoll): Promise<void> {
    const { signal } = this.deps;
    while (poll.active && !signal.aborted) {
      const behind = await this.pollOnce(poll);
      // Behind (more pages waiting): go on at once, the budget paces it.
      if (!behind && !(await sleep(this.deps.intervalMs, signal))) return;
    }
  }

  /** One cycle; true when it stopped with more pages to read. */
  private async pollOnce(poll: GroupPoll): Promise<boolean> {
    const { target } = poll;
    const startTime = this.startTime(poll);
    // Keep a lag's worth of ids whatever the mode, so switching from busy to quiet re-reads nothing twice.
    const horizon = poll.newest - this.deps.lagMs;
    for (const [id, timestamp] of poll.seen) if (timestamp < horizon) poll.seen.delete(id);
    let pages = 0;
    const outcome = await filterRange(
      {
        logs: this.deps.logsFor(target),
        group: target.group,
        streams: target.streams,
        startTime,
        // A group busier than a page a second never reaches the end of its pages: a new cycle
        // every few pages picks up new streams and restarts from the newest event seen.
        maxPages: PAGES_PER_CYCLE,
      },
      {
        signal: this.deps.signal,
        missing: this.deps.missing,
        pace: () => this.deps.budget.take(target.key, this.deps.signal),
        onPage: (events) => {
          pages += 1;
          const fresh = events.filter((event) => this.isNew(poll, event));
          if (fresh.length > 0 && poll.active) this.deps.onEvents(target, fresh);
        },
      },
    );
    if (this.deps.signal.aborted || !poll.active) return false;
    poll.busy = pages > 1;
    this.deps.onResult(target, outcome.failure);
    return outcome.more === true && !outcome.failure;
  }

  private isNew(poll: GroupPoll, event: FilteredLogEvent): boolean {
    const timestamp = event.timestamp ?? 0;
    const id = event.eventId ?? `${event.logStreamName}:${timestamp}:${event.message}`;
    if (poll.seen.has(id)) return false;
    poll.seen.set(id, timestamp);
    if (timestamp > poll.newest) poll.newest = timestamp;
    return true;
  }
}
