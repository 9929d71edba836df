// Shared vocabulary of the simulated log lines: timestamp formats, request paths, clients, ids.
import type { Rng } from "../../random.js";
import type { LineSource } from "./line-source.js";

export type Level = "debug" | "info" | "warn" | "error";

/** 2026-01-15T09:30:01.123Z */
export const isoTime = (t: number): string => new Date(t).toISOString();
/** 2026-01-15 09:30:01.123 (logback's default) */
export const logbackTime = (t: number): string => isoTime(t).replace("T", " ").slice(0, 23);
/** 2026-01-15 09:30:01,123 (Python logging's default) */
export const pythonTime = (t: number): string => logbackTime(t).replace(".", ",");
/** 2026/01/15 09:30:01 (fluent-bit) */
export const slashTime = (t: number): string => isoTime(t).slice(0, 19).replace(/-/g, "/").replace("T", " ");

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** 15/Jan/2026:09:30:01 +0000 (common log format) */
export function clfTime(t: number): string {
  const d = new Date(t);
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** "orders" for orders-api, "payments" for payments-worker: what a service's URLs and logger names are about. */
export function resourceOf(app: string): string {
  const trimmed = app.replace(
    /-(api|worker|gateway|service|sender|consumer|indexer|runner|generator|portal)$/,
    "",
  );
  return trimmed === "" ? app : trimmed;
}

/** A Java/Python package segment from a name: "payments-worker" → "paymentsworker". */
export const packageOf = (app: string): string => app.replace(/[^a-z0-9]/g, "");
/** A class name from a name: "payments-worker" → "PaymentsWorker". */
export const classOf = (app: string): string =>
  app
    .split(/[^a-zA-Z0-9]/)
    .filter((part) => part !== "")
    .map((part) => part[0]?.toUpperCase() + part.slice(1))
    .join("");

export interface Request {
  method: string;
  path: string;
  status: number;
  latencyMs: number;
  bytes: number;
  clientIp: string;
  userAgent: string;
  traceId: string;
  requestId: string;
}

const USER_AGENTS = [
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
  "okhttp/4.12.0",
  "acme-ios/5.12.1 (iPhone; iOS 17.5)",
  "python-requests/2.32.3",
  "Go-http-client/1.1",
];

export function clientIp(rng: Rng): string {
  return `10.0.${rng.int(0, 95)}.${rng.int(4, 254)}`;
}

/** A request a service answers; a broken revision fails more of them. */
export function request(source: LineSource, rng: Rng, failing: boolean): Request {
  const resource = resourceOf(source.app);
  const health = rng.chance(0.12);
  const method = health ? "GET" : rng.pick(["GET", "GET", "GET", "POST", "PUT", "DELETE", "PATCH"]);
  const path = health
    ? "/healthz"
    : rng.pick([
        `/api/v1/${resource}`,
        `/api/v1/${resource}/${rng.int(1000, 99999)}`,
        `/api/v1/${resource}/${rng.int(1000, 99999)}/items`,
        `/api/v2/${resource}/search?q=${rng.pick(["shoes", "red+dress", "usb-c", "gift"])}&page=${rng.int(1, 9)}`,
      ]);
  const roll = rng.next();
  let status = method === "POST" ? 201 : method === "DELETE" ? 204 : 200;
  if (failing && roll < 0.4) status = rng.pick([500, 502, 503, 504]);
  else if (roll < 0.01) status = 500;
  else if (roll < 0.05) status = rng.pick([400, 401, 403, 404, 404, 409, 422, 429]);
  const slow = rng.chance(0.03);
  const latencyMs = Math.round((slow ? rng.between(800, 4000) : rng.exponential(35) + 2) * 10) / 10;
  return {
    method,
    path,
    status,
    latencyMs: failing && status >= 500 ? Math.round(rng.between(3000, 30000)) : latencyMs,
    bytes: status === 204 ? 0 : rng.int(2, 24_000),
    clientIp: health ? `10.0.${rng.int(0, 95)}.${rng.int(4, 254)}` : clientIp(rng),
    userAgent: health ? "ELB-HealthChecker/2.0" : rng.pick(USER_AGENTS),
    traceId: rng.hex(32),
    requestId: rng.uuid(),
  };
}

export interface Job {
  queue: string;
  partition: number;
  offset: number;
  batch: number;
  durationMs: number;
  messageId: string;
}

export function job(source: LineSource, rng: Rng): Job {
  return {
    queue: `${resourceOf(source.app)}-events`,
    partition: rng.int(0, 11),
    offset: rng.int(1_000_000, 90_000_000),
    batch: rng.pick([1, 10, 25, 50, 100]),
    durationMs: Math.round(rng.exponential(120) + 3),
    messageId: rng.uuid(),
  };
}

/** Errors a service runs into now and then (a broken revision, all the time). */
export function errorMessage(source: LineSource, rng: Rng): string {
  const resource = resourceOf(source.app);
  return rng.pick([
    `upstream ${rng.pick(["pricing", "inventory", "auth", "user-profile"])} returned 503 after 3 attempts`,
    `timeout after 5000ms waiting for connection from pool (${resource}-db, active=20, idle=0, waiting=14)`,
    `failed to publish event to ${resource}-events: connection reset by peer`,
    `could not serialize access due to concurrent update on ${resource} ${rng.int(1000, 99999)}`,
    `Redis command timed out after 1000ms (GET session:${rng.hex(12)})`,
    `circuit breaker OPEN for ${rng.pick(["payments-api", "tax-calculator", "geo-lookup"])}: 50% of the last 20 calls failed`,
  ]);
}

export function warningMessage(source: LineSource, rng: Rng): string {
  return rng.pick([
    `slow query took ${rng.int(500, 4000)}ms: SELECT * FROM ${resourceOf(source.app).replace(/-/g, "_")} WHERE id = $1`,
    `retrying request to ${rng.pick(["pricing", "auth", "search-api"])} (attempt 2 of 3)`,
    `rate limit at 80% for client ${rng.hex(8)}`,
    `cache miss ratio 0.${rng.int(35, 80)} over the last minute`,
    `deprecated API version v1 called by ${rng.pick(["acme-ios/5.9.0", "partner-sync/1.4"])}`,
  ]);
}
