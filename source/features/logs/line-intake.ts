// Turns events from any delivery (history, polling, Live Tail) into buffered LogLines: finds the
// task and container of each (group, stream), drops what another delivery already brought, and
// tracks the newest timestamp per log group so a switch to polling starts where things were.
import type { FilteredLogEvent, LiveTailSessionLogEvent } from "@aws-sdk/client-cloudwatch-logs";
import { groupKey, streamKey, toLogLine, type FollowedStream, type GroupTarget } from "./follow-targets.js";
import type { LogBuffer } from "./log-buffer.js";
import type { LogLine } from "./log-line.js";
import { groupNameOf } from "./log-sources.js";
import { OverlapFilter } from "./overlap-filter.js";

/** Origin of everything that comes with a CloudWatch eventId (history, catch-up, polling). */
const WITH_EVENT_ID = "id";
/** After Live Tail closes, events with ids are still checked against its last events this long. */
const AFTER_LIVE_MS = 60_000;
/** How long the eventIds of events dropped as Live Tail repeats are remembered. */
const REPEAT_MEMORY_MS = 5 * 60_000;

export class LineIntake {
  private readonly overlap = new OverlapFilter();
  private readonly newestByGroup = new Map<string, number>();
  /** eventIds of events dropped as repeats of Live Tail lines, and when. */
  private readonly repeats = new Map<string, number>();
  private liveSequence = 0;
  private sequenceAtOpen = 0;
  private liveOpen = false;
  private liveUntil = -Infinity;

  constructor(
    private readonly buffer: LogBuffer,
    /** The stream's source, by streamKey(group, stream); undefined = not ours, dropped. */
    private readonly streamOf: (key: string) => FollowedStream | undefined,
    private readonly now: () => number,
  ) {}

  /**
   * Whether a Live Tail session is (about to be) open. Only then can an event arrive both with and
   * without an eventId, so only then is the cross-delivery check worth its cost per line; polling
   * alone relies on eventIds.
   */
  setLive(open: boolean): void {
    // A session that never delivered a line (Live Tail denied) leaves nothing to overlap with.
    if (this.liveOpen && !open && this.liveSequence > this.sequenceAtOpen)
      this.liveUntil = this.now() + AFTER_LIVE_MS;
    if (open && !this.liveOpen) this.sequenceAtOpen = this.liveSequence;
    this.liveOpen = open;
  }

  newest(key: string): number | undefined {
    return this.newestByGroup.get(key);
  }

  /** Events from FilterLogEvents; `older` = history above the buffer's top. Returns lines added. */
  addFiltered(items: readonly { target: GroupTarget; event: FilteredLogEvent }[], older = false): number {
    this.forgetOldRepeats();
    const lines: LogLine[] = [];
    const checkOverlap = this.liveOpen || this.now() < this.liveUntil;
    for (const { target, event } of items) {
      const streamName = event.logStreamName ?? (target.streams.length === 1 ? target.streams[0]! : "");
      const followed = this.streamOf(streamKey(target.group, streamName));
      const timestamp = event.timestamp ?? 0;
      const message = event.message ?? "";
      const id = event.eventId ?? `${target.group}/${streamName}/${timestamp}/${lines.length}`;
      if (!followed || this.buffer.has(timestamp, id) || this.repeats.has(id)) continue;
      if (checkOverlap && !this.overlap.accept(WITH_EVENT_ID, target.group, streamName, timestamp, message)) {
        // Live Tail brought it already, under another id: a later re-read (polling looks back)
        // must not take it in again once the overlap check is off.
        this.repeats.set(id, this.now());
        continue;
      }
      this.noteNewest(target.key, timestamp);
      lines.push(toLogLine(followed.source, { id, timestamp, message }));
    }
    return older ? this.buffer.addOlder(lines) : this.buffer.add(lines);
  }

  /** Events from a Live Tail session, which carry no eventId: ids are made unique per session. */
  addLive(origin: string, events: readonly LiveTailSessionLogEvent[]): number {
    const lines: LogLine[] = [];
    for (const event of events) {
      const group = groupNameOf(event.logGroupIdentifier ?? "");
      const streamName = event.logStreamName ?? "";
      const followed = this.streamOf(streamKey(group, streamName));
      if (!followed) continue; // another service's stream in a shared group or prefix
      const timestamp = event.timestamp ?? 0;
      const message = event.message ?? "";
      if (!this.overlap.accept(origin, group, streamName, timestamp, message)) continue;
      this.liveSequence += 1;
      const id = `${origin}-${this.liveSequence.toString().padStart(12, "0")}`;
      this.noteNewest(groupKey(followed.source.region, group), timestamp);
      lines.push(toLogLine(followed.source, { id, timestamp, message }));
    }
    return this.buffer.add(lines);
  }

  /** Repeats are re-read within a poll's look-back, seconds: after a few minutes they are not. */
  private forgetOldRepeats(): void {
    const horizon = this.now() - REPEAT_MEMORY_MS;
    for (const [id, at] of this.repeats) {
      if (at >= horizon) break; // in insertion order, so the rest are newer
      this.repeats.delete(id);
    }
  }

  private noteNewest(key: string, timestamp: number): void {
    if (timestamp > (this.newestByGroup.get(key) ?? -Infinity)) this.newestByGroup.set(key, timestamp);
  }
}
