// Options of the simulated account, and reading them from DECKHAND_SIM_* environment variables.
import { ALLOW_ALL, parseDenyList, type DenyRule } from "./iam.js";

export interface SimOptions {
  /** Services in the big "prod" cluster (default 42). */
  services?: number;
  /** Total desired tasks spread over prod's services (default 2.5 per service). */
  tasks?: number;
  /** Added delay per call, in ms (default 0). */
  latencyMs?: number;
  /** PRNG seed; the same seed builds the same world (default 1). */
  seed?: number;
  /** Clock in ms (default Date.now); tests inject a fake clock. */
  now?: () => number;
  /** Model the ECS token buckets (default true). */
  throttle?: boolean;
  /** If set, keep this file up to date with per-operation call counts as JSON. */
  callLogPath?: string;
  /**
   * Log lines per second written by every container (default: each service's app 1-3, sidecars
   * less). A map sets it per task definition family, with "*" for the rest.
   */
  logLinesPerSecond?: number | Readonly<Record<string, number>>;
  /** How StartLiveTail answers: "allow" (default), "deny" (AccessDeniedException), "unsupported" (HTTP 500, like moto 5.2.1). */
  liveTail?: LiveTailMode;
  /** Real time between Live Tail updates, in ms (default 1000, as AWS; tests shorten it). */
  liveTailIntervalMs?: number;
  /**
   * Operations to refuse with AccessDeniedException: names ("UpdateService", "ecs:StopTask"),
   * "ecs:*" for one service's mutations, or "*" for every mutation (default: none).
   */
  deny?: string | readonly string[];
}

export type LiveTailMode = "allow" | "deny" | "unsupported";
const LIVE_TAIL_MODES: readonly LiveTailMode[] = ["allow", "deny", "unsupported"];

/** Explicit log rates: per family, and for every other family (undefined: the built-in 1-3 lines/s). */
export interface LogRates {
  byFamily: ReadonlyMap<string, number>;
  otherwise: number | undefined;
}

export interface ResolvedSimOptions {
  services: number;
  tasks: number;
  latencyMs: number;
  seed: number;
  now: () => number;
  throttle: boolean;
  callLogPath: string | undefined;
  logRates: LogRates;
  liveTail: LiveTailMode;
  liveTailIntervalMs: number;
  deny: DenyRule;
}

export const DEFAULT_PROD_SERVICES = 42;
const MAX_SERVICES = 100_000;
const MAX_TASKS = 1_000_000;
/** Lines per second per container; 100,000 is far beyond what CloudWatch accepts from one stream. */
export const MAX_LOG_RATE = 100_000;

export function resolveSimOptions(options: SimOptions = {}): ResolvedSimOptions {
  const services = options.services ?? DEFAULT_PROD_SERVICES;
  check("services", services, 1, MAX_SERVICES);
  const tasks = options.tasks ?? Math.round(services * 2.5);
  check("tasks", tasks, 0, MAX_TASKS);
  const latencyMs = options.latencyMs ?? 0;
  if (!Number.isFinite(latencyMs) || latencyMs < 0)
    throw new Error(`latencyMs must be a number >= 0, got ${latencyMs}`);
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  return {
    services,
    tasks,
    latencyMs,
    seed,
    now: options.now ?? Date.now,
    throttle: options.throttle ?? true,
    callLogPath: options.callLogPath,
    logRates: resolveLogRates(options.logLinesPerSecond),
    liveTail: resolveLiveTail(options.liveTail),
    liveTailIntervalMs: resolveInterval(options.liveTailIntervalMs),
    deny: resolveDeny(options.deny),
  };
}

function resolveLogRates(rates: SimOptions["logLinesPerSecond"]): LogRates {
  if (rates === undefined) return { byFamily: new Map(), otherwise: undefined };
  if (typeof rates === "number")
    return { byFamily: new Map(), otherwise: checkRate("logLinesPerSecond", rates) };
  const byFamily = new Map<string, number>();
  let otherwise: number | undefined;
  for (const [family, rate] of Object.entries(rates)) {
    const checked = checkRate(`logLinesPerSecond["${family}"]`, rate);
    if (family === "*") otherwise = checked;
    else byFamily.set(family, checked);
  }
  return { byFamily, otherwise };
}

function checkRate(name: string, rate: number): number {
  if (typeof rate !== "number" || !Number.isFinite(rate) || rate < 0 || rate > MAX_LOG_RATE) {
    throw new Error(`${name} must be a number from 0 to ${MAX_LOG_RATE}, got ${rate}`);
  }
  return rate;
}

function resolveLiveTail(mode: string | undefined): LiveTailMode {
  if (mode === undefined) return "allow";
  const known = LIVE_TAIL_MODES.find((candidate) => candidate === mode);
  if (known === undefined)
    throw new Error(`liveTail must be one of ${LIVE_TAIL_MODES.join(", ")}, got "${mode}"`);
  return known;
}

function resolveDeny(deny: SimOptions["deny"]): DenyRule {
  if (deny === undefined) return ALLOW_ALL;
  const items = typeof deny === "string" ? splitList(deny) : deny;
  return parseDenyList(items, "deny");
}

/** "a, b,c" as items; an empty or blank string is no items. */
function splitList(raw: string): string[] {
  return raw.trim() === "" ? [] : raw.split(",");
}

function resolveInterval(ms: number | undefined): number {
  if (ms === undefined) return 1000;
  if (!Number.isFinite(ms) || ms < 10 || ms > 60_000) {
    throw new Error(`liveTailIntervalMs must be a number from 10 to 60000, got ${ms}`);
  }
  return ms;
}

function check(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, got ${value}`);
  }
}

export function simOptionsFromEnv(env: NodeJS.ProcessEnv): SimOptions {
  const options: SimOptions = {};
  const services = integerVariable(env, "DECKHAND_SIM_SERVICES", 1, MAX_SERVICES);
  if (services !== undefined) options.services = services;
  const tasks = integerVariable(env, "DECKHAND_SIM_TASKS", 0, MAX_TASKS);
  if (tasks !== undefined) options.tasks = tasks;
  const latencyMs = integerVariable(env, "DECKHAND_SIM_LATENCY_MS", 0, 60_000);
  if (latencyMs !== undefined) options.latencyMs = latencyMs;
  const seed = integerVariable(env, "DECKHAND_SIM_SEED", -(2 ** 31), 2 ** 32 - 1);
  if (seed !== undefined) options.seed = seed;
  const callLogPath = env.DECKHAND_SIM_CALL_LOG;
  if (callLogPath !== undefined && callLogPath !== "") options.callLogPath = callLogPath;
  const logRate = env.DECKHAND_SIM_LOG_RATE;
  if (logRate !== undefined && logRate.trim() !== "") options.logLinesPerSecond = logRateVariable(logRate);
  const liveTail = env.DECKHAND_SIM_LIVETAIL;
  if (liveTail !== undefined && liveTail.trim() !== "") {
    const mode = LIVE_TAIL_MODES.find((candidate) => candidate === liveTail.trim().toLowerCase());
    if (mode === undefined) {
      throw new Error(
        `DECKHAND_SIM_LIVETAIL must be one of ${LIVE_TAIL_MODES.join(", ")}, got "${liveTail}"`,
      );
    }
    options.liveTail = mode;
  }
  const deny = env.DECKHAND_SIM_DENY;
  if (deny !== undefined && deny.trim() !== "") {
    const items = splitList(deny).map((item) => item.trim());
    parseDenyList(items, `DECKHAND_SIM_DENY ("${deny}")`);
    options.deny = items;
  }
  return options;
}

/** "2.5" for every container, or "checkout=800,*=2" per task definition family. */
function logRateVariable(raw: string): number | Record<string, number> {
  const fail = (): never => {
    throw new Error(
      `DECKHAND_SIM_LOG_RATE must be lines per second (0 to ${MAX_LOG_RATE}), or family=rate pairs like "checkout=800,*=2", got "${raw}"`,
    );
  };
  const rate = (text: string): number => {
    const value = /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : Number.NaN;
    return Number.isFinite(value) && value <= MAX_LOG_RATE ? value : fail();
  };
  if (!raw.includes("=")) return rate(raw);
  const rates: Record<string, number> = {};
  for (const pair of raw.split(",")) {
    const [family, value, extra] = pair.split("=");
    if (family === undefined || family.trim() === "" || value === undefined || extra !== undefined) fail();
    else rates[family.trim()] = rate(value);
  }
  return rates;
}

function integerVariable(env: NodeJS.ProcessEnv, name: string, min: number, max: number): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return undefined;
  const text = raw.trim();
  const value = /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}
