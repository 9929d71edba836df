// Which streams a follower follows, kept in step with the scope's tasks: a started container's
// awslogs stream joins; a task that left the scope (stopped) is followed a minute more for its
// last lines, then let go (its lines stay in the buffer). Also says why nothing is followed.
import { groupTargets, streamKey, type FollowedStream, type GroupTarget } from "./follow-targets.js";
import type { FollowerState } from "./follower-state.js";
import { logGroupArn, type LogSource } from "./log-sources.js";
import type { FollowScope, ScopeTask } from "./scope-tasks.js";

/** A task that left the scope is followed this long more, for its last lines. */
export const STOPPED_GRACE_MS = 60_000;
const CLOCK_SKEW_MS = 60_000;
const NO_CREATION_TIME_LOOKBACK_MS = 24 * 3_600_000;
/** A service that churns tasks for days should not grow this list without end. */
const MAX_KNOWN = 500;

interface TaskEntry {
  sources: LogSource[];
  streams: string[];
  stopped: boolean;
  goneAt?: number;
}

export class ScopeStreams {
  private readonly followed = new Map<string, FollowedStream>();
  /** Every stream followed in this run, for loading older history after a task has gone. */
  private readonly known = new Map<string, FollowedStream>();
  private readonly byTask = new Map<string, TaskEntry>();

  constructor(private readonly scope: FollowScope) {}

  /** A stream's source by streamKey, followed now or earlier in the run. */
  lookup(key: string): FollowedStream | undefined {
    return this.followed.get(key) ?? this.known.get(key);
  }

  get size(): number {
    return this.followed.size;
  }

  targets(): GroupTarget[] {
    return groupTargets(this.followed.values());
  }

  knownTargets(): GroupTarget[] {
    return groupTargets(this.known.values());
  }

  /** Sources of the tasks in scope (and in their grace minute), for the state. */
  sources(): LogSource[] {
    return [...this.byTask.values()].flatMap((task) => task.sources);
  }

  /** Records the tasks' sources; returns the streams that join and how many left. */
  apply(tasks: readonly ScopeTask[], now: number): { added: FollowedStream[]; removed: number } {
    const added: FollowedStream[] = [];
    const listed = new Set<string>();
    for (const { task, sources, started } of tasks) {
      const taskArn = task.taskArn ?? "";
      const stopped = task.lastStatus === "STOPPED";
      if (!stopped) listed.add(taskArn);
      const entry = this.byTask.get(taskArn) ?? { sources, streams: [], stopped };
      entry.sources = sources;
      entry.stopped = stopped;
      if (!stopped) entry.goneAt = undefined;
      this.byTask.set(taskArn, entry);
      const notBefore = (task.createdAt?.getTime() ?? now - NO_CREATION_TIME_LOOKBACK_MS) - CLOCK_SKEW_MS;
      for (const source of sources) {
        if (source.kind !== "awslogs" || !started.has(source.container)) continue;
        const key = streamKey(source.group, source.stream);
        if (this.followed.has(key) || entry.goneAt !== undefined) continue;
        const followed = { source, groupArn: logGroupArn(taskArn, source.region, source.group), notBefore };
        this.followed.set(key, followed);
        this.known.set(key, followed);
        if (this.known.size > MAX_KNOWN) this.known.delete(this.known.keys().next().value!);
        entry.streams.push(key);
        added.push(followed);
      }
    }
    let removed = 0;
    for (const [taskArn, entry] of this.byTask) {
      if (listed.has(taskArn)) continue;
      entry.goneAt ??= now;
      if (now - entry.goneAt < STOPPED_GRACE_MS) continue;
      for (const key of entry.streams) removed += this.followed.delete(key) ? 1 : 0;
      this.byTask.delete(taskArn);
    }
    return { added, removed };
  }

  /** Why nothing is followed (yet). */
  idleState(): Partial<FollowerState> {
    const tasks = [...this.byTask.values()];
    const awslogs = tasks.filter((task) => task.sources.some((source) => source.kind === "awslogs"));
    if (tasks.length === 0) {
      return this.scope.kind === "service"
        ? { mode: "starting", modeReason: "no running tasks yet" }
        : { mode: "stopped", modeReason: "task not found" };
    }
    if (awslogs.some((task) => !task.stopped))
      return { mode: "starting", modeReason: "waiting for containers to start" };
    if (awslogs.length > 0)
      return { mode: "stopped", modeReason: "the task stopped before its containers started" };
    return { mode: "stopped", modeReason: "no CloudWatch Logs stream to follow" };
  }
}
