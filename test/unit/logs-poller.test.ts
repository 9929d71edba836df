// The polling fallback: `aws logs tail --follow` semantics, and a request budget of one request
// per second per log group however busy the group is.
import type { FilteredLogEvent } from "@aws-sdk/client-cloudwatch-logs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MissingStreams, filterRange } from "../../source/logs/filter-range.js";
import type { GroupTarget } from "../../source/logs/follow-targets.js";
import { LogPoller } from "../../source/logs/log-poller.js";
import { PollBudget } from "../../source/logs/poll-budget.js";
import { fakeLogs } from "./logs-fakes.js";

const START = Date.UTC(2026, 0, 15, 9, 30, 0);

const target = (group: string, streams: string[]): GroupTarget => ({
  key: `us-east-1\u0000${group}`,
  region: "us-east-1",
  group,
  groupArn: undefined,
  streams,
  notBefore: 0,
});

function poller(logs: ReturnType<typeof fakeLogs>["logs"], controller: AbortController, lagMs = 0) {
  const received: FilteredLogEvent[] = [];
  const poll = new LogPoller({
    logsFor: () => logs,
    budget: new PollBudget(),
    missing: new MissingStreams(Date.now),
    signal: controller.signal,
    intervalMs: 2_000,
    lagMs,
    onEvents: (_target, events) => received.push(...events),
    onResult: () => {},
  });
  return { poll, received };
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
    expect(world.filterCalls[1]!.request.startTime).toBe(START + 4_000 - 5_000);
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
        onPage: (events) => got.push(...events.map((e) => e.message ?? "")),
      },
    );
    expect(outcome.failure).toBeUndefined();
    expect(got.sort()).toEqual(["from t1", "from t3"]);
    expect(missing.present("/ecs/web", ["ecs/app/t1", "ecs/app/t2", "ecs/app/t3", "ecs/app/t4"])).toEqual([
      "ecs/app/t1",
      "ecs/app/t3",
    ]);
    // Once the stream appears it is read again after the recheck delay.
    world.createStream("/ecs/web", "ecs/app/t2");
    vi.advanceTimersByTime(15_000);
    expect(missing.present("/ecs/web", ["ecs/app/t2"])).toEqual(["ecs/app/t2"]);
  });
});
