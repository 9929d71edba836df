// A bounded buffer of log lines kept in (timestamp, id) order, de-duplicated by id. New lines
// almost always land at the end (an append); late ones are merged into the tail where they belong,
// which costs what lies after them, not the whole buffer. When full,
// the oldest lines go and a "dropped" marker at the top says how many; Live Tail sampling leaves
// "sampled" markers after the line where it happened.
import { compareLines, firstAtOrAfter, type LineList, type LogLine } from "./log-line.js";

export const DEFAULT_CAPACITY = 100_000;
/** How many recent changes `firstChangeSince` remembers; an older reader starts again from the top. */
const CHANGE_MEMORY = 256;
/** Stands in evicted slots until an array is compacted, so that they keep no line alive. */
export const EVICTED: LogLine = {
  id: "",
  timestamp: 0,
  taskId: "",
  container: "",
  stream: "",
  group: "",
  message: "",
};

export interface LogMarker {
  /** The line the marker follows; undefined = above the first line. */
  afterId: string | undefined;
  kind: "dropped" | "sampled" | "skipped";
  /** dropped: lines lost; sampled: how many Live Tail updates were sampled there; skipped: 1. */
  count: number;
  /** skipped: the log group and time range polling could not read. */
  skipped?: { group: string; from: number; to: number };
}

/** A marker and the time of the line it follows, to tell when that line has been evicted. */
type PlacedMarker = LogMarker & { afterTimestamp: number };

export class LogBuffer implements LineList {
  private lines: LogLine[] = [];
  /** Index of the first live line in `lines`; evicting moves it instead of shifting the array. */
  private head = 0;
  private placedMarkers: PlacedMarker[] = [];
  private droppedCount = 0;
  private addedCount = 0;
  private versionCount = 0;
  /** Per version that added lines, the oldest line it added: where readers must look again. */
  private changes: { version: number; oldest: LogLine }[] = [];
  /** The newest version `changes` no longer remembers. */
  private forgotten = 0;

  constructor(readonly capacity = DEFAULT_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`bad log buffer capacity ${capacity}`);
  }

  get length(): number {
    return this.lines.length - this.head;
  }

  /** Lines evicted because the buffer was full. */
  get dropped(): number {
    return this.droppedCount;
  }

  /** Live lines ever added (not history), so a reader can count arrivals even when the buffer is full. */
  get added(): number {
    return this.addedCount;
  }

  /** Bumps on every change, so readers can tell a new snapshot from an old one cheaply. */
  get version(): number {
    return this.versionCount;
  }

  /** Whether the line with this time and id is buffered: a binary search, no index per line to keep. */
  has(timestamp: number, id: string): boolean {
    return this.lines[this.search(timestamp, id)]?.id === id;
  }

  at(index: number): LogLine | undefined {
    return index >= 0 && index < this.length ? this.lines[this.head + index] : undefined;
  }

  /**
   * The oldest line added by the changes after `version`: lines before it are as they were then
   * (apart from the oldest being evicted). Undefined when no line was added since.
   */
  firstChangeSince(version: number): LogLine | undefined {
    if (version >= this.versionCount) return undefined;
    if (version < this.forgotten) return this.at(0);
    let oldest: LogLine | undefined;
    for (const change of this.changes) {
      if (change.version > version && (!oldest || compareLines(change.oldest, oldest) < 0))
        oldest = change.oldest;
    }
    return oldest;
  }

  slice(start: number, end: number): LogLine[] {
    const from = Math.max(0, Math.min(start, this.length));
    const to = Math.max(from, Math.min(end, this.length));
    return this.lines.slice(this.head + from, this.head + to);
  }

  /** Adds lines in any order; returns how many were new. Overflow evicts the oldest. */
  add(lines: readonly LogLine[]): number {
    let fresh = this.fresh(lines);
    // A full buffer would evict lines older than its first at once: count them as dropped without
    // merging them through the whole buffer first (a new task's history can be minutes long).
    const first = this.at(0);
    if (first && this.length === this.capacity && compareLines(fresh[0] ?? first, first) < 0) {
      const older = fresh.findIndex((line) => compareLines(line, first) > 0);
      const dropped = older < 0 ? fresh.length : older;
      this.droppedCount += dropped;
      fresh = fresh.slice(dropped);
    }
    if (fresh.length === 0) return 0;
    this.mergeIntoTail(fresh);
    this.evictOverflow();
    this.addedCount += fresh.length;
    this.changed(fresh[0]!);
    return fresh.length;
  }

  /**
   * Adds history older than what is buffered (scrolling up). Only free room is used: a full buffer
   * keeps its newest lines rather than trading them for older ones. Returns how many were added.
   */
  addOlder(lines: readonly LogLine[]): number {
    const room = this.capacity - this.length;
    if (room <= 0) return 0;
    const fresh = this.fresh(lines);
    const kept = fresh.slice(Math.max(0, fresh.length - room));
    if (kept.length === 0) return 0;
    const first = this.at(0);
    if (!first || compareLines(kept[kept.length - 1]!, first) <= 0) {
      this.lines = kept.concat(this.lines.slice(this.head));
      this.head = 0;
    } else {
      this.mergeIntoTail(kept);
    }
    this.changed(kept[0]!);
    return kept.length;
  }

  /** Notes Live Tail sampling after the newest line; consecutive sampled updates share a marker. */
  markSampled(): void {
    const after = this.at(this.length - 1);
    const previous = this.placedMarkers[this.placedMarkers.length - 1];
    if (previous?.kind === "sampled" && previous.afterId === after?.id) {
      this.placedMarkers[this.placedMarkers.length - 1] = { ...previous, count: previous.count + 1 };
    } else {
      this.place({ afterId: after?.id, kind: "sampled", count: 1 }, after);
    }
    this.versionCount += 1;
  }

  /** Notes a range of a log group that polling skipped, after the last line before it. */
  markSkipped(group: string, from: number, to: number): void {
    const before = this.search(from, "") - 1;
    const after = before >= this.head ? this.lines[before] : undefined;
    this.place({ afterId: after?.id, kind: "skipped", count: 1, skipped: { group, from, to } }, after);
    this.versionCount += 1;
  }

  /** The visible markers: "N lines dropped" above the first line, then the others in order. */
  markers(): LogMarker[] {
    const dropped: LogMarker[] =
      this.droppedCount > 0 ? [{ afterId: undefined, kind: "dropped", count: this.droppedCount }] : [];
    return dropped.concat(this.placedMarkers.map(({ afterTimestamp: _, ...marker }) => marker));
  }

  private place(marker: LogMarker, after: LogLine | undefined): void {
    const placed = { ...marker, afterTimestamp: after?.timestamp ?? -Infinity };
    let index = this.placedMarkers.length;
    while (index > 0 && this.placedMarkers[index - 1]!.afterTimestamp > placed.afterTimestamp) index -= 1;
    this.placedMarkers.splice(index, 0, placed);
  }

  /** The new lines among `lines`, sorted: not buffered already, each once. */
  private fresh(lines: readonly LogLine[]): LogLine[] {
    const sorted = [...lines].sort(compareLines);
    const last = this.at(this.length - 1);
    const fresh: LogLine[] = [];
    for (const line of sorted) {
      if (fresh[fresh.length - 1]?.id === line.id) continue;
      if (last && compareLines(line, last) <= 0 && this.has(line.timestamp, line.id)) continue;
      fresh.push(line);
    }
    return fresh;
  }

  /** The absolute index of the first live line at or after (timestamp, id). */
  private search(timestamp: number, id: string): number {
    return this.head + firstAtOrAfter(this, timestamp, id);
  }

  /**
   * Merges sorted lines into the live range from where the first of them belongs: an append when
   * they are all newer, otherwise O(lines after that point + new lines).
   */
  private mergeIntoTail(sorted: LogLine[]): void {
    const from = this.search(sorted[0]!.timestamp, sorted[0]!.id);
    const after = from < this.lines.length ? this.lines.splice(from) : [];
    let i = 0;
    let j = 0;
    while (i < after.length && j < sorted.length) {
      this.lines.push(compareLines(after[i]!, sorted[j]!) <= 0 ? after[i++]! : sorted[j++]!);
    }
    while (i < after.length) this.lines.push(after[i++]!);
    while (j < sorted.length) this.lines.push(sorted[j++]!);
  }

  private changed(oldest: LogLine): void {
    this.versionCount += 1;
    this.changes.push({ version: this.versionCount, oldest });
    if (this.changes.length > CHANGE_MEMORY) this.forgotten = this.changes.shift()!.version;
  }

  private evictOverflow(): void {
    const excess = this.length - this.capacity;
    if (excess <= 0) return;
    this.lines.fill(EVICTED, this.head, this.head + excess); // the dead prefix must not keep them alive
    this.head += excess;
    this.droppedCount += excess;
    // A marker anchored above the first line left has nothing to point at any more, unless it is a
    // skipped range that reaches into what is still buffered.
    const first = this.lines[this.head]!;
    const above = (marker: PlacedMarker) =>
      marker.afterId === undefined ||
      marker.afterTimestamp < first.timestamp ||
      (marker.afterTimestamp === first.timestamp && marker.afterId < first.id);
    if (this.placedMarkers.some(above)) {
      this.placedMarkers = this.placedMarkers.flatMap((marker) => {
        if (!above(marker)) return [marker];
        const reaches = marker.skipped !== undefined && marker.skipped.to > first.timestamp;
        return reaches ? [{ ...marker, afterId: undefined, afterTimestamp: -Infinity }] : [];
      });
    }
    // Compact once the dead prefix is as large as the live range: amortised O(1) per line.
    if (this.head >= this.capacity) {
      this.lines = this.lines.slice(this.head);
      this.head = 0;
    }
  }
}
