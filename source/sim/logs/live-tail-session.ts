// One Live Tail session: the response body is a Node Readable of event stream frames, one
// sessionStart and then a sessionUpdate every interval of real time (empty when nothing arrived).
// The timer is unref'd and stops when the body is destroyed, the request is aborted, or the
// session times out after 3 hours of simulated time. A consumer that stops reading gets at most
// 10 updates buffered for it; older ones are dropped, as CloudWatch does.
import { Readable } from "node:stream";
import { abortError, onAbort, type AnyAbortSignal } from "../abort.js";
import { eventMessage, exceptionMessage } from "./event-stream.js";
import type { TailCursor } from "./live-tail-update.js";

export const SESSION_TIMEOUT_MS = 3 * 60 * 60 * 1000;
const MAX_BUFFERED_UPDATES = 10;

export interface SessionPlan {
  start: Record<string, unknown>;
  cursor: TailCursor;
  /** Simulated time, after bringing the world up to date. */
  now: () => number;
  intervalMs: number;
  signal: AnyAbortSignal | undefined;
  /** Called once when the session ends, however it ends. */
  onClose: () => void;
}

export function openSession(plan: SessionPlan): Readable {
  const startedAt = plan.now();
  const queue: Uint8Array[] = [];
  let wanting = false;
  let ending = false;
  let ended = false;
  let closed = false;
  // Started first so that close() can always clear it; the first tick comes after setup.
  const timer = setInterval(() => tick(), plan.intervalMs);
  timer.unref();
  let detachAbort = (): void => {};

  const close = (): void => {
    if (closed) return;
    closed = true;
    clearInterval(timer);
    detachAbort();
    plan.onClose();
  };

  const body = new Readable({
    read() {
      wanting = true;
      drain();
    },
    destroy(error, callback) {
      close();
      callback(error);
    },
  });
  // Errors reach whoever reads the body; without a reader an abort must not become an uncaught error.
  body.on("error", () => {});

  const drain = (): void => {
    while (wanting && queue.length > 0) wanting = body.push(queue.shift());
    if (ending && !ended && queue.length === 0) {
      ended = true;
      body.push(null);
    }
  };

  const send = (frame: Uint8Array): void => {
    queue.push(frame);
    // Unread updates beyond the buffer are dropped oldest first; an unread sessionStart stays.
    while (queue.length > MAX_BUFFERED_UPDATES) queue.splice(queue[0] === startFrame ? 1 : 0, 1);
    drain();
  };

  const finish = (frame: Uint8Array): void => {
    send(frame);
    ending = true;
    close();
    drain();
  };

  const tick = (): void => {
    if (closed) return;
    try {
      const now = plan.now();
      if (now - startedAt >= SESSION_TIMEOUT_MS) {
        finish(
          exceptionMessage(
            "SessionTimeoutException",
            "Session timed out after 3 hours. Start a new session.",
          ),
        );
        return;
      }
      send(eventMessage("sessionUpdate", plan.cursor.next(now)));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      finish(exceptionMessage("SessionStreamingException", `Simulator failure: ${message}`));
    }
  };

  const startFrame = eventMessage("sessionStart", plan.start);
  send(startFrame);

  const signal = plan.signal;
  if (signal !== undefined) {
    const abort = (): void => {
      close();
      body.destroy(abortError(signal));
    };
    if (signal.aborted) abort();
    else detachAbort = onAbort(signal, abort);
  }
  return body;
}
