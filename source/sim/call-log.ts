// Mirrors the call counter into a JSON file, so a test driving the built binary in a pty can see
// which AWS calls the UI made: { calls, throttled, total, mutations }. Writes are coalesced (at most
// one every ~200 ms, off the request path), except that a call to a mutating operation is written
// synchronously before it is answered, and a last synchronous write happens when the process exits.
import { renameSync, writeFileSync } from "node:fs";
import { rename, writeFile } from "node:fs/promises";
import type { CallCounter } from "./call-counter.js";

const WRITE_INTERVAL_MS = 200;

export interface CallLog {
  /** Marks the log stale; it is rewritten soon. */
  touch: () => void;
  /** Writes now, synchronously. */
  flush: () => void;
}

export function startCallLog(path: string, counter: CallCounter): CallLog {
  const temporary = `${path}.${process.pid}.tmp`;
  // Synchronous writes use their own file, so they never interleave with an asynchronous one.
  const syncTemporary = `${path}.${process.pid}.sync.tmp`;
  let timer: NodeJS.Timeout | undefined;
  let writing = false;
  let dirty = false;
  /** Synchronous writes so far: an asynchronous write that one overtook must not land after it. */
  let flushes = 0;

  const snapshot = (): string =>
    `${JSON.stringify({
      calls: counter.byOperation(),
      throttled: counter.throttled(),
      total: counter.total(),
      mutations: counter.mutations(),
    })}\n`;

  const writeSoon = (): void => {
    dirty = true;
    if (timer !== undefined || writing) return;
    timer = setTimeout(() => {
      timer = undefined;
      dirty = false;
      writing = true;
      const flushesBefore = flushes;
      // Write beside the file and rename over it, so a reader never sees half a file.
      writeFile(temporary, snapshot())
        .then(() => (flushes === flushesBefore ? rename(temporary, path) : undefined))
        .catch(() => {
          // The log is a test aid; a failed write must never break the simulated account.
        })
        .finally(() => {
          writing = false;
          if (dirty) writeSoon();
        });
    }, WRITE_INTERVAL_MS);
    timer.unref();
  };

  const flush = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    flushes += 1;
    // An asynchronous write under way holds an older snapshot: it is not renamed over this one,
    // and a fresh one follows it.
    dirty = writing;
    try {
      writeFileSync(syncTemporary, snapshot());
      renameSync(syncTemporary, path);
    } catch {
      // Same as above: best effort only.
    }
  };

  flush();
  process.once("exit", flush);
  return { touch: writeSoon, flush };
}
