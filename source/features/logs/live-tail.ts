// Keeps one Live Tail session running for a follower: opens it (waiting for sessionStart), swaps
// it for a new one when the followed streams change (the old session ends only once the new one
// has started, so nothing falls in between), restarts it after the 3-hour timeout, a dropped
// stream or a silent one (AWS sends an update every second, so a session that sends nothing has
// lost its connection without saying so), reports the gap so it can be filled from
// FilterLogEvents, and gives up, so the follower can poll instead, when sessions cannot be had or
// keep failing.
import type { LiveTailSessionLogEvent, StartLiveTailRequest } from "@aws-sdk/client-cloudwatch-logs";
import { fail, ok, type AwsFailure, type Result } from "../../aws/failure.js";
import type { LiveTailEvent, LiveTailSession, LogsGateway } from "../../aws/logs-gateway.js";
import { sleep } from "./abortable-sleep.js";

export interface LivePlan {
  logs: LogsGateway;
  request: StartLiveTailRequest;
}

export interface LiveTailHandlers {
  /** `origin` names the session, for telling its events from other deliveries of the same ones. */
  onEvents(origin: string, events: LiveTailSessionLogEvent[]): void;
  onSampled(sampled: boolean): void;
  /** A session ended unplanned and is being replaced; `reason` says what happened. */
  onReconnecting(reason: string): void;
  /** A session was replaced after an unplanned end: events since `since` may be missing. */
  onGap(since: number): void;
  /** Live Tail cannot go on; the follower should poll. */
  onUnavailable(reason: string, failure?: AwsFailure): void;
}

export interface LiveTailOptions {
  now: () => number;
  signal: AbortSignal;
  startTimeoutMs?: number;
  /** A running session that sends nothing this long is dropped and replaced (default 15 s). */
  silenceMs?: number;
  /** Consecutive failed sessions before giving up. */
  maxFailures?: number;
}

interface Session {
  origin: string;
  live: LiveTailSession;
  events: AsyncIterator<LiveTailEvent>;
  lastUpdateAt: number;
  pending?: LiveTailEvent;
}

const TIMEOUT_WINDOW_MS = 10 * 60_000;
const MAX_TIMEOUTS = 3;
/** Events ingested late can carry timestamps this far before the moment a session dropped. */
const GAP_MARGIN_MS = 10_000;
const DEFAULT_SILENCE_MS = 15_000;

type SessionEnd =
  | { why: "timeout" }
  | { why: "failed"; message: string; failure?: AwsFailure }
  | { why: "silent"; ms: number };

export class LiveTail {
  private plan: LivePlan | undefined;
  private current: Session | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private failures = 0;
  private timeouts: number[] = [];
  private sequence = 0;
  private closed = false;

  constructor(
    private readonly handlers: LiveTailHandlers,
    private readonly options: LiveTailOptions,
  ) {}

  /** Starts following `plan`, replacing any running session once the new one has started. */
  open(plan: LivePlan): Promise<Result<void>> {
    this.plan = plan;
    return this.serial(() => this.switchTo(plan));
  }

  close(): void {
    this.closed = true;
    this.current?.live.abort();
    this.current = undefined;
  }

  private serial<T>(step: () => Promise<T>): Promise<T> {
    const next = this.chain.then(step);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async switchTo(plan: LivePlan): Promise<Result<void>> {
    if (this.closed) return ok(undefined);
    const started = await this.startSession(plan);
    if (!started.ok) return started;
    if (this.closed || this.options.signal.aborted) {
      started.value.live.abort();
      return ok(undefined);
    }
    const previous = this.current;
    this.current = started.value;
    previous?.live.abort();
    this.consume(started.value).catch((error: unknown) => {
      if (this.current === started.value) this.giveUp(`Live Tail reading failed: ${String(error)}`);
    });
    return ok(undefined);
  }

  private async startSession(plan: LivePlan): Promise<Result<Session>> {
    const opened = await plan.logs.startLiveTail(plan.request);
    if (!opened.ok) return opened;
    const events = opened.value.events[Symbol.asyncIterator]();
    const timeoutMs = this.options.startTimeoutMs ?? 15_000;
    const first = await nextWithin(events, timeoutMs, this.options.signal);
    const refuse = (code: string, message: string) => {
      opened.value.abort();
      return fail<Session>({ kind: "unavailable", operation: "StartLiveTail", code, message });
    };
    if (!first) return refuse("NoSessionStart", `no sessionStart within ${timeoutMs / 1000}s`);
    if (first.done) return refuse("SessionEnded", "the session ended before it started");
    if (first.value.kind === "failed") {
      opened.value.abort();
      return fail(first.value.failure);
    }
    if (first.value.kind === "timeout") return refuse("SessionTimeoutException", first.value.message);
    this.sequence += 1;
    return ok({
      origin: `live#${this.sequence}`,
      live: opened.value,
      events,
      lastUpdateAt: this.options.now(),
      pending: first.value.kind === "update" ? first.value : undefined,
    });
  }

  private async consume(session: Session): Promise<void> {
    const silenceMs = this.options.silenceMs ?? DEFAULT_SILENCE_MS;
    for (;;) {
      let event = session.pending;
      session.pending = undefined;
      if (!event) {
        const next = await nextWithin(session.events, silenceMs, this.options.signal);
        if (this.current !== session) return;
        if (!next) return this.recover(session, { why: "silent", ms: silenceMs });
        if (next.done) return this.recover(session, { why: "failed", message: "the stream ended" });
        event = next.value;
      }
      if (event.kind === "update") {
        session.lastUpdateAt = this.options.now();
        this.failures = 0;
        if (event.events.length > 0) this.handlers.onEvents(session.origin, event.events);
        this.handlers.onSampled(event.sampled);
      } else if (event.kind === "timeout") {
        return this.recover(session, { why: "timeout" });
      } else if (event.kind === "failed") {
        const message = `${event.failure.code}: ${event.failure.message}`;
        return this.recover(session, { why: "failed", message, failure: event.failure });
      }
    }
  }

  private recover(session: Session, end: SessionEnd): Promise<void> {
    return this.serial(async () => {
      if (this.current !== session || this.closed) return;
      session.live.abort();
      this.current = undefined;
      const now = this.options.now();
      const failure = end.why === "failed" ? end.failure : undefined;
      const what = describe(end);
      if (end.why === "timeout") {
        this.timeouts = [...this.timeouts.filter((at) => now - at < TIMEOUT_WINDOW_MS), now];
        if (this.timeouts.length > MAX_TIMEOUTS) return this.giveUp("Live Tail sessions keep timing out");
        this.handlers.onReconnecting(`${what}, reconnecting`);
      } else {
        // A silent session counts as a failed one: a network that keeps dropping them ends in polling.
        this.failures += 1;
        const message = end.why === "failed" ? end.message : `silent for ${seconds(end.ms)} s`;
        if (this.failures > (this.options.maxFailures ?? 3))
          return this.giveUp(`Live Tail keeps failing: ${message}`, failure);
        this.handlers.onReconnecting(`${what}, reconnecting`);
        if (!(await sleep(500 * 2 ** (this.failures - 1), this.options.signal))) return;
      }
      const reopened = await this.switchTo(this.plan!);
      if (!reopened.ok)
        return this.giveUp(`${what}, cannot reconnect: ${reopened.failure.code}`, reopened.failure);
      if (!this.closed) this.handlers.onGap(session.lastUpdateAt - GAP_MARGIN_MS);
    });
  }

  private giveUp(reason: string, failure?: AwsFailure): void {
    this.closed = true;
    this.handlers.onUnavailable(reason, failure);
  }
}

function describe(end: SessionEnd): string {
  if (end.why === "timeout") return "Live Tail session timed out";
  if (end.why === "silent") return `Live Tail silent for ${seconds(end.ms)} s`;
  return `Live Tail failed: ${end.message}`;
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;

/** The iterator's next event, or undefined when none came within `ms` (or the signal fired first). */
async function nextWithin<T>(
  events: AsyncIterator<T>,
  ms: number,
  signal: AbortSignal,
): Promise<IteratorResult<T> | undefined> {
  // A timer of its own, cleared as soon as an event comes.
  const timer = new AbortController();
  const stopTimer = () => timer.abort();
  signal.addEventListener("abort", stopTimer, { once: true });
  try {
    return await Promise.race([events.next(), sleep(ms, timer.signal).then(() => undefined)]);
  } finally {
    stopTimer();
    signal.removeEventListener("abort", stopTimer);
  }
}
