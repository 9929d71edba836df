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

/** Per-origin counts of one event; almost always a single origin, so two small arrays. */
interface Entry {
  origins: string[];
  counts: number[];
}

export class OverlapFilter {
  /** Keyed by a 53-bit digest of (group, stream, timestamp, message): a number hashes fast. */
  private readonly entries = new Map<number, Entry>();
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
    const entry = this.entries.get(key);
    if (entry) {
      for (let i = 0; i < entry.origins.length; i++) {
        if (entry.origins[i] !== origin && entry.counts[i]! > 0) {
          entry.counts[i]! -= 1;
          return false;
        }
      }
      const mine = entry.origins.indexOf(origin);
      if (mine >= 0) entry.counts[mine]! += 1;
      else {
        entry.origins.push(origin);
        entry.counts.push(1);
      }
    } else {
      this.entries.set(key, { origins: [origin], counts: [1] });
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
