// When a stream's container wrote and when CloudWatch had its lines. A container writes from its
// start until it exits; awslogs ships a batch every flush interval and the last one at exit, so a
// line is readable once its batch has arrived. Everything here is read from the task as it is at
// the time of the request; a line at time t only depends on what the task had done by then, and
// nothing written in the last MIN_INGEST_LATENCY_MS is ever readable, so later knowledge (the
// container is about to die) may shape those last moments without changing what anyone has seen.
import { OUT_OF_MEMORY } from "../ecs/stop-reasons.js";
import type { LogStream } from "./registry.js";

/** Startup lines come first; running lines begin after this. */
export const STARTUP_MS = 1500;
/** Last words (OOM, job done) come this long before the container exits; running lines stop earlier. */
export const LAST_WORDS_LEAD_MS = 20;
const QUIET_BEFORE_EXIT_MS = 60;

export type StopKind = "out-of-memory" | "job-done" | "terminated";

export interface StreamTimes {
  /** The container's start: the stream's creation time and its first line. */
  start: number;
  /** Running lines are written in [start + STARTUP_MS, runningEnd). */
  runningEnd: number;
  /** When the container exited and the driver sent its last batch; undefined while it runs. */
  closedAt: number | undefined;
  stop: { kind: StopKind; at: number } | undefined;
}

export function streamTimes(stream: LogStream): StreamTimes {
  const { task, container } = stream;
  const start = task.startedAt ?? task.createdAt;
  const stoppingAt = task.stoppingAt;
  if (stoppingAt === undefined) return { start, runningEnd: Infinity, closedAt: undefined, stop: undefined };
  const app = container.spec.role === "app";
  if (app && container.exitCode === 137 && container.reason === OUT_OF_MEMORY) {
    return {
      start,
      runningEnd: stoppingAt - QUIET_BEFORE_EXIT_MS,
      closedAt: stoppingAt,
      stop: { kind: "out-of-memory", at: stoppingAt },
    };
  }
  if (app && container.exitCode === 0 && task.stopCode === "EssentialContainerExited") {
    return {
      start,
      runningEnd: stoppingAt - QUIET_BEFORE_EXIT_MS,
      closedAt: stoppingAt,
      stop: { kind: "job-done", at: stoppingAt },
    };
  }
  return {
    start,
    runningEnd: stoppingAt,
    closedAt: task.executionStoppedAt,
    stop: { kind: "terminated", at: stoppingAt },
  };
}

/** Lines with a timestamp before this have reached CloudWatch by `now`. */
export function readableBefore(stream: LogStream, times: StreamTimes, now: number): number {
  const { closedAt } = times;
  if (closedAt !== undefined && now >= closedAt + stream.ingestLatencyMs) return closedAt + 1;
  const shipped = now - stream.ingestLatencyMs;
  const { flushMs, flushPhaseMs } = stream;
  return flushPhaseMs + Math.floor((shipped - flushPhaseMs) / flushMs) * flushMs;
}

/** When CloudWatch received the line written at `t`: its batch's flush, or the container's exit. */
export function ingestionTime(stream: LogStream, times: StreamTimes, t: number): number {
  const { flushMs, flushPhaseMs } = stream;
  const flushed = flushPhaseMs + (Math.floor((t - flushPhaseMs) / flushMs) + 1) * flushMs;
  const sent = times.closedAt !== undefined ? Math.min(flushed, times.closedAt) : flushed;
  return sent + stream.ingestLatencyMs;
}
