// When the view on top loads, with a fake target: no kinds, no gateway.
import { afterEach, describe, expect, it, vi } from "vitest";
import { scaleAction } from "../../../source/features/actions/scale.js";
import { pendingChanges } from "../../../source/state/pending.js";
import { PENDING_REFRESH_MS, pollDelay, RefreshScheduler } from "../../../source/state/refresh-scheduler.js";
import { SCOPE, service } from "../features/actions/fixtures.js";

function target(delay: number | undefined) {
  const loads: { key: string; forced: boolean; done: () => void }[] = [];
  const fake = {
    top: "clusters",
    delay,
    attached: true,
    loads,
  };
  const scheduler = new RefreshScheduler({
    attached: () => fake.attached,
    topKey: () => fake.top,
    load: (forced) => new Promise<void>((done) => loads.push({ key: fake.top, forced, done })),
    nextDelay: () => fake.delay,
  });
  return { fake, scheduler };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("refresh scheduler", () => {
  it("loads nothing while no account is attached", async () => {
    const { fake, scheduler } = target(undefined);
    fake.attached = false;
    await scheduler.refresh(true);
    expect(fake.loads).toHaveLength(0);
  });

  it("joins a load under way; forced refreshes during it add one load after it", async () => {
    const { fake, scheduler } = target(undefined);
    const first = scheduler.refresh(false);
    const joined = scheduler.refresh(false);
    const forced = [scheduler.refresh(true), scheduler.refresh(true), scheduler.refresh(true)];
    expect(fake.loads).toHaveLength(1);
    fake.loads[0]!.done();
    await first;
    await joined;
    await vi.waitFor(() => expect(fake.loads).toHaveLength(2));
    expect(fake.loads[1]!.forced).toBe(true);
    fake.loads[1]!.done();
    await Promise.all(forced);
    expect(fake.loads).toHaveLength(2);
  });

  it("loads the view on top again after the delay while it stays on top", async () => {
    vi.useFakeTimers();
    const { fake, scheduler } = target(1_000);
    scheduler.request();
    fake.loads[0]!.done();
    await vi.advanceTimersByTimeAsync(999);
    expect(fake.loads).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.loads).toHaveLength(2);
    // Another view came on top meanwhile: the old one's load schedules nothing.
    fake.top = "services";
    fake.loads[1]!.done();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(fake.loads).toHaveLength(2);
  });

  it("does not poll when told not to, and pause() cancels the next load", async () => {
    vi.useFakeTimers();
    const { fake, scheduler } = target(undefined);
    scheduler.request();
    fake.loads[0]!.done();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.loads).toHaveLength(1);
    fake.delay = 1_000;
    scheduler.request();
    fake.loads[1]!.done();
    await vi.advanceTimersByTimeAsync(0);
    scheduler.pause();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(fake.loads).toHaveLength(2);
  });

  it("forget() lets a new account load at once instead of joining the old account's load", () => {
    const { fake, scheduler } = target(undefined);
    scheduler.request();
    scheduler.forget();
    scheduler.request();
    expect(fake.loads).toHaveLength(2);
  });
});

describe("poll delay", () => {
  const before = service({ desiredCount: 1 });
  const built = scaleAction(SCOPE, before, "2");
  const scaling = new Map(
    built.ok ? pendingChanges(built.action, 0, before).map((change) => ["x", change] as const) : [],
  );

  it("is sooner while a change to the view's kind waits, and on deployments for a service change", () => {
    expect(scaling.size).toBe(1);
    expect(pollDelay(5_000, "services", new Map())).toBe(5_000);
    expect(pollDelay(5_000, "services", scaling)).toBe(PENDING_REFRESH_MS);
    expect(pollDelay(5_000, "deployments", scaling)).toBe(PENDING_REFRESH_MS);
    expect(pollDelay(5_000, "clusters", scaling)).toBe(5_000);
    expect(pollDelay(1_000, "services", scaling)).toBe(1_000);
  });
});
