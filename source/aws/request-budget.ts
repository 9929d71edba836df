// Client-side request budget: one token bucket per ECS throttling category (the same buckets AWS
// uses, docs/aws.md, "ECS throttling") plus a cap on requests in flight. Callers reserve a token
// first and wait for the refill when the bucket is in debt, so a burst of describes spreads out
// instead of hitting ThrottlingException.
import { ConcurrencyLimit } from "./concurrency-limit.js";

export interface BucketSpec {
  burst: number;
  perSecond: number;
}

export type EcsCategory =
  | "cluster-read"
  | "service-read"
  | "service-modify"
  | "service-deployment"
  | "cluster-resource-read"
  | "cluster-resource-modify"
  | "task-definition-read"
  | "other";

/** The published ECS buckets (burst, sustained per second), per account and region. */
export const ECS_PUBLISHED_BUCKETS: Record<EcsCategory, BucketSpec> = {
  "cluster-read": { burst: 50, perSecond: 20 },
  "service-read": { burst: 100, perSecond: 20 },
  "service-modify": { burst: 50, perSecond: 5 },
  "service-deployment": { burst: 50, perSecond: 20 },
  "cluster-resource-read": { burst: 100, perSecond: 20 },
  "cluster-resource-modify": { burst: 100, perSecond: 40 },
  "task-definition-read": { burst: 50, perSecond: 20 },
  other: { burst: 20, perSecond: 1 },
};

/**
 * What deckhand allows itself: the full burst, 95% of the sustained rate. Requests reach AWS a
 * little later and out of order relative to when we count them, so pacing at exactly the
 * published rate still draws an occasional ThrottlingException; the margin removes those.
 */
export const ECS_BUCKETS: Record<EcsCategory, BucketSpec> = Object.fromEntries(
  Object.entries(ECS_PUBLISHED_BUCKETS).map(([category, spec]) => [
    category,
    { burst: spec.burst, perSecond: spec.perSecond * 0.95 },
  ]),
) as Record<EcsCategory, BucketSpec>;

const CATEGORY_OF: Record<string, EcsCategory> = {
  ListClusters: "cluster-read",
  DescribeClusters: "cluster-read",
  ListServices: "service-read",
  DescribeServices: "service-read",
  UpdateService: "service-modify",
  // Not in the published table; it changes a service, like UpdateService (and the simulator agrees).
  StopServiceDeployment: "service-modify",
  ListServiceDeployments: "service-deployment",
  DescribeServiceDeployments: "service-deployment",
  ListTasks: "cluster-resource-read",
  DescribeTasks: "cluster-resource-read",
  ListContainerInstances: "cluster-resource-read",
  DescribeContainerInstances: "cluster-resource-read",
  StopTask: "cluster-resource-modify",
  ExecuteCommand: "cluster-resource-modify",
  DescribeTaskDefinition: "task-definition-read",
  ListTaskDefinitions: "task-definition-read",
  ListTaskDefinitionFamilies: "task-definition-read",
};

export function ecsCategory(operation: string): EcsCategory {
  return CATEGORY_OF[operation] ?? "other";
}

export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly spec: BucketSpec,
    private readonly now: () => number,
  ) {
    this.tokens = spec.burst;
    this.updatedAt = now();
  }

  /** Takes one token, possibly going into debt; returns how many ms the caller must wait. */
  reserve(): number {
    this.refill();
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / this.spec.perSecond) * 1000);
  }

  /** After AWS said "throttled": assume the shared account bucket is empty. */
  drain(): void {
    this.refill();
    this.tokens = Math.min(this.tokens, 0);
  }

  private refill(): void {
    const now = this.now();
    const elapsed = Math.max(0, now - this.updatedAt) / 1000;
    this.tokens = Math.min(this.spec.burst, this.tokens + elapsed * this.spec.perSecond);
    this.updatedAt = now;
  }
}

export interface RequestBudgetOptions {
  /** Buckets to use instead of ECS_BUCKETS; categories left out keep theirs. */
  buckets?: Partial<Record<EcsCategory, BucketSpec>>;
  concurrency?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class RequestBudget {
  private readonly buckets = new Map<EcsCategory, TokenBucket>();
  private readonly slots: ConcurrencyLimit;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly specs: Record<EcsCategory, BucketSpec>;

  constructor(options: RequestBudgetOptions = {}) {
    this.specs = { ...ECS_BUCKETS, ...options.buckets };
    this.slots = new ConcurrencyLimit(options.concurrency ?? 8);
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? defaultSleep;
  }

  async run<T>(operation: string, call: () => Promise<T>): Promise<T> {
    // Slot first, token second: a token must be spent when the request really leaves, or the
    // server's bucket (capped at its burst) and ours drift apart and AWS throttles us.
    await this.slots.acquire();
    try {
      const wait = this.bucket(ecsCategory(operation)).reserve();
      if (wait > 0) await this.sleep(wait);
      return await call();
    } finally {
      this.slots.release();
    }
  }

  throttled(operation: string): void {
    this.bucket(ecsCategory(operation)).drain();
  }

  private bucket(category: EcsCategory): TokenBucket {
    let bucket = this.buckets.get(category);
    if (!bucket) {
      bucket = new TokenBucket(this.specs[category], this.now);
      this.buckets.set(category, bucket);
    }
    return bucket;
  }
}
