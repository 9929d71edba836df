// Options of the simulated account, and reading them from DECKHAND_SIM_* environment variables.

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
}

export interface ResolvedSimOptions {
  services: number;
  tasks: number;
  latencyMs: number;
  seed: number;
  now: () => number;
  throttle: boolean;
  callLogPath: string | undefined;
}

export const DEFAULT_PROD_SERVICES = 42;
const MAX_SERVICES = 100_000;
const MAX_TASKS = 1_000_000;

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
  };
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
  return options;
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
