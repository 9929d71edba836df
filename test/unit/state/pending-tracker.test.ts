// Only rows read by a load started after a change was sent can settle it.
import type { Service } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { scaleAction } from "../../../source/features/actions/scale.js";
import { KINDS } from "../../../source/kinds/registry.js";
import type { ServiceRow } from "../../../source/kinds/service.js";
import { PENDING_MAX_MS, pendingChanges } from "../../../source/state/pending.js";
import { PendingTracker } from "../../../source/state/pending-tracker.js";
import { SCOPE, service } from "../features/actions/fixtures.js";

const before = service({ desiredCount: 1, runningCount: 1 });
/** Scaling to 2, sent at `since`. */
function scaling(since = 0) {
  const built = scaleAction(SCOPE, before, "2");
  if (!built.ok) throw new Error(built.message);
  return pendingChanges(built.action, since, before);
}
const row = (s: Service): ServiceRow => ({ arn: s.serviceArn!, name: s.serviceName!, service: s });
const scaled = row(service({ desiredCount: 2, runningCount: 2, pendingCount: 0 }));
const services = KINDS.services;

describe("pending tracker", () => {
  it("settles a change with rows from a load started after it was sent, not before", () => {
    const tracker = new PendingTracker();
    const pending = tracker.added(new Map(), scaling(), 3);
    expect(pending.size).toBe(1);
    expect(tracker.settled(pending, services, [row(before)], [scaled], 3)).toBeUndefined();
    const settled = tracker.settled(pending, services, [row(before)], [scaled], 4);
    expect(settled?.pending.size).toBe(0);
    expect(settled?.messages.map((message) => message.text)).toEqual([
      `${before.serviceName}: 2 tasks running`,
    ]);
  });

  it("leaves a change pending while its rows do not show it done", () => {
    const tracker = new PendingTracker();
    const pending = tracker.added(new Map(), scaling(), 0);
    const starting = row(service({ desiredCount: 2, runningCount: 1, pendingCount: 1 }));
    expect(tracker.settled(pending, services, undefined, [starting], 1)).toBeUndefined();
    expect(tracker.settled(new Map(), services, undefined, [scaled], 1)).toBeUndefined();
  });

  it("forgets changes sent long ago, confirmed or not; the same map when none is that old", () => {
    const tracker = new PendingTracker();
    const pending = tracker.added(new Map(), scaling(1_000), 0);
    expect(tracker.unexpired(pending, 1_000 + PENDING_MAX_MS)).toBe(pending);
    expect(tracker.unexpired(pending, 1_001 + PENDING_MAX_MS).size).toBe(0);
  });

  it("another account: a change sent again counts loads from its sending only", () => {
    const tracker = new PendingTracker();
    tracker.added(new Map(), scaling(), 9);
    tracker.forget();
    const pending = tracker.added(new Map(), scaling(), 1);
    expect(tracker.settled(pending, services, undefined, [scaled], 2)?.pending.size).toBe(0);
  });
});
