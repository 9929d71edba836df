// The simulated CloudWatch Logs API (JSON 1.1, target prefix Logs_20140328) over the same world
// as ECS: the log groups of the task definition families, a stream per container of every task
// that ran, lines made on demand, and Live Tail as a real event stream. Throttling follows the
// us-east-1 quotas (docs/aws.md, "CloudWatch Logs quotas").
import type { World } from "../ecs/world.js";
import type { ResolvedSimOptions } from "../options.js";
import type { JsonObject } from "../protocol.js";
import type { Operation, OperationContext, SimulatedService } from "../request-handler.js";
import type { BucketSpec } from "../token-buckets.js";
import { createLiveTail } from "./ops-live-tail.js";
import { filterLogEvents } from "./ops-filter-log-events.js";
import { getLogEvents } from "./ops-get-log-events.js";
import { describeLogGroups } from "./ops-log-groups.js";
import { describeLogStreams } from "./ops-log-streams.js";
import type { LogsAccount } from "./ops-common.js";
import { LogRegistry } from "./registry.js";

export const LOGS_TARGET_PREFIX = "Logs_20140328";

/** Transactions per second per operation in us-east-1; a burst of one second's worth. */
export const LOGS_RATES: Readonly<Record<string, number>> = {
  DescribeLogGroups: 10,
  DescribeLogStreams: 25,
  GetLogEvents: 25,
  FilterLogEvents: 25,
  StartLiveTail: 5,
};

type LogsOperation = (account: LogsAccount, input: JsonObject, context: OperationContext) => unknown;

export interface SimulatedLogs {
  service: SimulatedService;
  registry: LogRegistry;
}

export function createLogsService(
  world: World,
  options: Pick<ResolvedSimOptions, "now" | "logRates" | "liveTail" | "liveTailIntervalMs">,
): SimulatedLogs {
  const registry = new LogRegistry(world, options.logRates);
  const now = (): number => {
    world.advance(options.now());
    return world.time;
  };
  const handlers: Readonly<Record<string, LogsOperation>> = {
    DescribeLogGroups: describeLogGroups,
    DescribeLogStreams: describeLogStreams,
    GetLogEvents: getLogEvents,
    FilterLogEvents: filterLogEvents,
    StartLiveTail: createLiveTail({ mode: options.liveTail, intervalMs: options.liveTailIntervalMs, now }),
  };
  const operations: Record<string, Operation> = {};
  for (const [name, handler] of Object.entries(handlers)) {
    operations[name] = (input, context) => handler({ world, registry, now: now() }, input, context);
  }
  const service: SimulatedService = {
    targetPrefix: LOGS_TARGET_PREFIX,
    iamService: "logs",
    operations,
    throttleBucket: (operation) => {
      const rate = LOGS_RATES[operation];
      const spec: BucketSpec | undefined = rate === undefined ? undefined : { burst: rate, perSecond: rate };
      return spec === undefined ? undefined : { name: `logs:${operation}`, spec };
    },
  };
  return { service, registry };
}
