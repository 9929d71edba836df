// The follower when Live Tail misbehaves, on fakes: a session that times out, goes silent or keeps
// failing is replaced and the gap filled, or given up for polling with the reason; sampled updates
// are marked.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CLUSTER, taskArn } from "./fakes.js";
import { GROUP, NOW, settle, setup, stream } from "./follower-setup.js";

describe("LogFollower when Live Tail fails", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("restarts a timed-out session and fills the gap; gives up on repeated timeouts", async () => {
    const { world, follower, messages } = setup([{ id: "t1", createdAt: NOW - 3_600_000 }]);
    follower.start({ kind: "task", cluster: CLUSTER, taskArn: taskArn("t1") });
    await settle();
    world.sessions[0]!.update([world.liveEvent(GROUP, stream("app", "t1"), NOW + 100, "one")]);
    await vi.advanceTimersByTimeAsync(1_000);
    // Written while no session runs: only the catch-up read can find it.
    world.put(GROUP, stream("app", "t1"), NOW + 900, "in the gap");
    world.sessions[0]!.push({ kind: "timeout", message: "3 hours" });
    await settle();
    expect(world.sessions).toHaveLength(2);
    expect(follower.getState().mode).toBe("live");
    expect(messages()).toEqual(["one", "in the gap"]);

    for (let i = 1; i <= 3; i++) {
      world.sessions.at(-1)!.push({ kind: "timeout", message: "again" });
      await settle();
    }
    expect(follower.getState()).toMatchObject({
      mode: "polling",
      modeReason: "Live Tail sessions keep timing out",
    });
    follower.stop();
  });

  it("replaces a Live Tail session that goes silent, says so, and fills the gap", async () => {
    const { world, follower, messages } = setup([{ id: "t1", createdAt: NOW - 3_600_000 }], ["app"], {
      liveTailSilenceMs: 3_000,
    });
    follower.start({ kind: "task", cluster: CLUSTER, taskArn: taskArn("t1") });
    await settle();
    const first = world.sessions[0]!;
    first.update([world.liveEvent(GROUP, stream("app", "t1"), NOW + 100, "one")]);
    // Heartbeats keep a healthy session open well past the silence limit.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(world.sessions).toHaveLength(1);
    // The connection drops without a word; a line is written that only history can bring back.
    first.silence();
    world.put(GROUP, stream("app", "t1"), NOW + 10_500, "in the gap");
    await vi.advanceTimersByTimeAsync(3_100);
    expect(first.aborted).toBe(true);
    expect(follower.getState()).toMatchObject({
      mode: "live",
      modeReason: "Live Tail silent for 3 s, reconnecting",
    });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(world.sessions).toHaveLength(2);
    expect(follower.getState()).toMatchObject({ mode: "live", modeReason: undefined });
    expect(messages()).toEqual(["one", "in the gap"]);
    world.sessions[1]!.update([world.liveEvent(GROUP, stream("app", "t1"), NOW + 15_000, "two")]);
    await settle();
    expect(messages()).toEqual(["one", "in the gap", "two"]);
    follower.stop();
  });

  it("polls when a silent Live Tail session cannot be replaced, and says why", async () => {
    const { world, follower, messages } = setup([{ id: "t1", createdAt: NOW - 3_600_000 }], ["app"], {
      liveTailSilenceMs: 3_000,
    });
    follower.start({ kind: "task", cluster: CLUSTER, taskArn: taskArn("t1") });
    await settle();
    world.sessions[0]!.silence();
    world.liveTail = "limit";
    world.put(GROUP, stream("app", "t1"), NOW + 1_000, "while silent");
    await vi.advanceTimersByTimeAsync(4_000);
    expect(follower.getState()).toMatchObject({
      mode: "polling",
      modeReason: "Live Tail silent for 3 s, cannot reconnect: LimitExceededException",
    });
    world.put(GROUP, stream("app", "t1"), NOW + 4_500, "polled");
    await vi.advanceTimersByTimeAsync(3_000);
    expect(messages()).toEqual(["while silent", "polled"]);
    follower.stop();
  });

  it("retries a failed stream with backoff, then polls", async () => {
    const { world, follower } = setup([{ id: "t1", createdAt: NOW - 3_600_000 }]);
    world.heartbeatMs = 0; // each session fails before sending an update: the failures are consecutive
    follower.start({ kind: "task", cluster: CLUSTER, taskArn: taskArn("t1") });
    await settle();
    const failed = {
      kind: "failed" as const,
      failure: {
        kind: "unknown" as const,
        operation: "StartLiveTail",
        code: "SessionStreamingException",
        message: "reset",
      },
    };
    for (let i = 0; i < 4; i++) {
      world.sessions.at(-1)!.push(failed);
      await vi.advanceTimersByTimeAsync(5_000);
    }
    expect(world.sessions).toHaveLength(4);
    expect(follower.getState()).toMatchObject({
      mode: "polling",
      modeReason: "Live Tail keeps failing: SessionStreamingException: reset",
    });
    follower.stop();
  });

  it("marks sampled Live Tail updates in the buffer and the state", async () => {
    const { world, follower } = setup([{ id: "t1", createdAt: NOW - 3_600_000 }]);
    follower.start({ kind: "task", cluster: CLUSTER, taskArn: taskArn("t1") });
    await settle();
    world.sessions[0]!.update([world.liveEvent(GROUP, stream("app", "t1"), NOW + 1, "busy")], true);
    await settle();
    expect(follower.getState()).toMatchObject({
      sampled: true,
      modeReason: "sampled: more than 500 events/s",
    });
    expect(follower.buffer.markers()).toEqual([
      { afterId: follower.buffer.at(0)!.id, kind: "sampled", count: 1 },
    ]);
    await vi.advanceTimersByTimeAsync(11_000);
    world.sessions[0]!.update([], false);
    await settle();
    expect(follower.getState()).toMatchObject({ sampled: false, mode: "live" });
    follower.stop();
  });
});
