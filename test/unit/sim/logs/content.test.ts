// What the simulated containers write: structured JSON, Java and Python stack traces one line per
// event, the crash-looping service's memory pressure and OOM last words before exit 137, finished
// jobs, hostile lines in one demo service, and the line-rate knob.
import {
  FilterLogEventsCommand,
  GetLogEventsCommand,
  type CloudWatchLogsClient,
  type FilteredLogEvent,
  type OutputLogEvent,
} from "@aws-sdk/client-cloudwatch-logs";
import { DescribeTasksCommand, ListTasksCommand, type ECSClient, type Task } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { PROD_SERVICE_NAMES, isWebService } from "../../../../source/sim/ecs/catalog.js";
import { createSimulatedAccount, simOptionsFromEnv } from "../../../../source/sim/index.js";
import { LONG_LINE_LENGTH } from "../../../../source/sim/logs/content/hostile-lines.js";
import { languageOf } from "../../../../source/sim/logs/content/line-source.js";
import { simulatedLogs } from "../../../helpers/sim-logs-client.js";

const MINUTE = 60_000;

function setup(options: Parameters<typeof simulatedLogs>[0] = {}) {
  return simulatedLogs({ throttle: false, ...options });
}

async function recent(
  logs: CloudWatchLogsClient,
  service: string,
  since: number,
  group = `/ecs/${service}`,
): Promise<FilteredLogEvent[]> {
  const out: FilteredLogEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await logs.send(
      new FilterLogEventsCommand({
        logGroupName: group,
        logStreamNamePrefix: `ecs/${service}/`,
        startTime: since,
        nextToken,
      }),
    );
    out.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken !== undefined);
  return out;
}

async function wholeStream(
  logs: CloudWatchLogsClient,
  logGroupName: string,
  logStreamName: string,
): Promise<OutputLogEvent[]> {
  const out: OutputLogEvent[] = [];
  let nextToken: string | undefined;
  for (;;) {
    const page = await logs.send(
      new GetLogEventsCommand({ logGroupName, logStreamName, startFromHead: true, nextToken }),
    );
    out.push(...(page.events ?? []));
    if (page.nextForwardToken === nextToken) return out;
    nextToken = page.nextForwardToken;
  }
}

async function stoppedTasks(
  ecs: ECSClient,
  cluster: string,
  filter: { serviceName?: string; family?: string },
): Promise<Task[]> {
  const listed = await ecs.send(new ListTasksCommand({ cluster, desiredStatus: "STOPPED", ...filter }));
  if ((listed.taskArns ?? []).length === 0) return [];
  return (await ecs.send(new DescribeTasksCommand({ cluster, tasks: listed.taskArns }))).tasks ?? [];
}

/** C0 controls other than tab and newline, DEL and C1 controls. */
function hasControlCharacter(message: string): boolean {
  for (let i = 0; i < message.length; i++) {
    const code = message.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

const taskId = (task: Task): string => task.taskArn?.split("/").pop() ?? "";
const OUT_OF_MEMORY = /OutOfMemoryError|out of memory|SIGKILL! Perhaps out of memory/;

describe("simulated CloudWatch Logs: what containers write", () => {
  it("the crash-looping service runs out of memory: pressure, then last words before exit 137 and the stop", async () => {
    const { logs, ecs, clock } = setup();
    clock.advance(5 * MINUTE);
    const killed = (await stoppedTasks(ecs, "prod", { serviceName: "payments-worker" })).filter((task) =>
      task.containers?.some(
        (container) => container.name === "payments-worker" && container.exitCode === 137,
      ),
    );
    expect(killed.length).toBeGreaterThanOrEqual(2);
    for (const task of killed) {
      const events = await wholeStream(logs, "/ecs/payments-worker", `ecs/payments-worker/${taskId(task)}`);
      const stoppingAt = task.stoppingAt?.getTime() ?? 0;
      const stoppedAt = task.stoppedAt?.getTime() ?? 0;
      expect(events.length).toBeGreaterThan(5);
      expect(events.every((event) => (event.timestamp ?? Infinity) <= stoppingAt)).toBe(true);
      const lastWords = events.slice(-12).filter((event) => OUT_OF_MEMORY.test(event.message ?? ""));
      expect(lastWords.length).toBeGreaterThan(0);
      for (const event of lastWords) {
        expect(event.timestamp).toBeLessThan(stoppedAt);
        expect(event.timestamp).toBeGreaterThan(stoppingAt - 1000);
      }
      expect(
        events.some((event) => /GC overhead|memory usage|memory pressure/.test(event.message ?? "")),
      ).toBe(true);
    }
    const errorShare = (events: FilteredLogEvent[]): number =>
      events.filter((event) => /error|ERROR/.test(event.message ?? "")).length / Math.max(1, events.length);
    const since = clock.now() - 10 * MINUTE;
    expect(errorShare(await recent(logs, "payments-worker", since))).toBeGreaterThan(
      5 * errorShare(await recent(logs, "cart", since)),
    );
  });

  it("a finished job's last line comes before its task stops", async () => {
    const { logs, ecs } = setup();
    const [job] = await stoppedTasks(ecs, "batch-ec2", { family: "report-export" });
    expect(job).toBeDefined();
    const events = await wholeStream(logs, "/ecs/report-export", `ecs/report-export/${taskId(job ?? {})}`);
    const last = events[events.length - 1];
    expect(last?.message).toMatch(/job finished: \d+ rows in [\d.]+s, exiting 0/);
    expect(last?.timestamp).toBeLessThan(job?.stoppingAt?.getTime() ?? 0);
    expect(events[0]?.timestamp).toBe(job?.startedAt?.getTime());
  });

  it("one demo service logs hostile lines: ANSI, OSC 52, bare CR, replacement characters, a 20,000-character line", async () => {
    const { logs, clock } = setup();
    const since = clock.now() - 3 * MINUTE;
    const messages = (await recent(logs, "reviews", since)).map((event) => event.message ?? "");
    const has = (test: (message: string) => boolean): boolean => messages.some(test);
    expect(has((m) => m.includes("\u001b[1;31m") && m.includes("\u001b[0m"))).toBe(true);
    expect(has((m) => m.includes("\u001b]52;c;"))).toBe(true);
    expect(has((m) => /\r(?!\n)/.test(m))).toBe(true);
    expect(has((m) => m.includes("\uFFFD"))).toBe(true);
    expect(has((m) => m.length === LONG_LINE_LENGTH)).toBe(true);
    expect(has((m) => m.includes("\u009b"))).toBe(true);
    for (const service of ["cart", "checkout", "payments-worker"]) {
      const others = await recent(logs, service, since);
      expect(others.some((event) => hasControlCharacter(event.message ?? ""))).toBe(false);
    }
  });

  it("structured services write JSON with level, msg, trace_id and latency_ms", async () => {
    const { logs, clock } = setup();
    const service = PROD_SERVICE_NAMES.slice(0, 42).find(
      (name) =>
        isWebService(name) && languageOf(name) === "node" && !["orders-api", "inventory"].includes(name),
    );
    expect(service).toBeDefined();
    const events = await recent(logs, service ?? "", clock.now() - 5 * MINUTE);
    const app = events.filter((event) => event.logStreamName?.startsWith(`ecs/${service}/`));
    const parsed = app.map((event) => JSON.parse(event.message ?? "") as Record<string, unknown>);
    expect(parsed.length).toBeGreaterThan(100);
    expect(parsed.every((line) => typeof line.level === "string" && typeof line.msg === "string")).toBe(true);
    const requests = parsed.filter((line) => line.msg === "request completed");
    expect(requests.length).toBeGreaterThan(50);
    for (const line of requests) {
      expect(line).toMatchObject({
        trace_id: expect.stringMatching(/^[0-9a-f]{32}$/),
        latency_ms: expect.any(Number),
      });
    }
  });

  it("Java and Python stack traces arrive one line per event, sharing the headline's timestamp", async () => {
    const { logs, clock } = setup();
    const since = clock.now() - 20 * MINUTE;
    const java = await recent(logs, "checkout", since);
    const frame = java.findIndex((event) => event.message?.startsWith("\tat "));
    expect(frame).toBeGreaterThan(0);
    const headline = java
      .slice(0, frame)
      .reverse()
      .find((event) => !event.message?.startsWith("\tat "));
    expect(headline?.timestamp).toBe(java[frame]?.timestamp);
    expect(headline?.logStreamName).toBe(java[frame]?.logStreamName);

    const pythonService = PROD_SERVICE_NAMES.slice(0, 42).find(
      (name) => languageOf(name) === "python" && !["orders-api", "inventory", "reviews"].includes(name),
    );
    const python = await recent(logs, pythonService ?? "", clock.now() - 60 * MINUTE);
    const traceback = python.findIndex((event) => event.message === "Traceback (most recent call last):");
    expect(traceback).toBeGreaterThanOrEqual(0);
    expect(python[traceback + 1]?.message).toMatch(/^ {2}File "\/app\/.+\.py", line \d+, in \w+$/);
    expect(python[traceback + 1]?.timestamp).toBe(python[traceback]?.timestamp);
  });

  it("writes about logLinesPerSecond lines per second per container; 1-3 for an app by default", async () => {
    const { logs, clock } = setup({ logLinesPerSecond: { cart: 500 } });
    const window = { startTime: clock.now() - 40_000, endTime: clock.now() - 20_000 };
    const fast = await recent(logs, "cart", window.startTime);
    const perStream = new Map<string, { count: number; first: number; last: number }>();
    for (const event of fast) {
      const time = event.timestamp ?? 0;
      const entry = perStream.get(event.logStreamName ?? "") ?? { count: 0, first: time, last: time };
      if (time < window.endTime) entry.count++;
      entry.last = time;
      perStream.set(event.logStreamName ?? "", entry);
    }
    // Streams of containers that ran through the whole window.
    const whole = [...perStream.values()].filter(
      (entry) => entry.first < window.startTime + 500 && entry.last >= window.endTime,
    );
    expect(whole.length).toBeGreaterThanOrEqual(2);
    for (const { count } of whole) {
      expect(count / 20).toBeGreaterThan(450);
      expect(count / 20).toBeLessThan(650);
    }
    const quiet = await recent(logs, "checkout", clock.now() - 11 * MINUTE);
    const appStreams = new Map<string, number>();
    for (const event of quiet) {
      if ((event.timestamp ?? 0) >= clock.now() - MINUTE || !event.logStreamName?.startsWith("ecs/checkout/"))
        continue;
      appStreams.set(event.logStreamName, (appStreams.get(event.logStreamName) ?? 0) + 1);
    }
    const rates = [...appStreams.values()].map((count) => count / 600);
    expect(rates.some((rate) => rate > 0.8 && rate < 4)).toBe(true);
  });

  it("reads the log rate and Live Tail mode from the environment, and refuses nonsense", () => {
    expect(simOptionsFromEnv({ DECKHAND_SIM_LOG_RATE: "2.5" }).logLinesPerSecond).toBe(2.5);
    expect(simOptionsFromEnv({ DECKHAND_SIM_LOG_RATE: "checkout=800, *=2" }).logLinesPerSecond).toEqual({
      checkout: 800,
      "*": 2,
    });
    expect(simOptionsFromEnv({ DECKHAND_SIM_LIVETAIL: "deny" }).liveTail).toBe("deny");
    expect(simOptionsFromEnv({ DECKHAND_SIM_LIVETAIL: "Unsupported" }).liveTail).toBe("unsupported");
    expect(() => simOptionsFromEnv({ DECKHAND_SIM_LOG_RATE: "fast" })).toThrow(/DECKHAND_SIM_LOG_RATE/);
    expect(() => simOptionsFromEnv({ DECKHAND_SIM_LOG_RATE: "checkout=" })).toThrow(/DECKHAND_SIM_LOG_RATE/);
    expect(() => simOptionsFromEnv({ DECKHAND_SIM_LIVETAIL: "sometimes" })).toThrow(/DECKHAND_SIM_LIVETAIL/);
    expect(() => createSimulatedAccount({ logLinesPerSecond: -1 })).toThrow(/logLinesPerSecond/);
    expect(() => createSimulatedAccount({ liveTailIntervalMs: 1 })).toThrow(/liveTailIntervalMs/);
  });
});
