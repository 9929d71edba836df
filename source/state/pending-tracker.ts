// Which pending changes (pending.ts) a load may settle: only rows read by a load that started
// after the change was sent show it, so each change remembers how many loads had started then.
import { PENDING_MAX_MS, pendingKey, settleRows, type PendingChange, type Settled } from "./pending.js";
import type { AnyKind } from "../kinds/registry.js";

export type PendingChanges = ReadonlyMap<string, PendingChange>;

export class PendingTracker {
  /** By pending key: the number of loads started when the change was sent. */
  private readonly afterLoad = new Map<string, number>();

  /** `pending` with `changes` added, sent when `loads` loads had started. */
  added(pending: PendingChanges, changes: readonly PendingChange[], loads: number): PendingChanges {
    const next = new Map(pending);
    for (const change of changes) {
      const id = pendingKey(change.kind, change.key);
      next.set(id, change);
      this.afterLoad.set(id, loads);
    }
    return next;
  }

  /** The changes that rows read by load number `load` leave pending, and what their end says; undefined when none ended. */
  settled(
    pending: PendingChanges,
    kind: AnyKind,
    before: readonly unknown[] | undefined,
    rows: readonly unknown[],
    load: number,
  ): { pending: PendingChanges; messages: Settled[] } | undefined {
    if (pending.size === 0) return undefined;
    const { settled, messages } = settleRows(pending, this.afterLoad, kind, before, rows, load);
    if (settled.length === 0) return undefined;
    const next = new Map(pending);
    for (const id of settled) {
      next.delete(id);
      this.afterLoad.delete(id);
    }
    return { pending: next, messages };
  }

  /** `pending` without the changes sent more than PENDING_MAX_MS before `now`, confirmed or not. */
  unexpired(pending: PendingChanges, now: number): PendingChanges {
    if (![...pending.values()].some((change) => now - change.since > PENDING_MAX_MS)) return pending;
    const next = new Map([...pending].filter(([, change]) => now - change.since <= PENDING_MAX_MS));
    for (const id of this.afterLoad.keys()) if (!next.has(id)) this.afterLoad.delete(id);
    return next;
  }

  /** Another account: nothing sent so far can be seen in its rows. */
  forget(): void {
    this.afterLoad.clear();
  }
}
