// The polling fallback's request budget, shared by every log group a follower polls: each group
// gets one request per second on average (a small burst for paging), however many streams or
// pages it has, so a busy service cannot eat the account's FilterLogEvents quota (10 TPS in most
// Regions, 5 in some) that every other tool in the account shares.
import { TokenBucket, type BucketSpec } from "../../aws/request-budget.js";
import { sleep } from "./abortable-sleep.js";

export const POLL_BUCKET: BucketSpec = { burst: 2, perSecond: 1 };

export class PollBudget {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly spec: BucketSpec = POLL_BUCKET,
  ) {}

  /** Waits for the group's next request slot; false when the signal fired first. */
  async take(group: string, signal: AbortSignal): Promise<boolean> {
    let bucket = this.buckets.get(group);
    if (!bucket) {
      bucket = new TokenBucket(this.spec, this.now);
      this.buckets.set(group, bucket);
    }
    const wait = bucket.reserve();
    if (wait > 0) return sleep(wait, signal);
    return !signal.aborted;
  }
}
