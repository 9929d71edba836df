// One start() of a LogFollower: resolves the scope's tasks and streams, opens Live Tail (or polls
// when it cannot), loads history, follows a service's tasks as they come and go, fills gaps after a
// Live Tail session drops, and says in the state when lines may be missing. Everything it starts
// ends with stop() (one AbortController).
import type { FilteredLogEvent } from "@aws-sdk/client-cloudwatch-logs";
import type { EcsGateway } from "../../aws/ecs-gateway.js";
import type { AwsFailure } from "../../aws/failure.js";
import type { LogsGateway } from "../../aws/logs-gateway.js";
import { sleep } from "./abortable-sleep.js";
import { MissingStreams } from "./filter-range.js";
import { groupTargets, type FollowedStream, type GroupTarget } from "./follow-targets.js";
import { LineIntake } from "./line-intake.js";
import { livePlan } from "./live-plan.js";
import { LiveTail } from "./live-tail.js";
import type { LogBuffer } from "./log-buffer.js";
import { loadHistory, type HistoryRequest } from "./log-history.js";
import { LogPoller, type SkippedRange } from "./log-poller.js";
import type { FollowerState } from "./follower-state.js";
import { PollBudget } from "./poll-budget.js";
import { ScopeStreams } from "./scope-streams.js";
import { ScopeTasks, type FollowScope } from "./scope-tasks.js";

export interface RunSettings {
  ecs: EcsGateway;
  logs: LogsGateway;
  now: () => number;
  historyLines: number;
  historyWindowMs: number;
  pollIntervalMs: number;
  taskRefreshMs: number;
  pollLagMs: number;
  liveTailSilenceMs: number;
}

/** How long "sampled" stays up after the last sampled Live Tail update. */
const SAMPLED_HOLD_MS = 10_000;
const SAMPLED_REASON = "sampled: more than 500 events/s";
/** Polling that has paged a minute and is still a minute behind skips ahead (and says so). */
const POLL_MAX_BEHIND_MS = 60_000;
/** Polled events taken into the buffer per turn of the event loop. */
const INTAKE_CHUNK = 2_000;
/** The state keeps the most recent skipped ranges only. */
const MAX_SKIPPED = 20;

export class FollowRun {
  private readonly controller = new AbortController();
  private readonly signal = this.controller.signal;
  private readonly tasks: ScopeTasks;
  private readonly streams: ScopeStreams;
  private readonly intake: LineIntake;
  private readonly missing: MissingStreams;
  private readonly pollBudget: PollBudget;
  private live: LiveTail | undefined;
  private poller: LogPoller | undefined;
  private following = false;
  /** A task scope whose task has stopped: nothing more will come. */
  private finished = false;
  private loadedOnce = false;
  private followStart = 0;
  private lastSampledAt = -Infinity;
  private older: Promise<number> | undefined;
  private historyWindowMs: number;
  /** The mode reason shown while a Live Tail session is being replaced. */
  private reconnecting: string | undefined;
  private readonly polled: { target: GroupTarget; event: FilteredLogEvent }[][] = [];
  private draining = false;

  constructor(
    private readonly scope: FollowScope,
    private readonly settings: RunSettings,
    private readonly buffer: LogBuffer,
    private readonly state: () => FollowerState,
    private readonly update: (patch: Partial<FollowerState>) => void,
    private readonly changed: () => void,
  ) {
    this.tasks = new ScopeTasks(settings.ecs, scope);
    this.streams = new ScopeStreams(scope);
    this.intake = new LineIntake(buffer, (key) => this.streams.lookup(key), settings.now);
    this.missing = new MissingStreams(settings.now);
    this.pollBudget = new PollBudget(settings.now);
    this.historyWindowMs = settings.historyWindowMs;
  }

  async begin(): Promise<void> {
    await this.refresh();
    while (!this.finished && (await sleep(this.settings.taskRefreshMs, this.signal))) await this.refresh();
  }

  stop(): void {
    this.controller.abort();
    this.live?.close();
  }

  /** Older events before the oldest buffered one; concurrent calls share one load. */
  loadOlder(): Promise<number> {
    this.older ??= this.readOlder().finally(() => (this.older = undefined));
    return this.older;
  }

  /** Later history loads reach back `windowMs`; the buffer is filled back to now − windowMs. */
  async setHistoryWindow(windowMs: number): Promise<number> {
    this.historyWindowMs = windowMs;
    const now = this.settings.now();
    const from = now - windowMs;
    const endTime = this.buffer.at(0)?.timestamp ?? now;
    if (endTime <= from) return 0;
    return this.readHistory(
      {
        targets: this.streams.knownTargets(),
        endTime, // inclusive, as in readOlder
        minLines: 0,
        minSpanMs: endTime - from,
        maxLines: this.buffer.capacity - this.buffer.length,
        skip: (event) => event.eventId !== undefined && this.buffer.has(event.timestamp ?? 0, event.eventId),
      },
      { older: true },
    );
  }

  private async readOlder(): Promise<number> {
    const endTime = this.buffer.at(0)?.timestamp ?? this.settings.now();
    return this.readHistory(
      {
        targets: this.streams.knownTargets(),
        endTime, // inclusive: lines sharing the oldest millisecond may not all be buffered yet
        minLines: this.settings.historyLines,
        minSpanMs: 0,
        maxLines: this.buffer.capacity - this.buffer.length,
        skip: (event) => event.eventId !== undefined && this.buffer.has(event.timestamp ?? 0, event.eventId),
      },
      { older: true },
    );
  }

  private async refresh(): Promise<void> {
    const now = this.settings.now();
    const withStopped = this.scope.kind === "service" && !this.loadedOnce;
    const loaded = await this.tasks.load(withStopped ? now - this.historyWindowMs : undefined);
    if (this.signal.aborted) return;
    if (!loaded.ok) {
      this.update({
        failure: loaded.failure,
        ...(this.following ? {} : { modeReason: "cannot read the tasks" }),
      });
      return;
    }
    this.loadedOnce = true;
    const { added, removed } = this.streams.apply(loaded.value, now);
    this.update({ sources: this.streams.sources() });
    if (!this.following) return this.startFollowing();
    if (added.length > 0 || removed > 0) await this.followChanged(added);
  }

  private async startFollowing(): Promise<void> {
    if (this.streams.size === 0) {
      this.update(this.streams.idleState());
      return;
    }
    this.following = true;
    this.followStart = this.settings.now();
    const targets = this.streams.targets();
    await this.goLive(targets);
    if (this.signal.aborted) return;
    await this.readHistory({
      targets,
      endTime: this.followStart,
      minLines: this.settings.historyLines,
      minSpanMs: this.historyWindowMs,
      maxLines: this.buffer.capacity - this.buffer.length,
    });
  }

  private async goLive(targets: GroupTarget[]): Promise<void> {
    const plan = livePlan(targets, (target) => this.logsFor(target));
    if ("unavailable" in plan) return this.fallBack(plan.unavailable);
    this.intake.setLive(true);
    this.live = new LiveTail(
      {
        onEvents: (origin, events) => {
          if (this.intake.addLive(origin, events) > 0) this.changed();
        },
        onSampled: (sampled) => this.sampled(sampled),
        onReconnecting: (reason) => {
          this.reconnecting = reason;
          this.update({ modeReason: reason });
        },
        onGap: (since) => {
          if (this.reconnecting !== undefined && this.state().modeReason === this.reconnecting)
            this.update({ modeReason: undefined });
          this.reconnecting = undefined;
          void this.catchUp(since).catch((error: unknown) => this.crashed(error));
        },
        onUnavailable: (reason, failure) => this.fallBack(reason, failure),
      },
      { now: this.settings.now, signal: this.signal, silenceMs: this.settings.liveTailSilenceMs },
    );
    const opened = await this.live.open(plan);
    if (this.signal.aborted) return;
    if (opened.ok) this.update({ mode: "live", modeReason: undefined });
    else this.fallBack(`Live Tail unavailable: ${opened.failure.code}`, opened.failure);
  }

  private async followChanged(added: FollowedStream[]): Promise<void> {
    const targets = this.streams.targets();
    if (targets.length === 0) {
      // The task stopped, or the service has no task left: follow again when tasks come back.
      this.closeLive();
      this.poller?.follow([], () => 0);
      this.following = false;
      this.finished = this.scope.kind !== "service";
      this.update(
        this.finished ? { mode: "stopped", modeReason: "the task has stopped" } : this.streams.idleState(),
      );
      return;
    }
    if (this.live && this.state().mode === "live") {
      const plan = livePlan(targets, (target) => this.logsFor(target));
      if ("unavailable" in plan) this.fallBack(plan.unavailable);
      else {
        const opened = await this.live.open(plan);
        if (!opened.ok) this.fallBack(`Live Tail unavailable: ${opened.failure.code}`, opened.failure);
      }
    } else {
      this.poller?.follow(targets, (target) => this.intake.newest(target.key) ?? this.settings.now());
    }
    if (added.length === 0 || this.signal.aborted) return;
    // The new streams' history: a task that started a moment ago has some lines already.
    await this.readHistory(
      {
        targets: groupTargets(added),
        endTime: this.settings.now(),
        minLines: this.settings.historyLines,
        minSpanMs: this.historyWindowMs,
        maxLines: this.buffer.capacity,
      },
      { recurring: true },
    );
  }

  private fallBack(reason: string, failure?: AwsFailure): void {
    if (this.signal.aborted) return;
    this.closeLive();
    this.update({ mode: "polling", modeReason: reason, sampled: false, ...(failure ? { failure } : {}) });
    this.poller ??= new LogPoller({
      logsFor: (target) => this.logsFor(target),
      budget: this.pollBudget,
      missing: this.missing,
      signal: this.signal,
      now: this.settings.now,
      intervalMs: this.settings.pollIntervalMs,
      lagMs: this.settings.pollLagMs,
      maxBehindMs: POLL_MAX_BEHIND_MS,
      onEvents: (target, events) => this.takePolled(target, events),
      onResult: (_target, failure) => {
        if (failure) this.update({ failure });
        else if (this.state().failure) this.update({ failure: undefined });
      },
      onSkipped: (_target, range) => this.skipped(range),
    });
    const since = this.followStart || this.settings.now();
    this.poller.follow(this.streams.targets(), (target) => this.intake.newest(target.key) ?? since);
  }

  /**
   * A busy group's page holds up to 10,000 events. They are taken in a few thousand at a time, one
   * turn of the event loop each, so that a key pressed meanwhile is answered between two of them.
   */
  private takePolled(target: GroupTarget, events: FilteredLogEvent[]): void {
    for (let at = 0; at < events.length; at += INTAKE_CHUNK) {
      this.polled.push(events.slice(at, at + INTAKE_CHUNK).map((event) => ({ target, event })));
    }
    if (!this.draining) this.drainPolled();
  }

  private drainPolled(): void {
    const chunk = this.polled.shift();
    this.draining = chunk !== undefined && !this.signal.aborted;
    if (!this.draining) {
      this.polled.length = 0;
      return;
    }
    if (this.intake.addFiltered(chunk!) > 0) this.changed();
    if (this.polled.length > 0) setImmediate(() => this.drainPolled());
    else this.draining = false;
  }

  /** After a Live Tail session dropped and came back: read what happened in between. */
  private async catchUp(since: number): Promise<void> {
    const now = this.settings.now();
    await this.readHistory(
      {
        targets: this.streams.targets(),
        endTime: now,
        minLines: 0,
        minSpanMs: now - since,
        maxLines: this.buffer.capacity,
      },
      { recurring: true },
    );
  }

  /**
   * `recurring` loads (new tasks' history, gap catch-ups) share the polling budget: they come back
   * as often as a service churns. The first history and scrolling up are one-offs the user asked for.
   */
  private async readHistory(
    request: HistoryRequest,
    how: { older?: boolean; recurring?: boolean } = {},
  ): Promise<number> {
    if (request.targets.length === 0) return 0;
    const history = await loadHistory(request, {
      logsFor: (target) => this.logsFor(target),
      missing: this.missing,
      signal: this.signal,
      pace: how.recurring ? (target) => this.pollBudget.take(target.key, this.signal) : undefined,
    });
    if (this.signal.aborted) return 0;
    const added = this.intake.addFiltered(history.events, how.older);
    if (history.failure) this.update({ failure: history.failure });
    if (added > 0) this.changed();
    return added;
  }

  private sampled(sampled: boolean): void {
    const now = this.settings.now();
    if (sampled) {
      this.lastSampledAt = now;
      this.buffer.markSampled();
      this.changed();
      if (!this.state().sampled) this.update({ sampled: true, modeReason: SAMPLED_REASON });
    } else if (this.state().sampled && now - this.lastSampledAt >= SAMPLED_HOLD_MS) {
      this.update({ sampled: false, modeReason: undefined });
    }
  }

  private skipped(range: SkippedRange): void {
    const seconds = Math.round((range.to - range.from) / 1000);
    this.buffer.markSkipped(range.group, range.from, range.to);
    this.changed();
    this.update({
      modeReason: `fell behind: skipped ${seconds} s of ${range.group}`,
      skipped: [...this.state().skipped, range].slice(-MAX_SKIPPED),
    });
  }

  private closeLive(): void {
    this.live?.close();
    this.live = undefined;
    this.intake.setLive(false);
  }

  /** A bug, not an AWS answer: say so rather than leave the pane silently still. */
  crashed(error: unknown): void {
    this.stop();
    const message = error instanceof Error ? error.message : String(error);
    this.update({ mode: "stopped", modeReason: `internal error: ${message}` });
  }

  private logsFor(target: GroupTarget): LogsGateway {
    return this.settings.logs.forRegion(target.region);
  }
}
