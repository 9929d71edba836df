// The polling fallback: `aws logs tail --follow` semantics, and a request budget of one request
// per second per log group however busy the group is.
import type { FilteredLogEvent } from "@aws-sdk/client-cloudwatch-logs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MissingStreams, filterRange } from "../../../../source/features/logs/filter-range.js";
import type { GroupTarget } from "../../../../source/features/logs/follow-targets.js";
import { LogPoller, type SkippedRange } from "../../../../source/features/logs/log-poller.js";
import { PollBudget } from "../../../../source/features/logs/poll-budget.js";
import { fakeLogs } from "./fakes.js";

const START = Date.UTC(2026, 0, 15, 9, 30, 0);

const target = (group: string, streams: string[]): GroupTarget => ({
  key: `us-east-1\u0000${group}`,
  region: "us-east-1",
  group,
  groupArn: undefined,
  streams,
  notBefore: 0,
});

function poller(
  logs: ReturnType<typeof fakeLogs>["logs"],
  controller: AbortController,
  lagMs = 0,
  options: { maxBehindMs?: number; missing?: MissingStreams } = {},
) {
  const received: FilteredLogEvent[] = [];
  const skipped: SkippedRange[] = [];
  const poll = new LogPoller({
    logsFor: () => logs,
    budget: new PollBudget(),
    missing: options.missing ?? new MissingStreams(Date.now),
    signal: controller.signal,
    now: Date.now,
    intervalMs: 2_000,
    lagMs,
    maxBehindMs: options.maxBehindMs ?? 60_000,
    onEvents: (_target, events) => received.push(...events),
    onResult: () => {},
    onSkipped: (_target, range) => skipped.push(range),
  });
  return { poll, received, skipped };
}

describe("log poller", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: START });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("advances startTime to the newest event seen and never delivers an event twice", async () => {
    const { world, logs } = fakeLogs();
    world.put("/ecs/web", "ecs/app/t1", START - 1_000, "before");
    world.put("/ecs/web", "ecs/app/t1", START + 100, "first");
    const controller = new AbortController();
    const { poll, received } = poller(logs, controller);
    poll.follow([target("/ecs/web", ["ecs/app/t1"])], () => START);

    await vi.advanceTimersByTimeAsync(10);
    expect(received.map((e) => e.message)).toEqual(["first"]);
    expect(world.filterCalls[0]!.request.startTime).toBe(START);

    // Two events share the newest timestamp: the next poll re-reads that millisecond (inclusive
    // startTime) and drops the one it has by eventId, like the CLI.
    world.put("/ecs/web", "ecs/app/t1", START + 500, "second");
    await vi.advanceTimersByTimeAsync(2_000);
    world.put("/ecs/web", "ecs/app/t1", START + 500, "same millisecond");
    world.put("/ecs/web", "ecs/app/t1", START + 2_500, "third");
    await vi.advanceTimersByTimeAsync(2_000);
    controller.abort();

    expect(received.map((e) => e.message)).toEqual(["first", "second", "same millisecond", "third"]);
    const startTimes = world.filterCalls.map((call) => call.request.startTime);
    expect(startTimes).toEqual([START, START + 100, START + 500]);
  });

  it("re-reads a lag window while quiet, so a late batch with older timestamps is not missed", async () => {
    const { world, logs } = fakeLogs();
    const controller = new AbortController();
    const { poll, received } = poller(logs, controller, 5_000);
    world.put("/ecs/web", "ecs/app/t1", START + 4_000, "a");
    world.createStream("/ecs/web", "ecs/app/t2");
    poll.follow([target("/ecs/web", ["ecs/app/t1", "ecs/app/t2"])], () => START);
    await vi.advanceTimersByTimeAsync(10);
    // The other stream's batch lands late, stamped before the newest event already seen.
    world.put("/ecs/web", "ecs/app/t2", START + 2_000, "late");
    await vi.advanceTimersByTimeAsync(2_000);
    controller.abort();
    expect(received.map((e) => e.message)).toEqual(["a", "late"]);
    expect(world.filterCalls[1]!.request.startTime).toBeLessThanOrEqual(START + 4_000 - 5_000);
  });

  it("follows nextToken to the end of a busy range", async () => {
    const { world, logs } = fakeLogs();
    world.pageSize = 2;
    for (let i = 0; i < 5; i++) world.put("/ecs/web", "ecs/app/t1", START + i, `line ${i}`);
    const controller = new AbortController();
    const { poll, received } = poller(logs, controller);
    poll.follow([target("/ecs/web", ["ecs/app/t1"])], () => START);
    await vi.advanceTimersByTimeAsync(5_000);
    controller.abort();
    expect(received.map((e) => e.message)).toEqual(["line 0", "line 1", "line 2", "line 3", "line 4"]);
    expect(world.filterCalls.slice(0, 3).map((c) => c.request.nextToken)).toEqual([undefined, "2", "4"]);
  });

  it("sends at most one request per second per log group on average, however busy", async () => {
    const { world, logs } = fakeLogs();
    world.alwaysMore = true; // every page says more follows
    world.pageSize = 1;
    for (let i = 0; i < 1_000; i++) world.put("/ecs/busy", "ecs/app/t1", START + i, `busy ${i}`);
    world.put("/ecs/quiet", "ecs/app/t2", START, "quiet");
    const controller = new AbortController();
    const { poll } = poller(logs, controller);
    poll.follow([target("/ecs/busy", ["ecs/app/t1"]), target("/ecs/quiet", ["ecs/app/t2"])], () => START);

    const seconds = 120;
    await vi.advanceTimersByTimeAsync(seconds * 1_000);
    controller.abort();
    const byGroup = (group: string) => world.filterCalls.filter((c) => c.request.logGroupName === group);
    const busy = byGroup("/ecs/busy");
    // The burst of 2 is the only allowance over one a second.
    expect(busy.length).toBeGreaterThan(seconds * 0.9);
    expect(busy.length).toBeLessThanOrEqual(seconds + 2);
    // No 10-second window holds more than 10 requests (+ the burst) for the group.
    for (const call of busy) {
      const inWindow = busy.filter((c) => c.at >= call.at && c.at < call.at + 10_000).length;
      expect(inWindow).toBeLessThanOrEqual(12);
    }
    // The quiet group is never starved by the busy one.
    expect(byGroup("/ecs/quiet").length).toBeGreaterThan(seconds / 2 - 5);
    expect(world.filterCalls.length).toBeLessThanOrEqual(2 * seconds + 4);
  });

  it("starts every pass a lag before the newest event while busy, paging a busy window to its end", async () => {
    const { world, logs } = fakeLogs();
    world.pageSize = 10;
    // 5 s hold 50 events, five pages: a pass that re-read its lag window and gave up after a few
    // pages would never get past it.
    for (let i = 0; i <= 60; i++) world.put("/ecs/web", "ecs/app/t1", START + i * 100, `busy ${i}`);
    world.createStream("/ecs/web", "ecs/app/t2");
    const controller = new AbortController();
    const { poll, received } = poller(logs, controller, 5_000);
    poll.follow([target("/ecs/web", ["ecs/app/t1", "ecs/app/t2"])], () => START);
    await vi.advanceTimersByTimeAsync(6_000);
    const firstPass = world.filterCalls.map((call) => call.request);
    expect(firstPass.map((request) => request.nextToken)).toEqual([
      undefined,
      "10",
      "20",
      "30",
      "40",
      "50",
      "60",
    ]);
    expect(received).toHaveLength(61);

    // The other stream's batch lands late, stamped before the newest event already seen.
    world.put("/ecs/web", "ecs/app/t2", START + 4_000, "late");
    world.put("/ecs/web", "ecs/app/t1", START + 6_100, "next");
    await vi.advanceTimersByTimeAsync(10_000);
    controller.abort();
    const messages = received.map((event) => event.message);
    expect(messages.slice(61)).toEqual(["late", "next"]);
    expect(new Set(messages).size).toBe(messages.length);
    expect(world.filterCalls[firstPass.length]!.request.startTime).toBeLessThanOrEqual(START + 6_000 - 5_000);
  });

  it("holds only the lag window's event ids during a pass that never ends", async () => {
    const { world, logs } = fakeLogs();
    world.pageSize = 10;
    world.alwaysMore = true;
    const controller = new AbortController();
    const { poll, received } = poller(logs, controller, 5_000);
    // Five events a second for a minute, read in one endless pass of ten-event pages.
    let written = 0;
    const writer = setInterval(() => {
      world.put("/ecs/web", "ecs/app/t1", Date.now(), `line ${written}`);
      written += 1;
    }, 200);
    poll.follow([target("/ecs/web", ["ecs/app/t1"])], () => START);
    let mostRemembered = 0;
    for (let second = 0; second < 60; second++) {
      await vi.advanceTimersByTimeAsync(1_000);
      mostRemembered = Math.max(mostRemembered, poll.rememberedIds());
    }
    clearInterval(writer);
    controller.abort();
    // One pass: every request carries its start time.
    expect(new Set(world.filterCalls.map((call) => call.request.startTime))).toEqual(
      new Set([START - 5_000]),
    );
    expect(received.length).toBeGreaterThan(250);
    expect(new Set(received.map((event) => event.message)).size).toBe(received.length);
    // 5 s of lag at five events a second, and a page or two of slack; not the whole minute.
    expect(mostRemembered).toBeLessThan(60);
  });

  it("reads a stream's late batch from its own newest line, even further back than the lag", async () => {
    const { world, logs } = fakeLogs();
    world.createStream("/ecs/web", "ecs/proxy/t1");
    const controller = new AbortController();
    const { poll, received } = poller(logs, controller, 5_000);
    poll.follow([target("/ecs/web", ["ecs/app/t1", "ecs/proxy/t1"])], () => START);
    for (let second = 1; second <= 30; second++) {
      // The app's lines land at once; the proxy's 8-second batch lands late.
      world.put("/ecs/web", "ecs/app/t1", START + second * 1_000, `app ${second}`);
      if (second === 12) world.put("/ecs/web", "ecs/proxy/t1", START + 12_000, "proxy 12");
      if (second === 21) {
        for (let at = 13; at <= 20; at++)
          world.put("/ecs/web", "ecs/proxy/t1", START + at * 1_000, `proxy ${at}`);
      }
      await vi.advanceTimersByTimeAsync(1_000);
    }
    controller.abort();
    const proxy = received.map((event) => event.message).filter((message) => message?.startsWith("proxy"));
    expect(proxy).toEqual(["proxy 12", ...Array.from({ length: 8 }, (_, i) => `proxy ${13 + i}`)]);
    expect(received.filter((event) => event.message?.startsWith("app"))).toHaveLength(30);
  });

  it("lets new streams join a busy pass at once, going on from where it got to", async () => {
    const { world, logs } = fakeLogs();
    world.alwaysMore = true; // a group whose pages never end
    world.pageSize = 1;
    for (let i = 0; i < 100; i++) world.put("/ecs/web", "ecs/app/t1", START + i * 1_000, `busy ${i}`);
    world.put("/ecs/web", "ecs/app/t2", START + 20_000, "new task");
    const controller = new AbortController();
    const { poll, received } = poller(logs, controller, 5_000);
    poll.follow([target("/ecs/web", ["ecs/app/t1"])], () => START);
    await vi.advanceTimersByTimeAsync(10_000);
    const before = world.filterCalls.length;
    poll.follow([target("/ecs/web", ["ecs/app/t1", "ecs/app/t2"])], () => START);
    await vi.advanceTimersByTimeAsync(2_000);
    const joined = world.filterCalls.slice(before).find((call) => call.request.logStreamNames?.length === 2);
    expect(joined?.request.nextToken).toBeUndefined();
    await vi.advanceTimersByTimeAsync(15_000);
    controller.abort();
    const messages = received.map((event) => event.message);
    expect(messages).toContain("new task");
    // The busy stream goes on without a hole.
    const busy = messages.filter((message) => message?.startsWith("busy"));
    expect(busy).toEqual(busy.map((_, i) => `busy ${i}`));
    expect(busy.length).toBeGreaterThan(15);
  });

  it("skips ahead when it cannot keep up, and reports every range it did not read", async () => {
    const { world, logs } = fakeLogs();
    world.pageSize = 10;
    // 100 events a second; one page of 10 a second reads 0.1 s of them.
    const stored = [];
    for (let i = 0; i < 6_000; i++) stored.push(world.put("/ecs/web", "ecs/app/t1", START + i * 10, `e${i}`));
    const controller = new AbortController();
    const { poll, received, skipped } = poller(logs, controller, 5_000, { maxBehindMs: 10_000 });
    poll.follow([target("/ecs/web", ["ecs/app/t1"])], () => START);
    await vi.advanceTimersByTimeAsync(30_000);
    controller.abort();

    expect(skipped.length).toBeGreaterThanOrEqual(1);
    const first = skipped[0]!;
    expect(first.group).toBe("/ecs/web");
    // Behind by more than 10 s after 10 s of paging; the read goes on from now - lag.
    expect(first.from).toBeLessThan(START + 2_000);
    expect(first.to).toBeGreaterThan(START + 5_000);
    expect(first.to).toBeLessThan(START + 30_000);
    // No line lost without a marker: up to where the poller got, every event was delivered or
    // lies in a reported range.
    const got = new Set(received.map((event) => event.eventId));
    const reached = Math.max(...received.map((event) => event.timestamp ?? 0));
    const unaccounted = stored.filter(
      (event) =>
        event.timestamp <= reached &&
        !got.has(event.eventId) &&
        !skipped.some((range) => event.timestamp >= range.from && event.timestamp < range.to),
    );
    expect(unaccounted).toEqual([]);
    expect(received.some((event) => (event.timestamp ?? 0) >= first.to)).toBe(true);
  });

  it("reads a stream that did not exist yet from when it was first wanted, once it appears", async () => {
    const { world, logs } = fakeLogs();
    world.createStream("/ecs/web", "ecs/app/t1");
    const controller = new AbortController();
    const missing = new MissingStreams(Date.now);
    const { poll, received } = poller(logs, controller, 5_000, { missing });
    poll.follow([target("/ecs/web", ["ecs/app/t1", "ecs/app/t2"])], () => START);
    await vi.advanceTimersByTimeAsync(1_500);
    expect(missing.present("/ecs/web", ["ecs/app/t2"])).toEqual([]);
    // The task's stream is created with its first line; meanwhile the group moves on.
    world.put("/ecs/web", "ecs/app/t2", START + 1_500, "t2 first");
    await vi.advanceTimersByTimeAsync(10_500);
    world.put("/ecs/web", "ecs/app/t1", START + 12_000, "t1 busy");
    await vi.advanceTimersByTimeAsync(5_000);
    world.put("/ecs/web", "ecs/app/t2", START + 17_000, "t2 later");
    await vi.advanceTimersByTimeAsync(10_000);
    controller.abort();

    expect(received.map((event) => event.message)).toEqual(["t1 busy", "t2 first", "t2 later"]);
    // Asked alone twice: when the refused request was split, and once after the recheck delay,
    // from the first pass's start; from then on it is an ordinary stream of the group.
    const alone = world.filterCalls.filter((call) => call.request.logStreamNames?.join() === "ecs/app/t2");
    expect(alone.map((call) => call.request.startTime)).toEqual([START - 5_000, START - 5_000]);
    expect(alone[1]!.at).toBeGreaterThanOrEqual(alone[0]!.at + 15_000);
    expect(missing.due("/ecs/web", ["ecs/app/t2"])).toEqual([]);
  });

  it("tells which events a stopped read left unread", async () => {
    const { world, logs } = fakeLogs();
    world.pageSize = 2;
    const streams = Array.from({ length: 150 }, (_, i) => `ecs/app/t${i}`);
    for (const [i, name] of streams.entries()) world.put("/ecs/web", name, START + i, `from ${name}`);
    const read = (names: string[]) =>
      filterRange(
        { logs, group: "/ecs/web", streams: names, startTime: START - 1_000 },
        { signal: new AbortController().signal, missing: new MissingStreams(Date.now), onPage: () => false },
      );
    // One batch: the rest of it, from the last event of the page read.
    expect((await read(streams.slice(0, 10))).unreadFrom).toBe(START + 1);
    // Two batches (100 streams a request): the second was not read at all.
    expect((await read(streams)).unreadFrom).toBe(START - 1_000);
    // Nothing left: nothing unread.
    expect((await read(streams.slice(0, 2))).unreadFrom).toBeUndefined();
  });

  it("leaves out streams that do not exist yet instead of losing the whole request", async () => {
    const { world, logs } = fakeLogs();
    world.put("/ecs/web", "ecs/app/t1", START, "from t1");
    world.put("/ecs/web", "ecs/app/t3", START, "from t3");
    const controller = new AbortController();
    const missing = new MissingStreams(Date.now);
    const got: string[] = [];
    const outcome = await filterRange(
      {
        logs,
        group: "/ecs/web",
        streams: ["ecs/app/t1", "ecs/app/t2", "ecs/app/t3", "ecs/app/t4"],
        startTime: START,
      },
      {
        signal: controller.signal,
        missing,
        onPage: (events) => {
          got.push(...events.map((e) => e.message ?? ""));
        },
      },
    );
    expect(outcome.failure).toBeUndefined();
    expect(outcome.missing.sort()).toEqual(["ecs/app/t2", "ecs/app/t4"]);
    expect(got.sort()).toEqual(["from t1", "from t3"]);
    expect(missing.present("/ecs/web", ["ecs/app/t1", "ecs/app/t2", "ecs/app/t3", "ecs/app/t4"])).toEqual([
      "ecs/app/t1",
      "ecs/app/t3",
    ]);
    // Once the stream appears it is read again after the recheck delay, from when it was first
    // wanted; a later miss does not move that time.
    world.createStream("/ecs/web", "ecs/app/t2");
    vi.advanceTimersByTime(15_000);
    expect(missing.present("/ecs/web", ["ecs/app/t2"])).toEqual(["ecs/app/t2"]);
    missing.mark("/ecs/web", "ecs/app/t4", START + 20_000);
    vi.advanceTimersByTime(15_000);
    expect(missing.due("/ecs/web", ["ecs/app/t1", "ecs/app/t2", "ecs/app/t4"])).toEqual([
      { stream: "ecs/app/t2", since: START },
      { stream: "ecs/app/t4", since: START },
    ]);
  });
});
