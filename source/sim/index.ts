// The simulated AWS account behind `deckhand --demo`: plug `requestHandler` into an SDK v3
// client and it answers the real ECS, CloudWatch Logs, Application Auto Scaling, SSM (sessions
// only) and ECR (image reads) JSON 1.1 protocols, and Elastic Load Balancing v2's Query protocol
// (target groups and target health), from a deterministic, time-driven world.
//
//   const sim = createSimulatedAccount();
//   const ecs = new ECSClient({ region: sim.region, credentials, requestHandler: sim.requestHandler });
//   const logs = new CloudWatchLogsClient({ /* the same options */ });
//   const scaling = new ApplicationAutoScalingClient({ /* the same options */ });
import { createAutoScalingService, type ScalingRegistry } from "./autoscaling/index.js";
import { CallTally, type CallCounter } from "./call-counter.js";
import { startCallLog } from "./call-log.js";
import { createEcrService } from "./ecr/index.js";
import { createEcsService } from "./ecs/index.js";
import { createElbv2Service } from "./elbv2/index.js";
import { buildWorld } from "./ecs/scenario.js";
import type { World } from "./ecs/world.js";
import { createLogsService } from "./logs/index.js";
import type { LogRegistry } from "./logs/registry.js";
import { resolveSimOptions, type SimOptions } from "./options.js";
import { createRequestHandler, type SimRequestHandler } from "./request-handler.js";
import { createSsmService } from "./ssm/index.js";
import { SessionRegistry } from "./ssm/sessions.js";
import { TokenBuckets } from "./token-buckets.js";

export type { CallCounter, MutationRecord } from "./call-counter.js";
export { execCases, type ExecCase, type ExecCases } from "./ecs/exec-cases.js";
export { decodeSessionToken, type SimSessionToken } from "./session-token.js";
export type { SessionRegistry, SimSessionRecord } from "./ssm/sessions.js";
export { createFakeClock, type FakeClock } from "./fake-clock.js";
export { simOptionsFromEnv, type LiveTailMode, type SimOptions } from "./options.js";

export interface SimulatedAccount {
  readonly region: string;
  readonly accountId: string;
  /** Pass as `requestHandler` to an SDK v3 ECS or CloudWatch Logs client. */
  readonly requestHandler: SimRequestHandler;
  readonly calls: CallCounter;
  /** The simulated world, for tests and tooling that need to look behind the API. */
  readonly world: World;
  /** The CloudWatch log groups and streams, for tests that need to look behind the API. */
  readonly logs: LogRegistry;
  /** Application Auto Scaling's targets, policies and activities, for tests that look behind the API. */
  readonly autoScaling: ScalingRegistry;
  /** Session Manager sessions opened by ExecuteCommand and StartSession (`sim.ssm.sessions()`). */
  readonly ssm: SessionRegistry;
}

export function createSimulatedAccount(options: SimOptions = {}): SimulatedAccount {
  const resolved = resolveSimOptions(options);
  const world = buildWorld(resolved, resolved.now());
  const calls = new CallTally();
  if (resolved.callLogPath !== undefined) {
    const log = startCallLog(resolved.callLogPath, calls);
    calls.onChange(log.touch);
    calls.onMutation(log.flush);
  }
  const logs = createLogsService(world, resolved);
  const autoScaling = createAutoScalingService(world, resolved.now);
  const sessions = new SessionRegistry(world, () => world.time);
  const requestHandler = createRequestHandler({
    services: [
      createEcsService(world, resolved.now, sessions),
      logs.service,
      autoScaling.service,
      createSsmService(world, resolved.now, sessions),
      createEcrService(world, resolved.now),
      createElbv2Service(world, resolved.now),
    ],
    calls,
    buckets: resolved.throttle ? new TokenBuckets(resolved.now) : undefined,
    latencyMs: resolved.latencyMs,
    deny: resolved.deny,
    accountId: world.accountId,
    now: () => Math.max(world.time, resolved.now()),
  });
  return {
    region: world.region,
    accountId: world.accountId,
    requestHandler,
    calls,
    world,
    logs: logs.registry,
    autoScaling: autoScaling.registry,
    ssm: sessions,
  };
}
