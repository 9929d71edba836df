// Guesses a line's level the way people read logs: a JSON "level"/"severity" field (names or
// pino/bunyan numbers), a logfmt level=…, or an upper-case marker near the start of the line.
import type { LogLevel } from "./log-line.js";

const WORDS: Record<string, LogLevel> = {
  fatal: "error",
  panic: "error",
  emerg: "error",
  emergency: "error",
  alert: "error",
  crit: "error",
  critical: "error",
  error: "error",
  err: "error",
  severe: "error",
  warn: "warn",
  warning: "warn",
  info: "info",
  information: "info",
  notice: "info",
  debug: "debug",
  trace: "debug",
  verbose: "debug",
  fine: "debug",
};

const JSON_FIELDS = ["level", "severity", "lvl", "loglevel", "log_level", "levelname", "log.level"];
/** JSON is parsed only when short enough for that to be cheap at thousands of lines a second. */
const MAX_JSON_CHARS = 16_384;
/** Markers count only near the start, so "retrying after error" mid-sentence is not an error line. */
const HEAD_CHARS = 120;
const LOGFMT = /(?:^|\s)(?:level|lvl|severity)=["']?([A-Za-z]+)/;
const MARKER =
  /(?:^|[\s[(|:])(FATAL|PANIC|CRITICAL|CRIT|ERROR|ERR|SEVERE|WARNING|WARN|INFO|NOTICE|DEBUG|TRACE)(?=$|[\s\]):|,])/;

export function detectLevel(message: string): LogLevel | undefined {
  const trimmed = message.trimStart();
  if (trimmed.startsWith("{") && trimmed.length <= MAX_JSON_CHARS) {
    const level = jsonLevel(trimmed);
    if (level) return level;
  }
  const head = trimmed.slice(0, HEAD_CHARS);
  const logfmt = LOGFMT.exec(head);
  if (logfmt) return WORDS[logfmt[1]!.toLowerCase()];
  const marker = MARKER.exec(head);
  return marker ? WORDS[marker[1]!.toLowerCase()] : undefined;
}

function jsonLevel(text: string): LogLevel | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined; // not JSON after all: fall back to text markers
  }
  if (typeof parsed !== "object" || parsed === null) return undefined;
  const record = parsed as Record<string, unknown>;
  for (const field of JSON_FIELDS) {
    const value = record[field];
    if (typeof value === "string") {
      const level = WORDS[value.toLowerCase()];
      if (level) return level;
    }
    if (typeof value === "number") return numericLevel(value);
  }
  return undefined;
}

/** pino/bunyan: 10 trace, 20 debug, 30 info, 40 warn, 50 error, 60 fatal. */
function numericLevel(value: number): LogLevel | undefined {
  if (value >= 50) return "error";
  if (value >= 40) return "warn";
  if (value >= 30) return "info";
  if (value >= 10) return "debug";
  return undefined;
}
