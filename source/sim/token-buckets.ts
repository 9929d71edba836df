// Server-side token buckets, as AWS throttles: one bucket per category of actions, a burst
// capacity and a refill per second, measured on the injected clock.

export interface BucketSpec {
  burst: number;
  perSecond: number;
}

interface BucketState {
  tokens: number;
  updatedAt: number;
}

export class TokenBuckets {
  private readonly state = new Map<string, BucketState>();

  constructor(private readonly now: () => number) {}

  /** Takes one token from the named bucket; false when it is empty (the call is throttled). */
  take(name: string, spec: BucketSpec): boolean {
    const now = this.now();
    let bucket = this.state.get(name);
    if (bucket === undefined) {
      bucket = { tokens: spec.burst, updatedAt: now };
      this.state.set(name, bucket);
    }
    const elapsedSeconds = Math.max(0, now - bucket.updatedAt) / 1000;
    bucket.tokens = Math.min(spec.burst, bucket.tokens + elapsedSeconds * spec.perSecond);
    bucket.updatedAt = Math.max(bucket.updatedAt, now);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}
