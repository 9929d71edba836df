// Follows the logs of a container, a task or a whole service into a bounded LogBuffer: Live Tail
// when the account allows it, FilterLogEvents polling otherwise, history first. The UI reads it like
// the AppStore: subscribe + getState through useSyncExternalStore, and the buffer directly.
import type { EcsGateway } from "../../aws/ecs-gateway.js";
import type { LogsGateway } from "../../aws/logs-gateway.js";
import type { FollowerState } from "./follower-state.js";
import { FollowRun } from "./follow-run.js";
import { LogBuffer } from "./log-buffer.js";
import type { FollowScope } from "./scope-tasks.js";

export type { FollowScope } from "./scope-tasks.js";
export type { SkippedRange } from "./log-poller.js";
export type { FollowerState } from "./follower-state.js";

export interface LogFollowerDeps {
  ecs: EcsGateway;
  logs: LogsGateway;
  now?: () => number;
  /** History: at least this many lines… (default 500) */
  historyLines?: number;
  /** …or this far back, whichever is larger (default 5 minutes). */
  historyWindowMs?: number;
  /** Polling fallback: pause between polls of a log group (default 2 s; ≤ 1 request/s per group anyway). */
  pollIntervalMs?: number;
  /** How often a service's task list is re-read (default 10 s). */
  taskRefreshMs?: number;
  /** Buffer capacity in lines (default 100,000). */
  capacity?: number;
  /** A Live Tail session silent this long is replaced (default 15 s; AWS sends an update a second). */
  liveTailSilenceMs?: number;
}

export class LogFollower {
  readonly buffer: LogBuffer;
  private state: FollowerState;
  private run: FollowRun | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly deps: LogFollowerDeps) {
    this.buffer = new LogBuffer(deps.capacity);
    this.state = {
      mode: "stopped",
      sources: [],
      sampled: false,
      skipped: [],
      historyWindowMs: deps.historyWindowMs ?? 5 * 60_000,
    };
  }

  /** Starts following; a second start replaces the first (lines already buffered stay). */
  start(scope: FollowScope): void {
    this.run?.stop();
    const run: FollowRun = new FollowRun(
      scope,
      {
        ecs: this.deps.ecs,
        logs: this.deps.logs,
        now: this.deps.now ?? Date.now,
        historyLines: this.deps.historyLines ?? 500,
        historyWindowMs: this.state.historyWindowMs,
        pollIntervalMs: this.deps.pollIntervalMs ?? 2_000,
        taskRefreshMs: this.deps.taskRefreshMs ?? 10_000,
        pollLagMs: 5_000,
        liveTailSilenceMs: this.deps.liveTailSilenceMs ?? 15_000,
      },
      this.buffer,
      () => this.state,
      (patch) => {
        if (this.run === run) this.set(patch);
      },
      () => {
        if (this.run === run) this.notify();
      },
    );
    this.run = run;
    this.set({ mode: "starting", modeReason: undefined, sources: [], failure: undefined, sampled: false });
    run.begin().catch((error: unknown) => run.crashed(error));
  }

  /** Ends Live Tail, polling and every timer; the buffer keeps its lines. */
  stop(): void {
    this.run?.stop();
    this.run = undefined;
    if (this.state.mode !== "stopped") this.set({ mode: "stopped", sampled: false });
  }

  /** Loads events older than the oldest buffered one; resolves to how many lines were added. */
  loadOlder(): Promise<number> {
    return this.run?.loadOlder() ?? Promise.resolve(0);
  }

  /**
   * Sets how far back history reaches (the 1m/5m/15m/1h/custom choice) for this run and later
   * starts: a new task's history, and the first load of the next start (still at least
   * historyLines lines). When the buffer does not reach back to now − windowMs, the older events are
   * loaded into its free room, as loadOlder does; resolves to how many lines were added (0 when the
   * buffer already reaches that far, nothing is followed yet, or the buffer is full). A smaller
   * window removes no lines. Rejects with a RangeError unless windowMs is a positive number.
   */
  setHistoryWindow(windowMs: number): Promise<number> {
    if (!Number.isFinite(windowMs) || windowMs <= 0)
      return Promise.reject(new RangeError(`bad history window ${windowMs} ms`));
    this.set({ historyWindowMs: windowMs });
    return this.run?.setHistoryWindow(windowMs) ?? Promise.resolve(0);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): FollowerState => this.state;

  private set(patch: Partial<FollowerState>): void {
    this.state = { ...this.state, ...patch };
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
