// Drops the same event delivered twice by different APIs. FilterLogEvents events carry an eventId
// (the buffer de-duplicates those), Live Tail events do not, so where a Live Tail session overlaps
// history, polling or another session, the same event can arrive with two different ids. Events
// are matched by content (group, stream, timestamp, message) and counted per origin, so a line
// legitimately logged twice in the same millisecond survives, while a cross-origin repeat does not.
// Only recent events are remembered: overlaps happen at the edges of a switch, seconds wide.

export interface OverlapFilterOptions {
  /** Events older than the newest seen minus this are forgotten. */
  windowMs?: number;
  /** Hard cap on remembered events, whatever the rate. */
  maxEntries?: number;
}

/** Room for the count in an entry: origin * COUNTS + count. */
const COUNTS = 2 ** 21;

export class OverlapFilter {
  /**
   * By a 53-bit digest of (group, stream, timestamp, message), a number that hashes fast: which
   * origin holds copies of the event not yet matched by another origin, and how many. One origin
   * at most ever has some (another's copy is matched against them instead of counted), so one
   * number says it all: a few bytes an event, not an object and two arrays.
   */
  private readonly entries = new Map<number, number>();
  private readonly origins = new Map<string, number>();
  /** Keys and timestamps in arrival order, for pruning. */
  private orderKeys: number[] = [];
  private orderTimes: number[] = [];
  private orderHead = 0;
  private newest = 0;
  private readonly windowMs: number;
  private readonly maxEntries: number;

  constructor(options: OverlapFilterOptions = {}) {
    this.windowMs = options.windowMs ?? 60_000;
    this.maxEntries = options.maxEntries ?? 50_000;
  }

  /** True when the event is new; false when another origin already delivered it. */
  accept(origin: string, group: string, stream: string, timestamp: number, message: string): boolean {
    if (timestamp < this.newest - this.windowMs) return true;
    // A digest, not the text: remembered events hold no second copy of long lines. Two different
    // events colliding in 53 bits within one window is far less likely than a lost packet.
    const key = digest(group, stream, timestamp, message);
    const mine = this.originOf(origin);
    const entry = this.entries.get(key);
    if (entry !== undefined) {
      const holder = Math.floor(entry / COUNTS);
      const count = entry % COUNTS;
      if (holder !== mine && count > 0) {
        this.entries.set(key, entry - 1);
        return false;
      }
      this.entries.set(
        key,
        holder === mine ? Math.min(entry + 1, mine * COUNTS + COUNTS - 1) : mine * COUNTS + 1,
      );
    } else {
      this.entries.set(key, mine * COUNTS + 1);
    }
    this.orderKeys.push(key);
    this.orderTimes.push(timestamp);
    if (timestamp > this.newest) this.newest = timestamp;
    this.prune();
    return true;
  }

  get size(): number {
    return this.entries.size;
  }

  private originOf(origin: string): number {
    let id = this.origins.get(origin);
    if (id === undefined) {
      id = this.origins.size;
      this.origins.set(origin, id);
    }
    return id;
  }

  private prune(): void {
    const horizon = this.newest - this.windowMs;
    while (this.orderHead < this.orderKeys.length) {
      if (this.orderTimes[this.orderHead]! >= horizon && this.entries.size <= this.maxEntries) break;
      this.entries.delete(this.orderKeys[this.orderHead]!);
      this.orderHead += 1;
    }
    if (this.orderHead > 1024 && this.orderHead * 2 > this.orderKeys.length) {
      this.orderKeys = this.orderKeys.slice(this.orderHead);
      this.orderTimes = this.orderTimes.slice(this.orderHead);
      this.orderHead = 0;
    }
  }
}

/** Two 32-bit multiplicative hashes (FNV-1a and a murmur-style mix) folded into 53 bits. */
function digest(group: string, stream: string, timestamp: number, message: string): number {
  let a = 0x811c9dc5 ^ (timestamp % 0x7fffffff);
  let b = 0x01000193 ^ Math.floor(timestamp / 0x7fffffff) ^ message.length;
  for (const text of [group, stream, message]) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
    }
    a = Math.imul(a ^ 0xff, 0x01000193);
  }
  return (a >>> 0) * 0x200000 + (b >>> 11);
}
