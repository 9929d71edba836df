// The lines of one stream, made on demand for any time window: each second of a running container
// is a bucket whose lines come from a random stream seeded by (world seed, stream, second), so a
// window costs what it holds and the same second always reads the same. Start, stop and crash
// lines are added from the task's timeline. Lines are ordered by (timestamp, index in its second).
import { Rng, hashSeed } from "../random.js";
import { hostileKindAt, hostileLine, HOSTILE_KINDS } from "./content/hostile-lines.js";
import {
  exitRecords,
  jobDoneRecords,
  outOfMemoryRecords,
  startupRecords,
  terminatingRecords,
} from "./content/lifecycle-lines.js";
import { runningRecord } from "./content/records.js";
import type { LogStream } from "./registry.js";
import {
  LAST_WORDS_LEAD_MS,
  STARTUP_MS,
  readableBefore,
  streamTimes,
  type StreamTimes,
} from "./stream-timeline.js";

export interface LineKey {
  t: number;
  idx: number;
}

export interface LogLine extends LineKey {
  message: string;
}

/** Start, stop and crash lines are numbered from here, after any second's running lines. */
const SCRIPTED_IDX = 1_000_000_000;
export const MAX_IDX = 9_999_999_999;

export const compareKeys = (a: LineKey, b: LineKey): number => a.t - b.t || a.idx - b.idx;

/** A stream as of one request: its timeline, its scripted lines and how far it is readable. */
export interface StreamView {
  stream: LogStream;
  times: StreamTimes;
  scripted: LogLine[];
  readableBefore: number;
}

export function viewStream(stream: LogStream, now: number): StreamView {
  const times = streamTimes(stream);
  return {
    stream,
    times,
    scripted: scriptedLines(stream, times),
    readableBefore: readableBefore(stream, times, now),
  };
}

/** Lines after `after`, oldest first, with timestamps before `before`. */
export function* linesAfter(view: StreamView, after: LineKey, before: number): Generator<LogLine> {
  const end = Math.min(before, view.readableBefore);
  const from = Math.max(after.t, view.times.start);
  for (let bucket = Math.floor(from / 1000); bucket * 1000 < end; bucket++) {
    for (const line of linesInSecond(view, bucket)) {
      if (line.t >= end) return;
      if (compareKeys(line, after) > 0) yield line;
    }
  }
}

/** Lines before `before`, newest first, with timestamps from `notBefore` on. */
export function* linesBefore(
  view: StreamView,
  before: LineKey,
  notBefore: number,
  maxSeconds = Infinity,
): Generator<LogLine> {
  const floor = Math.max(notBefore, view.times.start);
  const top = Math.min(before.t, view.readableBefore - 1);
  const last = Math.floor(top / 1000);
  for (let bucket = last; bucket * 1000 + 999 >= floor && last - bucket < maxSeconds; bucket--) {
    const lines = linesInSecond(view, bucket);
    for (let i = lines.length - 1; i >= 0; i--) {
      const line = lines[i] as LogLine;
      if (line.t < floor) return;
      if (compareKeys(line, before) < 0) yield line;
    }
  }
}

/** The newest readable line, looking back at most ten minutes of running lines. */
export function newestLine(view: StreamView): LogLine | undefined {
  const top = { t: view.readableBefore, idx: -1 };
  const found = linesBefore(view, top, view.times.start, 600).next();
  if (!found.done) return found.value;
  for (let i = view.scripted.length - 1; i >= 0; i--) {
    const line = view.scripted[i] as LogLine;
    if (line.t < view.readableBefore) return line;
  }
  return undefined;
}

export function oldestLine(view: StreamView): LogLine | undefined {
  const found = linesAfter(view, { t: view.times.start - 1, idx: MAX_IDX }, Infinity).next();
  return found.done ? undefined : found.value;
}

/** AWS event ids are 56 digits; these are the timestamp, the stream and the line's index. */
export function eventId(stream: LogStream, line: LineKey): string {
  return `${String(line.t).padStart(15, "0")}${stream.idDigits}${String(line.idx).padStart(21, "0")}`;
}

/** The readable lines of one second, running and scripted, in order. */
function linesInSecond(view: StreamView, bucket: number): LogLine[] {
  const { times } = view;
  const from = bucket * 1000;
  const to = from + 1000;
  const out: LogLine[] = [];
  const runningFrom = times.start + STARTUP_MS;
  if (to > runningFrom && from < times.runningEnd) {
    for (const line of runningSecond(view.stream, bucket)) {
      if (line.t >= runningFrom && line.t < times.runningEnd && line.t < view.readableBefore) out.push(line);
    }
  }
  let scriptedAdded = false;
  for (const line of view.scripted) {
    if (line.t >= from && line.t < to && line.t < view.readableBefore) {
      out.push(line);
      scriptedAdded = true;
    }
  }
  return scriptedAdded ? out.sort(compareKeys) : out;
}

function scriptedLines(stream: LogStream, times: StreamTimes): LogLine[] {
  const { source } = stream;
  const out: LogLine[] = [];
  let idx = SCRIPTED_IDX;
  const add = (records: string[][], at: number, step: number): void => {
    records.forEach((record, i) => {
      for (const message of record) out.push({ t: at + i * step, idx: idx++, message });
    });
  };
  add(startupRecords(source, times.start), times.start, 3);
  if (source.hostile) {
    const first = HOSTILE_KINDS.map((kind, i) => [hostileLine(kind, 1000 + i)]);
    add(first, times.start + 600, 5);
  }
  const stop = times.stop;
  if (stop?.kind === "out-of-memory") {
    add(outOfMemoryRecords(source, stop.at - LAST_WORDS_LEAD_MS), stop.at - LAST_WORDS_LEAD_MS, 1);
  } else if (stop?.kind === "job-done") {
    add(jobDoneRecords(source, stop.at - LAST_WORDS_LEAD_MS), stop.at - LAST_WORDS_LEAD_MS, 1);
  } else if (stop?.kind === "terminated") {
    add(terminatingRecords(source, stop.at + 1), stop.at + 1, 2);
    if (times.closedAt !== undefined) add(exitRecords(source, times.closedAt), times.closedAt, 0);
  }
  return out.sort(compareKeys);
}

// Running seconds are pure functions of (stream, second), so recently made ones are kept.
const CACHE_LINES = 50_000;
const cache = new Map<string, LogLine[]>();
let cachedLines = 0;

function runningSecond(stream: LogStream, bucket: number): LogLine[] {
  const key = `${stream.uid}:${bucket}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const lines = makeRunningSecond(stream, bucket);
  cache.set(key, lines);
  cachedLines += lines.length + 1;
  for (const [oldKey, old] of cache) {
    if (cachedLines <= CACHE_LINES) break;
    cache.delete(oldKey);
    cachedLines -= old.length + 1;
  }
  return lines;
}

function makeRunningSecond(stream: LogStream, bucket: number): LogLine[] {
  const rng = new Rng(hashSeed(stream.seed, bucket));
  const count = poisson(rng, stream.ratePerSecond);
  const offsets: number[] = [];
  for (let i = 0; i < count; i++) offsets.push(rng.int(0, 999));
  offsets.sort((a, b) => a - b);
  const hostile = stream.source.hostile ? hostileKindAt(bucket) : undefined;
  const lines: LogLine[] = [];
  const push = (t: number, messages: string[]): void => {
    for (const message of messages) lines.push({ t, idx: lines.length, message });
  };
  let hostileDone = hostile === undefined;
  for (const offset of offsets) {
    if (!hostileDone && offset >= 500) {
      push(bucket * 1000 + 500, [hostileLine(hostile as NonNullable<typeof hostile>, 5000 + bucket)]);
      hostileDone = true;
    }
    const t = bucket * 1000 + offset;
    push(t, runningRecord(stream.source, rng, t));
  }
  if (!hostileDone && hostile !== undefined) push(bucket * 1000 + 500, [hostileLine(hostile, 5000 + bucket)]);
  return lines;
}

/** Lines per second vary like independent events would: Poisson, or its normal approximation. */
function poisson(rng: Rng, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 30) {
    const gaussian = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
    return Math.max(0, Math.round(mean + gaussian * Math.sqrt(mean)));
  }
  const limit = Math.exp(-mean);
  let product = rng.next();
  let count = 0;
  while (product > limit) {
    count++;
    product *= rng.next();
  }
  return count;
}
