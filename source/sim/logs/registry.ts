// The account's CloudWatch log groups and streams. Groups come from the task definition families
// (/ecs/<family>, the FireLens groups) and Container Insights. A stream appears when a task's
// container starts, named as its log driver names it (ecs/log-configuration.ts), and stays after
// ECS has forgotten the task: CloudWatch keeps logs until the group's retention expires them.
// Started tasks are only noted per family; a group's streams are made when someone reads the
// group, so a world of thousands of services starts as fast with logs as without.
import { cloudWatchStream, familyLogGroups, logDestination } from "../ecs/log-configuration.js";
import { imageFor } from "../ecs/families.js";
import type { SimContainer, SimTask, TaskFamily } from "../ecs/model.js";
import type { World } from "../ecs/world.js";
import type { LogRates } from "../options.js";
import { hashSeed } from "../random.js";
import { logGroupArn, logStreamArn } from "./arns.js";
import { PROGRAM_RATE_SHARE } from "./content/records.js";
import { lineSource, type LineSource } from "./content/line-source.js";

/** awslogs sends a batch every 5 s (sooner when 10,000 events are waiting). */
export const FLUSH_INTERVAL_MS = 5000;
const BATCH_EVENTS = 10_000;
/** The least time from writing a line to CloudWatch having it; later state may reshape the last moments. */
export const MIN_INGEST_LATENCY_MS = 150;
const DAY = 86_400_000;

export interface LogGroup {
  name: string;
  arn: string;
  creationTime: number;
  retentionInDays: number;
  /** The families whose containers write here. */
  families: TaskFamily[];
  /** Made so far, in creation order; read through the registry, which brings them up to date. */
  streams: LogStream[];
  streamsByName: Map<string, LogStream>;
  /** How many of each family's started tasks have been turned into streams. */
  synced: Map<TaskFamily, number>;
  /** The streams sorted by name; dropped when a stream is added. */
  sorted: LogStream[] | undefined;
}

export interface LogStream {
  group: LogGroup;
  name: string;
  arn: string;
  task: SimTask;
  container: SimContainer;
  source: LineSource;
  /** Seeds the stream's lines: the same world seed writes the same lines. */
  seed: number;
  /** 20 digits that make event ids unique across streams. */
  idDigits: string;
  /** Unique in the process (line caches are shared by every simulated account); never in an answer. */
  uid: number;
  /** Mean records per second while running. */
  ratePerSecond: number;
  flushMs: number;
  flushPhaseMs: number;
  ingestLatencyMs: number;
}

let nextUid = 0;

export class LogRegistry {
  /** Sorted by name. */
  readonly groups: LogGroup[] = [];
  private readonly groupsByName = new Map<string, LogGroup>();
  private readonly started = new Map<TaskFamily, SimTask[]>();
  private readonly seen = new WeakSet<SimTask>();

  constructor(
    private readonly world: World,
    private readonly rates: LogRates,
  ) {
    for (const family of world.families.values()) {
      for (const name of familyLogGroups(world, family)) {
        const group = this.groupsByName.get(name) ?? this.makeGroup(name, family);
        group.families.push(family);
      }
    }
    for (const cluster of world.clusters) {
      if (cluster.containerInsights === "enabled") {
        const name = `/aws/ecs/containerinsights/${cluster.name}/performance`;
        if (!this.groupsByName.has(name)) this.makeGroup(name, undefined);
      }
      for (const task of cluster.tasks) this.noteStarted(task);
    }
    this.groups.push(...this.groupsByName.values());
    this.groups.sort((a, b) => compareNames(a.name, b.name));
    const previous = world.hooks.taskChanged;
    world.hooks.taskChanged = (task, at, change) => {
      if (change === "running") this.noteStarted(task);
      previous(task, at, change);
    };
  }

  /** The group, with its streams up to date; undefined when there is no such group. */
  group(name: string): LogGroup | undefined {
    const group = this.groupsByName.get(name);
    if (group !== undefined) this.sync(group);
    return group;
  }

  /** The group's streams in creation order, up to date. */
  streams(group: LogGroup): readonly LogStream[] {
    this.sync(group);
    return group.streams;
  }

  sortedStreams(group: LogGroup): LogStream[] {
    this.sync(group);
    group.sorted ??= [...group.streams].sort((a, b) => compareNames(a.name, b.name));
    return group.sorted;
  }

  /** How many tasks have written to the group, without making their streams. */
  taskCount(group: LogGroup): number {
    return group.families.reduce((sum, family) => sum + (this.started.get(family)?.length ?? 0), 0);
  }

  private makeGroup(name: string, family: TaskFamily | undefined): LogGroup {
    const hash = hashSeed(this.world.seed, "log-group", name);
    const group: LogGroup = {
      name,
      arn: logGroupArn(this.world, name),
      creationTime: family?.firstRegisteredAt ?? this.world.time - 400 * DAY,
      retentionInDays: family?.environment === "staging" ? 7 : (([14, 30, 90] as const)[hash % 3] ?? 30),
      families: [],
      streams: [],
      streamsByName: new Map(),
      synced: new Map(),
      sorted: undefined,
    };
    this.groupsByName.set(name, group);
    return group;
  }

  private noteStarted(task: SimTask): void {
    if (task.startedAt === undefined || this.seen.has(task)) return;
    this.seen.add(task);
    let tasks = this.started.get(task.family);
    if (tasks === undefined) {
      tasks = [];
      this.started.set(task.family, tasks);
    }
    tasks.push(task);
  }

  /** Makes the streams of tasks that started since the group was last read. */
  private sync(group: LogGroup): void {
    for (const family of group.families) {
      const tasks = this.started.get(family) ?? [];
      const done = group.synced.get(family) ?? 0;
      if (done === tasks.length) continue;
      for (let i = done; i < tasks.length; i++) this.addStreams(group, tasks[i] as SimTask);
      group.synced.set(family, tasks.length);
      group.sorted = undefined;
    }
  }

  private addStreams(group: LogGroup, task: SimTask): void {
    const family = task.family;
    for (const container of task.containers) {
      const target = cloudWatchStream(
        logDestination(this.world, family, container.spec),
        container.spec.name,
        task.id,
      );
      if (target === undefined || target.group !== group.name) continue;
      const source = lineSource(
        family,
        container.spec,
        task,
        imageFor(family, container.spec, task.revision),
      );
      const seed = hashSeed(this.world.seed, "log-stream", group.name, target.stream);
      const ratePerSecond = this.rateFor(family, source);
      const flushMs =
        ratePerSecond * (FLUSH_INTERVAL_MS / 1000) > BATCH_EVENTS
          ? Math.max(250, Math.floor((BATCH_EVENTS * 1000) / ratePerSecond))
          : FLUSH_INTERVAL_MS;
      const stream: LogStream = {
        group,
        name: target.stream,
        arn: logStreamArn(this.world, group.name, target.stream),
        task,
        container,
        source,
        seed,
        idDigits: `${String(seed).padStart(10, "0")}${String(hashSeed(seed, "id")).padStart(10, "0")}`,
        uid: nextUid++,
        ratePerSecond,
        flushMs,
        flushPhaseMs: hashSeed(seed, "phase") % flushMs,
        ingestLatencyMs: MIN_INGEST_LATENCY_MS + (hashSeed(seed, "latency") % 750),
      };
      group.streams.push(stream);
      group.streamsByName.set(stream.name, stream);
    }
  }

  /** An explicit rate applies to every container; the built-in one gives sidecars a share of the app's. */
  private rateFor(family: TaskFamily, source: LineSource): number {
    const explicit = this.rates.byFamily.get(family.name) ?? this.rates.otherwise;
    if (explicit !== undefined) return explicit;
    const appRate = 1 + (hashSeed(this.world.seed, "log-rate", family.name) % 2001) / 1000;
    return appRate * PROGRAM_RATE_SHARE[source.program];
  }
}

/** CloudWatch orders names by their bytes; for the ASCII names here that is code-unit order. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
