// The follower end to end on fakes: history first, Live Tail, the fallback to polling with the
// reason, a service whose tasks come and go, and no line twice when deliveries overlap.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LogFollower } from "../../../../source/features/logs/log-follower.js";
import { CLUSTER, awslogsDefinition, fakeEcs, fakeLogs, taskArn, type FakeTask } from "./fakes.js";
import { GROUP, NOW, settle, setup, stream } from "./follower-setup.js";

describe("LogFollower", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("loads history, then follows a task's containers live, interleaved by time", async () => {
    const { world, follower, messages } = setup([{ id: "t1", createdAt: NOW - 3_600_000 }], ["app", "proxy"]);
    world.put(GROUP, stream("app", "t1"), NOW - 2_000, "app history");
    world.put(GROUP, stream("proxy", "t1"), NOW - 1_000, "proxy history");
    follower.start({ kind: "task", cluster: CLUSTER, taskArn: taskArn("t1") });
    expect(follower.getState().mode).toBe("starting");
    await settle();

    expect(follower.getState()).toMatchObject({ mode: "live", sampled: false });
    expect(follower.getState().sources.map((s) => s.container)).toEqual(["app", "proxy"]);
    const session = world.sessions[0]!;
    expect(session.request).toEqual({
      logGroupIdentifiers: ["arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web"],
      logStreamNames: [stream("app", "t1"), stream("proxy", "t1")],
    });
    expect(messages()).toEqual(["app history", "proxy history"]);

    session.update([
      world.liveEvent(GROUP, stream("proxy", "t1"), NOW + 20, "proxy live"),
      world.liveEvent(GROUP, stream("app", "t1"), NOW + 10, "app live"),
      world.liveEvent(GROUP, "ecs/app/someone-else", NOW + 15, "not ours"),
    ]);
    await settle();
    expect(messages()).toEqual(["app history", "proxy history", "app live", "proxy live"]);
    expect(follower.buffer.at(2)).toMatchObject({ taskId: "t1", container: "app", group: GROUP });

    follower.stop();
    expect(session.aborted).toBe(true);
    expect(follower.getState().mode).toBe("stopped");
  });

  it("loads the last N lines or the last 5 minutes, whichever is larger", async () => {
    const quiet = setup([{ id: "t1", createdAt: NOW - 48 * 3_600_000 }]);
    // One line a minute for 24 h: 5 minutes hold 5 lines, so the last 500 lines are wanted.
    for (let i = 1; i <= 1_440; i++) quiet.world.put(GROUP, stream("app", "t1"), NOW - i * 60_000, `q${i}`);
    quiet.follower.start({ kind: "task", cluster: CLUSTER, taskArn: taskArn("t1") });
    await vi.advanceTimersByTimeAsync(100);
    expect(quiet.follower.buffer.length).toBeGreaterThanOrEqual(500);
    expect(quiet.follower.buffer.length).toBeLessThan(1_440);
    expect(quiet.follower.buffer.at(quiet.follower.buffer.length - 1)?.message).toBe("q1");
    expect(quiet.world.filterCalls.length).toBeLessThan(12);
    quiet.follower.stop();

    const busy = setup([{ id: "t1", createdAt: NOW - 3_600_000 }]);
    // 20 lines a second for 10 minutes: the 5-minute window holds 6,000 lines, all wanted.
    for (let i = 1; i <= 12_000; i++) busy.world.put(GROUP, stream("app", "t1"), NOW - i * 50, `b${i}`);
    const startedAt = Date.now();
    busy.follower.start({ kind: "task", cluster: CLUSTER, taskArn: taskArn("t1") });
    await vi.advanceTimersByTimeAsync(100);
    const oldest = busy.follower.buffer.at(0)!.timestamp;
    expect(oldest).toBeLessThanOrEqual(startedAt - 300_000);
    expect(oldest).toBeGreaterThan(startedAt - 300_050);
    expect(busy.world.filterCalls.length).toBeLessThan(6);
    busy.follower.stop();
  });

  it("loads older events on demand", async () => {
    const { world, follower, messages } = setup([{ id: "t1", createdAt: NOW - 48 * 3_600_000 }], ["app"], {
      historyLines: 5,
    });
    for (let i = 1; i <= 20; i++) world.put(GROUP, stream("app", "t1"), NOW - i * 3_600_000, `h${i}`);
    follower.start({ kind: "task", cluster: CLUSTER, taskArn: taskArn("t1") });
    await settle();
    expect(messages()).toEqual(["h5", "h4", "h3", "h2", "h1"]);
    expect(await follower.loadOlder()).toBe(5);
    expect(messages()).toEqual(["h10", "h9", "h8", "h7", "h6", "h5", "h4", "h3", "h2", "h1"]);
    follower.stop();
  });

  it.each([
    ["denied", "Live Tail unavailable: AccessDeniedException"],
    ["limit", "Live Tail unavailable: LimitExceededException"],
    ["server-error", "Live Tail unavailable: InternalFailure"],
  ] as const)("falls back to polling when Live Tail is %s, and says why", async (mode, reason) => {
    const { world, follower, messages } = setup([{ id: "t1", createdAt: NOW - 3_600_000 }]);
    world.liveTail = mode;
    world.put(GROUP, stream("app", "t1"), NOW - 1_000, "history");
    follower.start({ kind: "task", cluster: CLUSTER, taskArn: taskArn("t1") });
    await settle();
    expect(follower.getState()).toMatchObject({ mode: "polling", modeReason: reason });

    world.put(GROUP, stream("app", "t1"), NOW + 500, "polled");
    await vi.advanceTimersByTimeAsync(2_500);
    expect(messages()).toEqual(["history", "polled"]);
    // A good poll clears the Live Tail failure; the reason stays.
    expect(follower.getState()).toMatchObject({ mode: "polling", modeReason: reason, failure: undefined });
    follower.stop();
  });

  it("follows a service: new tasks join the Live Tail session, stopped tasks keep their lines", async () => {
    const tasks: FakeTask[] = [{ id: "t1", service: "web", createdAt: NOW - 3_600_000 }];
    const { world, follower, messages } = setup(tasks);
    follower.start({ kind: "service", cluster: CLUSTER, service: "web" });
    await settle();
    const first = world.sessions[0]!;
    expect(first.request.logStreamNames).toEqual([stream("app", "t1")]);
    first.update([world.liveEvent(GROUP, stream("app", "t1"), NOW + 100, "t1 live")]);

    // A deployment starts t2; it already wrote a line before the next task refresh.
    tasks.push({ id: "t2", service: "web", createdAt: NOW + 2_000 });
    world.put(GROUP, stream("app", "t2"), NOW + 3_000, "t2 booting");
    await vi.advanceTimersByTimeAsync(10_000);
    const second = world.sessions[1]!;
    expect(second.request.logStreamNames).toEqual([stream("app", "t1"), stream("app", "t2")]);
    expect(first.aborted).toBe(true);
    expect(follower.getState().sources.map((s) => s.taskId)).toEqual(["t1", "t2"]);
    second.update([world.liveEvent(GROUP, stream("app", "t2"), NOW + 10_500, "t2 live")]);
    await settle();
    expect(messages()).toEqual(["t1 live", "t2 booting", "t2 live"]);

    // t1 stops: it leaves the list, is followed a minute more for its last lines, then dropped.
    tasks[0]!.desiredStatus = "STOPPED";
    tasks[0]!.lastStatus = "STOPPED";
    second.update([world.liveEvent(GROUP, stream("app", "t1"), NOW + 12_000, "t1 last words")]);
    await vi.advanceTimersByTimeAsync(80_000);
    const last = world.sessions.at(-1)!;
    expect(last.request.logStreamNames).toEqual([stream("app", "t2")]);
    expect(follower.getState().sources.map((s) => s.taskId)).toEqual(["t2"]);
    expect(messages()).toEqual(["t1 live", "t2 booting", "t2 live", "t1 last words"]);
    expect(follower.getState().mode).toBe("live");
    follower.stop();
  });

  it("adds a service's new tasks to polling when Live Tail is unavailable", async () => {
    const tasks: FakeTask[] = [{ id: "t1", service: "web", createdAt: NOW - 3_600_000 }];
    const { world, follower, messages } = setup(tasks);
    world.liveTail = "denied";
    follower.start({ kind: "service", cluster: CLUSTER, service: "web" });
    await settle();
    tasks.push({ id: "t2", service: "web", createdAt: NOW + 1_000 });
    world.put(GROUP, stream("app", "t2"), NOW + 5_000, "t2 line");
    await vi.advanceTimersByTimeAsync(10_000);
    world.put(GROUP, stream("app", "t2"), NOW + 12_000, "t2 later");
    world.put(GROUP, stream("app", "t1"), NOW + 11_000, "t1 later");
    await vi.advanceTimersByTimeAsync(3_000);
    expect(messages()).toEqual(["t2 line", "t1 later", "t2 later"]);
    const lastCall = world.filterCalls.at(-1)!.request;
    expect(lastCall.logStreamNames).toEqual([stream("app", "t1"), stream("app", "t2")]);
    follower.stop();
  });

  it("shows an event once when history and Live Tail both deliver it", async () => {
    const { world, follower, messages } = setup([{ id: "t1", createdAt: NOW - 3_600_000 }]);
    world.put(GROUP, stream("app", "t1"), NOW - 2_000, "before");
    world.put(GROUP, stream("app", "t1"), NOW - 500, "ingested late");
    follower.start({ kind: "task", cluster: CLUSTER, taskArn: taskArn("t1") });
    await settle();
    // Ingested just after the session started, so Live Tail sends it too, without an eventId.
    world.sessions[0]!.update([
      world.liveEvent(GROUP, stream("app", "t1"), NOW - 500, "ingested late"),
      world.liveEvent(GROUP, stream("app", "t1"), NOW + 10, "after"),
    ]);
    await settle();
    expect(messages()).toEqual(["before", "ingested late", "after"]);
    follower.stop();
  });

  it("explains a task whose containers log elsewhere, and stops", async () => {
    const logs = fakeLogs();
    const definition = awslogsDefinition(["app"]);
    definition.containerDefinitions![0]!.logConfiguration = { logDriver: "splunk", options: {} };
    const ecs = fakeEcs(definition, [{ id: "t1", createdAt: NOW }]);
    const follower = new LogFollower({ ecs: ecs.ecs, logs: logs.logs });
    follower.start({ kind: "container", cluster: CLUSTER, taskArn: taskArn("t1"), container: "app" });
    await settle();
    expect(follower.getState()).toMatchObject({
      mode: "stopped",
      modeReason: "no CloudWatch Logs stream to follow",
    });
    expect(follower.getState().sources).toEqual([
      expect.objectContaining({ kind: "elsewhere", driver: "splunk", container: "app" }),
    ]);
    expect(logs.world.sessions).toHaveLength(0);
    follower.stop();
  });

  it("keeps a stopped task's lines and says it has stopped", async () => {
    const tasks: FakeTask[] = [{ id: "t1", createdAt: NOW - 3_600_000 }];
    const { world, follower, messages } = setup(tasks);
    follower.start({ kind: "task", cluster: CLUSTER, taskArn: taskArn("t1") });
    await settle();
    world.sessions[0]!.update([world.liveEvent(GROUP, stream("app", "t1"), NOW + 100, "shutting down")]);
    tasks[0]!.lastStatus = "STOPPED";
    tasks[0]!.desiredStatus = "STOPPED";
    await vi.advanceTimersByTimeAsync(75_000);
    expect(follower.getState()).toMatchObject({ mode: "stopped", modeReason: "the task has stopped" });
    expect(world.sessions.every((session) => session.aborted)).toBe(true);
    expect(messages()).toEqual(["shutting down"]);
    follower.stop();
  });

  it("waits for a service scaled to zero and follows its tasks when they come back", async () => {
    const tasks: FakeTask[] = [];
    const { world, follower, messages } = setup(tasks);
    world.createStream(GROUP, stream("app", "t9"));
    follower.start({ kind: "service", cluster: CLUSTER, service: "web" });
    await settle();
    expect(follower.getState()).toMatchObject({ mode: "starting", modeReason: "no running tasks yet" });
    tasks.push({ id: "t9", service: "web", createdAt: NOW + 5_000 });
    world.put(GROUP, stream("app", "t9"), NOW + 6_000, "hello");
    await vi.advanceTimersByTimeAsync(10_000);
    expect(follower.getState()).toMatchObject({ mode: "live" });
    expect(messages()).toEqual(["hello"]);
    follower.stop();
  });

  it("says so when polling cannot keep up and skips lines", async () => {
    const { world, follower } = setup([{ id: "t1", createdAt: NOW - 3_600_000 }]);
    world.liveTail = "denied";
    world.pageSize = 10;
    // 100 lines a second against one page of 10 a second.
    for (let i = 0; i < 10_000; i++) world.put(GROUP, stream("app", "t1"), NOW + i * 10, `busy ${i}`);
    follower.start({ kind: "task", cluster: CLUSTER, taskArn: taskArn("t1") });
    await settle();
    expect(follower.getState().skipped).toEqual([]);
    await vi.advanceTimersByTimeAsync(75_000);
    const { skipped, modeReason } = follower.getState();
    expect(skipped).toHaveLength(1);
    const [range] = skipped;
    expect(range!.group).toBe(GROUP);
    expect(range!.to - range!.from).toBeGreaterThan(55_000);
    expect(modeReason).toBe(
      `fell behind: skipped ${Math.round((range!.to - range!.from) / 1000)} s of ${GROUP}`,
    );
    const lines = follower.buffer.slice(0, follower.buffer.length);
    expect(lines.some((line) => line.timestamp > range!.from && line.timestamp < range!.to)).toBe(false);
    expect(lines.some((line) => line.timestamp >= range!.to)).toBe(true);
    // The pane shows where: a marker after the last line before the range.
    const marker = follower.buffer.markers().find((m) => m.kind === "skipped");
    expect(marker?.skipped).toEqual(range);
    const before = lines.filter((line) => line.timestamp < range!.from).at(-1);
    expect(marker?.afterId).toBe(before?.id);
    follower.stop();
  });

  it("reads a new task's first lines when its stream appears after the task", async () => {
    const tasks: FakeTask[] = [{ id: "t1", service: "web", createdAt: NOW - 3_600_000 }];
    const { world, follower, messages } = setup(tasks);
    world.liveTail = "denied";
    follower.start({ kind: "service", cluster: CLUSTER, service: "web" });
    await settle();
    // t2 is seen at the next task refresh, before its container has written anything.
    tasks.push({ id: "t2", service: "web", createdAt: NOW + 9_000 });
    await vi.advanceTimersByTimeAsync(10_500);
    world.put(GROUP, stream("app", "t2"), NOW + 10_500, "t2 first");
    // t1 is busy meanwhile: the group's newest line moves on past the lag.
    for (let s = 11; s <= 30; s++) {
      world.put(GROUP, stream("app", "t1"), NOW + s * 1_000, `t1 ${s}`);
      await vi.advanceTimersByTimeAsync(1_000);
    }
    expect(messages()).toContain("t2 first");
    expect(messages().filter((message) => message.startsWith("t1"))).toHaveLength(20);
    follower.stop();
  });

  it("widens the history window on demand and uses it for the next start", async () => {
    const { world, follower, messages } = setup([{ id: "t1", createdAt: NOW - 48 * 3_600_000 }], ["app"], {
      historyLines: 5,
    });
    for (let i = 1; i <= 120; i++) world.put(GROUP, stream("app", "t1"), NOW - i * 60_000, `m${i}`);
    expect(follower.getState().historyWindowMs).toBe(5 * 60_000);
    follower.start({ kind: "task", cluster: CLUSTER, taskArn: taskArn("t1") });
    await settle();
    expect(messages()).toEqual(["m5", "m4", "m3", "m2", "m1"]);

    expect(await follower.setHistoryWindow(30.5 * 60_000)).toBe(25);
    expect(follower.getState().historyWindowMs).toBe(30.5 * 60_000);
    expect(follower.buffer.length).toBe(30);
    expect(follower.buffer.at(0)?.message).toBe("m30");
    // Narrower, or already covered: nothing to read.
    const calls = world.filterCalls.length;
    expect(await follower.setHistoryWindow(60_000)).toBe(0);
    expect(await follower.setHistoryWindow(20 * 60_000)).toBe(0);
    expect(world.filterCalls.length).toBe(calls);
    await expect(follower.setHistoryWindow(0)).rejects.toThrow(RangeError);
    follower.stop();

    const next = setup([{ id: "t1", createdAt: NOW - 48 * 3_600_000 }], ["app"], { historyLines: 5 });
    for (let i = 1; i <= 120; i++) next.world.put(GROUP, stream("app", "t1"), NOW - i * 60_000, `m${i}`);
    expect(await next.follower.setHistoryWindow(15.5 * 60_000)).toBe(0);
    next.follower.start({ kind: "task", cluster: CLUSTER, taskArn: taskArn("t1") });
    await settle();
    expect(next.follower.buffer.length).toBe(15);
    next.follower.stop();
  });

  it("polls a busy, churning service at no more than one request per second per log group", async () => {
    const tasks: FakeTask[] = [
      { id: "t1", service: "web", createdAt: NOW - 3_600_000 },
      { id: "t2", service: "web", createdAt: NOW - 3_600_000 },
    ];
    const { world, follower } = setup(tasks, ["app", "proxy"]);
    world.liveTail = "denied";
    world.pageSize = 50;
    for (let i = 0; i < 4_000; i++) world.put(GROUP, stream("app", "t1"), NOW - 60_000 + i * 30, `busy ${i}`);
    follower.start({ kind: "service", cluster: CLUSTER, service: "web" });
    await settle();
    const afterHistory = world.filterCalls.length;
    world.alwaysMore = true; // from now on every page says more follows
    const seconds = 120;
    for (let s = 0; s < seconds; s += 15) {
      const id = `n${s}`; // a new task every 15 s, each with history to backfill
      tasks.push({ id, service: "web", createdAt: Date.now() });
      world.put(GROUP, stream("app", id), Date.now(), `hello from ${id}`);
      world.createStream(GROUP, stream("proxy", id));
      await vi.advanceTimersByTimeAsync(15_000);
    }
    const calls = world.filterCalls.slice(afterHistory);
    expect(calls.length).toBeGreaterThan(seconds * 0.8);
    expect(calls.length).toBeLessThanOrEqual(seconds + 2);
    expect(follower.getState().mode).toBe("polling");
    expect(
      follower.buffer.slice(0, follower.buffer.length).filter((l) => l.message.startsWith("hello")),
    ).toHaveLength(8);
    follower.stop();
  });
});
