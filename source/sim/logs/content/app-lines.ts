// What an app container prints while it runs: request or job lines, warnings, errors with stack
// traces, in its language's usual shape (JSON from Node and Go, logback from Java, Python logging
// and gunicorn access logs). A broken revision logs mostly errors, or memory pressure before OOM.
import type { Rng } from "../../random.js";
import type { LineSource } from "./line-source.js";
import { goPanic, javaTrace, nodeStack, pythonTrace } from "./stack-traces.js";
import {
  clfTime,
  errorMessage,
  isoTime,
  job,
  logbackTime,
  packageOf,
  pythonTime,
  request,
  resourceOf,
  warningMessage,
  type Level,
} from "./words.js";

type Fields = Record<string, string | number | boolean>;

export interface Entry {
  level: Level;
  msg: string;
  fields: Fields;
  /** Printed after the line: one event per line for Java and Python, a field for JSON loggers. */
  stack?: string[];
}

/** One record of a running app: usually one line, several for a stack trace. */
export function appRecord(source: LineSource, rng: Rng, t: number): string[] {
  const broken = source.fault !== undefined;
  const leaking = broken && source.fault !== "health";
  const roll = rng.next();
  if (leaking && roll < 0.3) return render(source, t, memoryPressure(source, t));
  const errorRate = leaking ? 0.55 : broken ? 0.4 : 0.012;
  if (roll < errorRate) return render(source, t, failure(source, rng, broken));
  if (roll < errorRate + 0.05) {
    return render(source, t, { level: "warn", msg: warningMessage(source, rng), fields: {} });
  }
  if (source.environment !== "prod" && roll < errorRate + 0.15) {
    return render(source, t, {
      level: "debug",
      msg: `cache ${rng.pick(["hit", "miss"])} for ${resourceOf(source.app)}:${rng.int(1000, 99999)}`,
      fields: {},
    });
  }
  if (source.web && source.language === "python") return [accessLine(source, rng, t, broken)];
  return render(source, t, source.web ? requestEntry(source, rng, broken) : jobEntry(source, rng));
}

function requestEntry(source: LineSource, rng: Rng, broken: boolean): Entry {
  const r = request(source, rng, broken);
  return {
    level: r.status >= 500 ? "error" : r.status >= 400 ? "warn" : "info",
    msg:
      source.language === "java"
        ? `${r.method} ${r.path} -> ${r.status} (${r.latencyMs} ms)`
        : "request completed",
    fields: {
      method: r.method,
      path: r.path,
      status: r.status,
      latency_ms: r.latencyMs,
      bytes: r.bytes,
      remote_ip: r.clientIp,
      user_agent: r.userAgent,
      trace_id: r.traceId,
      request_id: r.requestId,
    },
  };
}

function jobEntry(source: LineSource, rng: Rng): Entry {
  const j = job(source, rng);
  return {
    level: "info",
    msg:
      source.language === "java"
        ? `Processed ${j.batch} records from ${j.queue}-${j.partition} in ${j.durationMs} ms`
        : "processed batch",
    fields: {
      queue: j.queue,
      partition: j.partition,
      offset: j.offset,
      batch_size: j.batch,
      duration_ms: j.durationMs,
      message_id: j.messageId,
      trace_id: rng.hex(32),
    },
  };
}

function failure(source: LineSource, rng: Rng, broken: boolean): Entry {
  const msg =
    broken && source.fault !== "oom" && rng.chance(0.5)
      ? rng.pick([
          `health check failed: dependency ${resourceOf(source.app)}-db unavailable`,
          "database connection failed: connect ECONNREFUSED 10.0.3.17:5432",
          "readiness probe /healthz returned 503: migrations pending",
        ])
      : errorMessage(source, rng);
  const withStack = rng.chance(broken ? 0.25 : 0.4);
  const entry: Entry = { level: "error", msg, fields: { trace_id: rng.hex(32) } };
  if (withStack) entry.stack = stackFor(source, rng);
  return entry;
}

function stackFor(source: LineSource, rng: Rng): string[] {
  switch (source.language) {
    case "java":
      return javaTrace(source.app, rng);
    case "python":
      return pythonTrace(source.app, rng);
    case "go":
      return goPanic(source.app, rng).slice(3);
    default:
      return nodeStack(source.app, rng);
  }
}

/** Heap use climbs from the container's start in a revision that runs out of memory. */
function memoryPressure(source: LineSource, t: number): Entry {
  const limitMb = 2048;
  const seconds = Math.max(0, t - source.startedAt) / 1000;
  const percent = Math.min(99, Math.round(62 + seconds * 1.1));
  const usedMb = Math.round((limitMb * percent) / 100);
  const msg =
    source.language === "java"
      ? `GC overhead high: ${Math.min(98, percent - 5)}% of time in GC over the last 10s, heap ${usedMb}M/${limitMb}M`
      : source.language === "python"
        ? `memory usage ${(usedMb / 1024).toFixed(2)}GiB of ${(limitMb / 1024).toFixed(1)}GiB limit (${percent}%)`
        : "memory pressure high";
  return { level: "warn", msg, fields: { heap_used_mb: usedMb, heap_limit_mb: limitMb, percent } };
}

/** A gunicorn access line (Python web apps). */
function accessLine(source: LineSource, rng: Rng, t: number, broken: boolean): string {
  const r = request(source, rng, broken);
  const bytes = r.bytes === 0 ? "-" : String(r.bytes);
  return `${r.clientIp} - - [${clfTime(t)}] "${r.method} ${r.path} HTTP/1.1" ${r.status} ${bytes} "-" "${r.userAgent}" ${(r.latencyMs / 1000).toFixed(3)}`;
}

const JAVA_LEVEL: Record<Level, string> = { debug: "DEBUG", info: "INFO", warn: "WARN", error: "ERROR" };
const PYTHON_LEVEL: Record<Level, string> = { debug: "DEBUG", info: "INFO", warn: "WARNING", error: "ERROR" };

/** An entry as the app's logger prints it; stack traces of Java and Python follow as lines. */
export function render(source: LineSource, t: number, entry: Entry): string[] {
  const { level, msg, fields, stack } = entry;
  if (source.language === "java") {
    const logger = `c.a.${packageOf(source.app).slice(0, 12)}.${source.web ? "web.RequestLogger" : "consumer.BatchListener"}`;
    const thread = source.web ? `nio-${source.port}-exec-${(t % 9) + 1}` : `kafka-consumer-${t % 4}`;
    const extra = fields.trace_id !== undefined ? ` trace_id=${fields.trace_id}` : "";
    const line = `${logbackTime(t)} ${JAVA_LEVEL[level].padStart(5)} 1 --- [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}${extra}`;
    return stack ? [line, ...stack] : [line];
  }
  if (source.language === "python") {
    const pairs = Object.entries(fields)
      .filter(([key]) => key !== "user_agent")
      .map(([key, value]) => `${key}=${value}`)
      .join(" ");
    const line = `${pythonTime(t)} ${PYTHON_LEVEL[level]} [${packageOf(source.app)}.${source.web ? "views" : "tasks"}] ${msg}${pairs ? ` ${pairs}` : ""}`;
    return stack ? [line, ...stack] : [line];
  }
  const record: Record<string, unknown> =
    source.language === "go"
      ? { level, ts: t / 1000, caller: `${resourceOf(source.app)}/handler.go:${(t % 300) + 20}`, msg }
      : { level, time: isoTime(t), pid: 1, service: source.app, msg };
  Object.assign(record, fields);
  if (stack) {
    if (source.language === "go") record.stacktrace = stack.join("\n");
    else record.err = { type: stack[0]?.split(":")[0] ?? "Error", message: msg, stack: stack.join("\n") };
  }
  return [JSON.stringify(record)];
}
