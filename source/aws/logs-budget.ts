// Client-side request budget for CloudWatch Logs: one token bucket per operation at 95% of the
// published per-account, per-Region TPS quota (docs/aws.md, "CloudWatch Logs quotas"), plus a cap
// on requests in flight. Logs quotas are plain TPS with no published burst, so a bucket holds one
// second's worth.
import { ConcurrencyLimit } from "./concurrency-limit.js";
import { TokenBucket, type BucketSpec } from "./request-budget.js";

const SLOW_FILTER_REGIONS = new Set([
  "eu-central-1",
  "ap-northeast-3",
  "ap-southeast-3",
  "ca-west-1",
  "il-central-1",
]);
const SLOW_GET_REGIONS = new Set([
  "us-west-2",
  "eu-west-1",
  "eu-central-1",
  "ap-northeast-3",
  "ap-southeast-3",
  "ca-west-1",
  "il-central-1",
]);

/** The published TPS quota of a Logs operation in a region. */
export function logsQuota(operation: string, region: string): number {
  switch (operation) {
    case "FilterLogEvents":
      return region === "us-east-1" ? 25 : SLOW_FILTER_REGIONS.has(region) ? 5 : 10;
    case "GetLogEvents":
      return region === "eu-west-3" ? 30 : SLOW_GET_REGIONS.has(region) ? 10 : 25;
    case "DescribeLogStreams":
      return 25;
    case "StartLiveTail":
      return 5;
    default:
      return 5;
  }
}

export interface LogsBudgetOptions {
  region: string;
  concurrency?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Overrides the published quotas (tests). */
  spec?: (operation: string) => BucketSpec;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class LogsBudget {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly slots: ConcurrencyLimit;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly spec: (operation: string) => BucketSpec;

  constructor(options: LogsBudgetOptions) {
    this.slots = new ConcurrencyLimit(options.concurrency ?? 8);
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? defaultSleep;
    this.spec =
      options.spec ??
      ((operation) => {
        const tps = logsQuota(operation, options.region);
        return { burst: tps, perSecond: tps * 0.95 };
      });
  }

  async run<T>(operation: string, call: () => Promise<T>): Promise<T> {
    await this.slots.acquire();
    try {
      const wait = this.bucket(operation).reserve();
      if (wait > 0) await this.sleep(wait);
      return await call();
    } finally {
      this.slots.release();
    }
  }

  /** After AWS said "throttled": assume the account's bucket for that operation is empty. */
  throttled(operation: string): void {
    this.bucket(operation).drain();
  }

  private bucket(operation: string): TokenBucket {
    let bucket = this.buckets.get(operation);
    if (!bucket) {
      bucket = new TokenBucket(this.spec(operation), this.now);
      this.buckets.set(operation, bucket);
    }
    return bucket;
  }
}
