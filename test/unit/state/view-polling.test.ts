// The view on top polled against the fake gateway, with fake timers: every refreshMs, sooner while
// a change to its rows is pending, not at all while it must not poll.
import { afterEach, describe, expect, it, vi } from "vitest";
import { scaleAction } from "../../../source/features/actions/scale.js";
import type { StatePatch } from "../../../source/state/app-state.js";
import { pendingChanges } from "../../../source/state/pending.js";
import { ViewPolling } from "../../../source/state/view-polling.js";
import { SCOPE, service } from "../features/actions/fixtures.js";
import { clusterArn, fakeGateway } from "../../helpers/fake-gateway.js";
import { stateWith } from "./state-fixtures.js";

const PROD = { clusterArn: clusterArn("prod"), clusterName: "prod" };

function polled() {
  const { world, gateway } = fakeGateway();
  const loads = { described: 0 };
  const describe = gateway.describeServices.bind(gateway);
  gateway.describeServices = (...args) => ((loads.described += 1), describe(...args));
  let state = stateWith(undefined, [{ kind: "services", scope: PROD }]);
  const control = { polls: true, attached: true };
  const polling = new ViewPolling({
    state: () => state,
    set: (patch: StatePatch) => (state = { ...state, ...patch }),
    now: () => Date.now(),
    flash: () => {},
    sources: () => (control.attached ? { gateway } : undefined),
    polls: () => control.polls,
    refreshMs: () => 60_000,
  });
  /** web scaled 1 → 2, its second task not running yet. */
  const pend = () => {
    world.desired.set("web", 2);
    world.running.set("web", 1);
    const before = service({ desiredCount: 1 });
    const built = scaleAction(SCOPE, before, "2");
    if (built.ok)
      state = { ...state, pending: polling.added(state.pending, pendingChanges(built.action, 0, before)) };
  };
  return { loads, polling, control, pend };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("view polling", () => {
  it("loads the view on top now, then every refreshMs", async () => {
    vi.useFakeTimers();
    const { loads, polling } = polled();
    await polling.refresh(false);
    expect(loads.described).toBe(1);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(loads.described).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(loads.described).toBe(2);
  });

  it("polls every 2 s while a change to the view's rows waits for a refresh to show it", async () => {
    vi.useFakeTimers();
    const { loads, polling, pend } = polled();
    await polling.refresh(false);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(loads.described).toBe(1);
    pend();
    await polling.refresh(false);
    await vi.advanceTimersByTimeAsync(2_000);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(loads.described).toBe(4);
  });

  it("loads nothing without an account, and schedules nothing while it must not poll", async () => {
    vi.useFakeTimers();
    const { loads, polling, control } = polled();
    control.attached = false;
    await polling.refresh(true);
    expect(loads.described).toBe(0);
    control.attached = true;
    control.polls = false;
    await polling.refresh(true);
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(loads.described).toBe(1);
  });
});
