// The simulated AWS account behind `deckhand --demo`: plug `requestHandler` into an SDK v3
// client and it answers the real ECS JSON 1.1 protocol from a deterministic, time-driven world.
//
//   const sim = createSimulatedAccount();
//   const ecs = new ECSClient({ region: sim.region, credentials, requestHandler: sim.requestHandler });
import { CallTally, type CallCounter } from "./call-counter.js";
import { startCallLog } from "./call-log.js";
import { createEcsService } from "./ecs/index.js";
import { buildWorld } from "./ecs/scenario.js";
import type { World } from "./ecs/world.js";
import { resolveSimOptions, type SimOptions } from "./options.js";
import { createRequestHandler, type SimRequestHandler } from "./request-handler.js";
import { TokenBuckets } from "./token-buckets.js";

export type { CallCounter } from "./call-counter.js";
export { createFakeClock, type FakeClock } from "./fake-clock.js";
export { simOptionsFromEnv, type SimOptions } from "./options.js";

export interface SimulatedAccount {
  readonly region: string;
  readonly accountId: string;
  /** Pass as `requestHandler` to any SDK v3 client (ECS today). */
  readonly requestHandler: SimRequestHandler;
  readonly calls: CallCounter;
  /** The simulated world, for tests and tooling that need to look behind the API. */
  readonly world: World;
}

export function createSimulatedAccount(options: SimOptions = {}): SimulatedAccount {
  const resolved = resolveSimOptions(options);
  const world = buildWorld(resolved, resolved.now());
  const calls = new CallTally();
  if (resolved.callLogPath !== undefined) {
    const log = startCallLog(resolved.callLogPath, calls);
    calls.onChange(log.touch);
  }
  const requestHandler = createRequestHandler({
    services: [createEcsService(world, resolved.now)],
    calls,
    buckets: resolved.throttle ? new TokenBuckets(resolved.now) : undefined,
    latencyMs: resolved.latencyMs,
  });
  return { region: world.region, accountId: world.accountId, requestHandler, calls, world };
}
