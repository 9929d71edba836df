// In-memory CloudWatch Logs and ECS for the logs tests: a LogsGateway over a store of events (with
// FilterLogEvents paging, inclusive time bounds and AWS's "stream does not exist" refusal) and
// scriptable Live Tail sessions; an EcsGateway over a list of tasks. Calls are recorded with the time.
import type {
  FilterLogEventsRequest,
  LiveTailSessionLogEvent,
  StartLiveTailRequest,
} from "@aws-sdk/client-cloudwatch-logs";
import type { Task, TaskDefinition } from "@aws-sdk/client-ecs";
import type { EcsGateway } from "../../../../source/aws/ecs-gateway.js";
import { fail, ok, type AwsFailure, type FailureKind } from "../../../../source/aws/failure.js";
import type { LiveTailEvent, LogsGateway } from "../../../../source/aws/logs-gateway.js";

export const ACCOUNT = "123456789012";
export const REGION = "us-east-1";
export const CLUSTER = `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/prod`;
export const taskArn = (id: string) => `arn:aws:ecs:${REGION}:${ACCOUNT}:task/prod/${id}`;

export interface StoredEvent {
  eventId: string;
  timestamp: number;
  message: string;
}

const failure = (kind: FailureKind, operation: string, code: string, message = code): AwsFailure => ({
  kind,
  operation,
  code,
  message,
});

/**
 * A Live Tail session the test drives: push updates, end it with an error, see whether it was
 * aborted. Like AWS it sends an empty update every `heartbeatMs` until it ends, or until silence()
 * makes it hang the way a silently dropped connection does.
 */
export class FakeSession {
  aborted = false;
  private readonly queue: LiveTailEvent[] = [];
  private wake: (() => void) | undefined;
  private heartbeat: ReturnType<typeof setInterval> | undefined;

  constructor(
    readonly request: StartLiveTailRequest,
    heartbeatMs: number,
  ) {
    if (heartbeatMs > 0) this.heartbeat = setInterval(() => this.update([]), heartbeatMs);
  }

  push(event: LiveTailEvent): void {
    if (event.kind === "timeout" || event.kind === "failed") this.silence();
    this.queue.push(event);
    this.wake?.();
  }

  silence(): void {
    clearInterval(this.heartbeat);
  }

  update(events: LiveTailSessionLogEvent[], sampled = false): void {
    this.push({ kind: "update", events, sampled });
  }

  abort(): void {
    this.aborted = true;
    this.silence();
    this.wake?.();
  }

  async *events(): AsyncGenerator<LiveTailEvent> {
    for (;;) {
      if (this.aborted) return;
      const next = this.queue.shift();
      if (next) {
        yield next;
        if (next.kind === "timeout" || next.kind === "failed") return;
        continue;
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }
}

export type LiveTailMode = "ok" | "denied" | "limit" | "server-error";

export function fakeLogs(now: () => number = Date.now) {
  const streams = new Map<string, StoredEvent[]>(); // "group|stream"
  let nextEventId = 1;
  const world = {
    liveTail: "ok" as LiveTailMode,
    pageSize: 10_000,
    /** Live Tail sessions opened from now on send an empty update this often (0: never). */
    heartbeatMs: 1_000,
    /** Answer every open-ended FilterLogEvents page with a nextToken (a group that never catches up). */
    alwaysMore: false,
    filterCalls: [] as { at: number; request: FilterLogEventsRequest }[],
    sessions: [] as FakeSession[],
    /** Events put later reach Live Tail sessions that follow their stream. */
    put(group: string, stream: string, timestamp: number, message: string): StoredEvent {
      const key = `${group}|${stream}`;
      const event = { eventId: String(nextEventId++).padStart(20, "0"), timestamp, message };
      streams.set(key, [...(streams.get(key) ?? []), event]);
      return event;
    },
    createStream(group: string, stream: string): void {
      if (!streams.has(`${group}|${stream}`)) streams.set(`${group}|${stream}`, []);
    },
    liveEvent(group: string, stream: string, timestamp: number, message: string): LiveTailSessionLogEvent {
      const logGroupIdentifier = `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${group}`;
      return { logGroupIdentifier, logStreamName: stream, timestamp, message, ingestionTime: timestamp };
    },
  };

  const gateway = {
    region: REGION,
    forRegion: () => gateway,
    async filterLogEvents(request: FilterLogEventsRequest) {
      world.filterCalls.push({ at: now(), request });
      const group = request.logGroupName ?? "";
      const names = request.logStreamNames ?? [];
      const missing = names.find((name) => !streams.has(`${group}|${name}`));
      if (missing)
        return fail(
          failure(
            "not-found",
            "FilterLogEvents",
            "ResourceNotFoundException",
            "The specified log stream does not exist.",
          ),
        );
      const all = names
        .flatMap((name) =>
          (streams.get(`${group}|${name}`) ?? []).map((e) => ({ ...e, logStreamName: name })),
        )
        .filter(
          (e) =>
            e.timestamp >= (request.startTime ?? -Infinity) && e.timestamp <= (request.endTime ?? Infinity),
        )
        .sort((a, b) => a.timestamp - b.timestamp || a.eventId.localeCompare(b.eventId));
      const offset = Number(request.nextToken ?? 0);
      const events = all.slice(offset, offset + Math.min(world.pageSize, request.limit ?? 10_000));
      const more = offset + events.length < all.length;
      const endless = world.alwaysMore && request.endTime === undefined;
      const nextToken = more || endless ? String(offset + events.length) : undefined;
      return ok({ events, nextToken });
    },
    async startLiveTail(request: StartLiveTailRequest) {
      if (world.liveTail === "denied")
        return fail(failure("denied", "StartLiveTail", "AccessDeniedException"));
      if (world.liveTail === "limit")
        return fail(failure("throttled", "StartLiveTail", "LimitExceededException"));
      if (world.liveTail === "server-error")
        return fail(failure("unavailable", "StartLiveTail", "InternalFailure"));
      const session = new FakeSession(request, world.heartbeatMs);
      world.sessions.push(session);
      session.push({ kind: "started", sessionId: `s${world.sessions.length}` });
      return ok({ events: session.events(), abort: () => session.abort() });
    },
  };
  return { world, logs: gateway as unknown as LogsGateway };
}

export interface FakeTask {
  id: string;
  service?: string;
  lastStatus?: string;
  desiredStatus?: string;
  createdAt: number;
  stoppedAt?: number;
}

export function awslogsDefinition(containers: string[], group = "/ecs/web", prefix = "ecs"): TaskDefinition {
  return {
    taskDefinitionArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/web:1`,
    family: "web",
    revision: 1,
    containerDefinitions: containers.map((name) => ({
      name,
      logConfiguration: {
        logDriver: "awslogs",
        options: { "awslogs-group": group, "awslogs-region": REGION, "awslogs-stream-prefix": prefix },
      },
    })),
  };
}

export function fakeEcs(definition: TaskDefinition, tasks: FakeTask[]) {
  const render = (t: FakeTask): Task => ({
    taskArn: taskArn(t.id),
    clusterArn: CLUSTER,
    taskDefinitionArn: definition.taskDefinitionArn,
    lastStatus: t.lastStatus ?? "RUNNING",
    desiredStatus: t.desiredStatus ?? "RUNNING",
    createdAt: new Date(t.createdAt),
    startedAt: new Date(t.createdAt + 1_000),
    ...(t.stoppedAt ? { stoppedAt: new Date(t.stoppedAt) } : {}),
    group: t.service ? `service:${t.service}` : undefined,
    containers: (definition.containerDefinitions ?? []).map((c) => ({
      name: c.name,
      lastStatus: t.lastStatus ?? "RUNNING",
    })),
  });
  const gateway = {
    async listTaskArns(_cluster: string, filter: { serviceName?: string; desiredStatus?: string } = {}) {
      const wanted = filter.desiredStatus ?? "RUNNING";
      return ok(
        tasks
          .filter((t) => t.service === filter.serviceName && (t.desiredStatus ?? "RUNNING") === wanted)
          .map((t) => taskArn(t.id)),
      );
    },
    async describeTasks(_cluster: string, arns: string[]) {
      return ok(tasks.filter((t) => arns.includes(taskArn(t.id))).map(render));
    },
    async describeTaskDefinition() {
      return ok(definition);
    },
  };
  return { tasks, ecs: gateway as unknown as EcsGateway };
}
