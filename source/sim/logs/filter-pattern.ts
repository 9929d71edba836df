// CloudWatch Logs filter patterns, the parts a log viewer uses: terms (all must appear, case
// sensitive), "quoted phrases", ?term (any of these), -term (none of these), %regex%, and JSON
// conditions { $.level = "error" && $.latency_ms > 100 }. Space-delimited [a, b] patterns are not
// simulated and are refused, rather than silently matching everything as moto does.
import { escapeRegex } from "../../core/text/escape-regex.js";
import { invalidParameter } from "../protocol.js";

export type LineMatcher = (message: string) => boolean;

const MAX_PATTERN = 1024;

export function compileFilterPattern(pattern: string | undefined): LineMatcher {
  if (pattern === undefined) return () => true;
  if (pattern.length > MAX_PATTERN)
    throw invalidParameter(`filterPattern must be at most ${MAX_PATTERN} characters.`);
  const text = pattern.trim();
  if (text === "" || text === '""') return () => true;
  if (text.startsWith("{")) return jsonMatcher(text);
  if (text.startsWith("["))
    throw invalidParameter("Invalid filter pattern: space-delimited patterns are not simulated.");
  if (text.length > 1 && text.startsWith("%") && text.endsWith("%")) {
    try {
      const regex = new RegExp(text.slice(1, -1));
      return (message) => regex.test(message);
    } catch {
      throw invalidParameter("Invalid regex in filter pattern.");
    }
  }
  return termMatcher(text);
}

function termMatcher(text: string): LineMatcher {
  const all: string[] = [];
  const any: string[] = [];
  const none: string[] = [];
  for (const match of text.matchAll(/([?-]?)(?:"((?:[^"\\]|\\.)*)"|(\S+))/g)) {
    const term = match[2] !== undefined ? match[2].replace(/\\(.)/g, "$1") : (match[3] ?? "");
    if (term === "") continue;
    if (match[1] === "?") any.push(term);
    else if (match[1] === "-") none.push(term);
    else all.push(term);
  }
  return (message) =>
    all.every((term) => message.includes(term)) &&
    (any.length === 0 || any.some((term) => message.includes(term))) &&
    !none.some((term) => message.includes(term));
}

type Comparison = (value: unknown) => boolean;

function jsonMatcher(text: string): LineMatcher {
  if (!text.endsWith("}")) throw invalidParameter("Invalid filter pattern: unbalanced braces.");
  const body = text.slice(1, -1);
  const alternatives = body
    .split("||")
    .map((part) => part.split("&&").map((condition) => parseCondition(condition)));
  return (message) => {
    if (!message.trimStart().startsWith("{")) return false;
    let parsed: unknown;
    try {
      parsed = JSON.parse(message);
    } catch {
      return false;
    }
    return alternatives.some((conditions) =>
      conditions.every(({ path, test }) => test(select(parsed, path))),
    );
  };
}

function parseCondition(condition: string): { path: Array<string | number>; test: Comparison } {
  const match = /^\s*\(?\s*\$((?:\.[A-Za-z0-9_@-]+|\[\d+\])+)\s*(=|!=|>=|<=|>|<)\s*(.+?)\s*\)?\s*$/.exec(
    condition,
  );
  if (match === null) throw invalidParameter("Invalid filter pattern: expected { $.field = value }.");
  const [, selector = "", operator = "=", raw = ""] = match;
  const path = [...selector.matchAll(/\.([A-Za-z0-9_@-]+)|\[(\d+)\]/g)].map((part) =>
    part[1] !== undefined ? part[1] : Number(part[2]),
  );
  return { path, test: comparison(operator, raw) };
}

function comparison(operator: string, raw: string): Comparison {
  const number = Number(raw);
  if (raw !== "" && Number.isFinite(number) && !raw.startsWith('"')) {
    return (value) => {
      if (typeof value !== "number") return operator === "!=";
      return numericTest(operator, value - number);
    };
  }
  if (operator !== "=" && operator !== "!=")
    throw invalidParameter("Invalid filter pattern: ordering needs a number.");
  const literal = raw === "true" || raw === "false" || raw === "null" ? raw : raw.replace(/^"(.*)"$/, "$1");
  const wildcard = new RegExp(`^${literal.split("*").map(escapeRegex).join(".*")}$`);
  const equal = (value: unknown): boolean =>
    value === null
      ? wildcard.test("null")
      : (typeof value === "string" || typeof value === "number" || typeof value === "boolean") &&
        wildcard.test(String(value));
  return operator === "=" ? equal : (value) => !equal(value);
}

function numericTest(operator: string, diff: number): boolean {
  switch (operator) {
    case "=":
      return diff === 0;
    case "!=":
      return diff !== 0;
    case ">":
      return diff > 0;
    case "<":
      return diff < 0;
    case ">=":
      return diff >= 0;
    default:
      return diff <= 0;
  }
}

function select(value: unknown, path: Array<string | number>): unknown {
  let current = value;
  for (const step of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}
