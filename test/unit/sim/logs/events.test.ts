// Reading the simulated logs: GetLogEvents paging and tokens, FilterLogEvents interleaving, event
// ids, time windows, filter patterns, lines arriving as awslogs ships them, throttling.
import {
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
  type CloudWatchLogsClient,
  type FilteredLogEvent,
  type FilterLogEventsCommandInput,
  type OutputLogEvent,
} from "@aws-sdk/client-cloudwatch-logs";
import { describe, expect, it } from "vitest";
import { failure, simulatedLogs } from "../../../helpers/sim-logs-client.js";

const MINUTE = 60_000;

function setup(options: Parameters<typeof simulatedLogs>[0] = {}) {
  return simulatedLogs({ throttle: false, ...options });
}

async function newestStream(logs: CloudWatchLogsClient, logGroupName: string): Promise<string> {
  const page = await logs.send(
    new DescribeLogStreamsCommand({ logGroupName, orderBy: "LastEventTime", descending: true, limit: 1 }),
  );
  const name = page.logStreams?.[0]?.logStreamName;
  if (name === undefined) throw new Error(`no streams in ${logGroupName}`);
  return name;
}

async function filterAll(
  logs: CloudWatchLogsClient,
  input: FilterLogEventsCommandInput,
): Promise<FilteredLogEvent[]> {
  const out: FilteredLogEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await logs.send(new FilterLogEventsCommand({ ...input, nextToken }));
    out.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken !== undefined);
  return out;
}

const timestamps = (events: Array<OutputLogEvent | FilteredLogEvent>): number[] =>
  events.map((event) => event.timestamp ?? 0);

describe("simulated CloudWatch Logs: GetLogEvents", () => {
  it("reads newest first, pages back, and follows forward until the token stops changing", async () => {
    const { logs, clock } = setup();
    const logGroupName = "/ecs/checkout";
    const logStreamName = await newestStream(logs, logGroupName);

    const newest = await logs.send(new GetLogEventsCommand({ logGroupName, logStreamName, limit: 50 }));
    expect(newest.events).toHaveLength(50);
    expect(timestamps(newest.events ?? [])).toEqual(
      [...timestamps(newest.events ?? [])].sort((a, b) => a - b),
    );
    expect(newest.events?.[49]?.timestamp).toBeLessThan(clock.now());
    const older = await logs.send(
      new GetLogEventsCommand({
        logGroupName,
        logStreamName,
        limit: 50,
        nextToken: newest.nextBackwardToken,
      }),
    );
    expect(older.events).toHaveLength(50);
    expect(older.events?.[49]?.timestamp).toBeLessThanOrEqual(newest.events?.[0]?.timestamp ?? 0);
    expect(newest.nextForwardToken).toMatch(/^f\/\d{56}$/);
    expect(newest.nextBackwardToken).toMatch(/^b\/\d{56}$/);

    const fromHead: OutputLogEvent[] = [];
    let token: string | undefined;
    let page = await logs.send(
      new GetLogEventsCommand({ logGroupName, logStreamName, startFromHead: true, limit: 500 }),
    );
    for (;;) {
      fromHead.push(...(page.events ?? []));
      token = page.nextForwardToken;
      page = await logs.send(
        new GetLogEventsCommand({
          logGroupName,
          logStreamName,
          startFromHead: true,
          limit: 500,
          nextToken: token,
        }),
      );
      if (page.nextForwardToken === token) break;
    }
    expect(page.events).toEqual([]);
    const stream = (
      await logs.send(new DescribeLogStreamsCommand({ logGroupName, logStreamNamePrefix: logStreamName }))
    ).logStreams?.[0];
    expect(fromHead[0]?.timestamp).toBe(stream?.creationTime);
    expect(fromHead.slice(-50)).toEqual(newest.events);
    const filtered = await filterAll(logs, { logGroupName, logStreamNames: [logStreamName] });
    expect(filtered.map((event) => event.message)).toEqual(fromHead.map((event) => event.message));

    clock.advance(20_000);
    const more = await logs.send(
      new GetLogEventsCommand({ logGroupName, logStreamName, startFromHead: true, nextToken: token }),
    );
    expect(more.events?.length).toBeGreaterThan(0);
    expect(more.events?.[0]?.timestamp).toBeGreaterThanOrEqual(
      fromHead[fromHead.length - 1]?.timestamp ?? Infinity,
    );
    expect(more.nextForwardToken).not.toBe(token);
  });

  it("keeps to startTime and endTime (end excluded), limit and the 1 MB page size", async () => {
    const { logs, clock } = setup({ logLinesPerSecond: { cart: 800 } });
    const logGroupName = "/ecs/cart";
    const logStreamName = await newestStream(logs, logGroupName);
    const startTime = clock.now() - 60_000;
    const endTime = clock.now() - 59_000;
    const window = await logs.send(
      new GetLogEventsCommand({ logGroupName, logStreamName, startTime, endTime, startFromHead: true }),
    );
    expect(window.events?.length).toBeGreaterThan(500);
    for (const time of timestamps(window.events ?? [])) {
      expect(time).toBeGreaterThanOrEqual(startTime);
      expect(time).toBeLessThan(endTime);
    }
    const big = await logs.send(
      new GetLogEventsCommand({
        logGroupName,
        logStreamName,
        startTime: clock.now() - 10 * MINUTE,
        startFromHead: true,
      }),
    );
    const bytes = (big.events ?? []).reduce(
      (sum, event) => sum + Buffer.byteLength(event.message ?? "") + 26,
      0,
    );
    expect(big.events?.length).toBeLessThan(10_000);
    expect(bytes).toBeLessThanOrEqual(1_048_576);
    expect(bytes).toBeGreaterThan(900_000);
  });

  it("answers unknown streams, bad limits and misused tokens the way CloudWatch does", async () => {
    const { logs } = setup();
    const logGroupName = "/ecs/checkout";
    const logStreamName = await newestStream(logs, logGroupName);
    const missing = await failure(
      logs.send(new GetLogEventsCommand({ logGroupName, logStreamName: "ecs/checkout/nope" })),
    );
    expect(missing.name).toBe("ResourceNotFoundException");
    expect(missing.message).toBe("The specified log stream does not exist.");
    expect(
      (await failure(logs.send(new GetLogEventsCommand({ logGroupName, logStreamName, limit: 10_001 }))))
        .name,
    ).toBe("InvalidParameterException");
    const first = await logs.send(new GetLogEventsCommand({ logGroupName, logStreamName, limit: 5 }));
    const backwards = await failure(
      logs.send(new GetLogEventsCommand({ logGroupName, logStreamName, nextToken: first.nextForwardToken })),
    );
    expect(backwards.name).toBe("InvalidParameterException");
    const other = await newestStream(logs, "/ecs/cart");
    const foreign = await failure(
      logs.send(
        new GetLogEventsCommand({
          logGroupName: "/ecs/cart",
          logStreamName: other,
          startFromHead: true,
          nextToken: first.nextForwardToken,
        }),
      ),
    );
    expect(foreign.name).toBe("InvalidParameterException");
  });
});

describe("simulated CloudWatch Logs: FilterLogEvents", () => {
  it("interleaves a service's streams by timestamp, with unique event ids stable across calls and seeds", async () => {
    const { logs, clock } = setup();
    const input = {
      logGroupName: "/ecs/checkout",
      logStreamNamePrefix: "ecs/checkout/",
      startTime: clock.now() - 10 * MINUTE,
    };
    const paged = await filterAll(logs, { ...input, limit: 200 });
    expect(paged.length).toBeGreaterThan(1000);
    expect(new Set(paged.map((event) => event.logStreamName)).size).toBeGreaterThanOrEqual(6);
    expect(timestamps(paged)).toEqual([...timestamps(paged)].sort((a, b) => a - b));
    const ids = paged.map((event) => event.eventId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^\d{56}$/.test(id ?? ""))).toBe(true);

    const whole = await filterAll(logs, input);
    expect(whole).toEqual(paged);
    const again = setup();
    expect(await filterAll(again.logs, input)).toEqual(paged);
  });

  it("filters by terms, quoted phrases, exclusions, any-of terms and JSON conditions", async () => {
    const { logs, clock } = setup();
    const startTime = clock.now() - 15 * MINUTE;
    const java = { logGroupName: "/ecs/checkout", logStreamNamePrefix: "ecs/checkout/", startTime };
    const errors = await filterAll(logs, { ...java, filterPattern: "ERROR" });
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((event) => event.message?.includes("ERROR"))).toBe(true);
    const health = await filterAll(logs, { ...java, filterPattern: '"GET /healthz"' });
    expect(health.length).toBeGreaterThan(0);
    expect(health.every((event) => event.message?.includes("GET /healthz"))).toBe(true);
    const noisy = await filterAll(logs, { ...java, filterPattern: "INFO -healthz" });
    expect(noisy.some((event) => event.message?.includes("healthz"))).toBe(false);
    const either = await filterAll(logs, { ...java, filterPattern: "?ERROR ?WARN" });
    expect(either.length).toBeGreaterThan(errors.length);
    expect(either.every((event) => /ERROR|WARN/.test(event.message ?? ""))).toBe(true);

    const json = { logGroupName: "/ecs/reviews", logStreamNamePrefix: "ecs/reviews/", startTime };
    const failed = await filterAll(logs, { ...json, filterPattern: '{ $.level = "error" }' });
    expect(failed.length).toBeGreaterThan(0);
    for (const event of failed) expect(JSON.parse(event.message ?? "{}")).toMatchObject({ level: "error" });
    const slow = await filterAll(logs, { ...json, filterPattern: "{ $.duration_ms > 300 }" });
    expect(slow.length).toBeGreaterThan(0);
    for (const event of slow)
      expect((JSON.parse(event.message ?? "{}") as { duration_ms: number }).duration_ms).toBeGreaterThan(300);
    const regex = await filterAll(logs, { ...java, filterPattern: "%-> 5\\d\\d%" });
    expect(regex.length).toBeGreaterThan(0);
    expect(regex.every((event) => /-> 5\d\d/.test(event.message ?? ""))).toBe(true);
    const unsupported = await failure(
      logs.send(new FilterLogEventsCommand({ ...java, filterPattern: "[ip, user]" })),
    );
    expect(unsupported.name).toBe("InvalidParameterException");
  });

  it("takes up to 100 stream names or a prefix, not both; a named stream must exist", async () => {
    const { logs } = setup();
    const logGroupName = "/ecs/checkout";
    const name = await newestStream(logs, logGroupName);
    const only = await logs.send(
      new FilterLogEventsCommand({ logGroupName, logStreamNames: [name], limit: 100 }),
    );
    expect(only.events?.every((event) => event.logStreamName === name)).toBe(true);
    const both = await failure(
      logs.send(
        new FilterLogEventsCommand({ logGroupName, logStreamNames: [name], logStreamNamePrefix: "ecs/" }),
      ),
    );
    expect(both.name).toBe("InvalidParameterException");
    const tooMany = Array.from({ length: 101 }, (_, i) => `ecs/checkout/${i}`);
    expect(
      (await failure(logs.send(new FilterLogEventsCommand({ logGroupName, logStreamNames: tooMany })))).name,
    ).toBe("InvalidParameterException");
    const missing = await failure(
      logs.send(
        new FilterLogEventsCommand({ logGroupName, logStreamNames: [name, "ecs/checkout/not-started-yet"] }),
      ),
    );
    expect(missing.name).toBe("ResourceNotFoundException");
  });

  it("reads newest first when startFromHead is false, from a startTime since 2024", async () => {
    const { logs, clock } = setup();
    const input = { logGroupName: "/ecs/cart", startTime: clock.now() - 5 * MINUTE };
    const forward = await filterAll(logs, input);
    const backward = await filterAll(logs, { ...input, startFromHead: false, limit: 300 });
    expect(backward.map((event) => event.eventId)).toEqual(forward.map((event) => event.eventId).reverse());
    const old = await failure(
      logs.send(
        new FilterLogEventsCommand({
          logGroupName: "/ecs/cart",
          startFromHead: false,
          startTime: Date.UTC(2023, 5, 1),
        }),
      ),
    );
    expect(old.name).toBe("InvalidParameterException");
  });

  it("makes lines readable only once awslogs has shipped them, so a late stream can fill in the past", async () => {
    const { logs, clock } = setup();
    const input = { logGroupName: "/ecs/checkout", startTime: clock.now() - MINUTE };
    const first = await filterAll(logs, input);
    for (const event of first) {
      expect(event.ingestionTime).toBeLessThanOrEqual(clock.now());
      expect(event.ingestionTime).toBeGreaterThan(event.timestamp ?? Infinity);
    }
    const newestSeen = Math.max(...timestamps(first));
    expect(newestSeen).toBeLessThan(clock.now() - 150);
    clock.advance(6_000);
    const seen = new Set(first.map((event) => event.eventId));
    const second = await filterAll(logs, input);
    const arrived = second.filter((event) => !seen.has(event.eventId));
    expect(arrived.length).toBeGreaterThan(0);
    expect(arrived.some((event) => (event.timestamp ?? Infinity) < newestSeen)).toBe(true);
    expect(second.filter((event) => seen.has(event.eventId))).toEqual(first);
  });

  it("answers with a partial or empty page and a nextToken when a scan finds little", async () => {
    const { logs, clock } = setup({ logLinesPerSecond: { checkout: 200 } });
    const input = {
      logGroupName: "/ecs/checkout",
      startTime: clock.now() - 30 * MINUTE,
      filterPattern: "no-line-says-this",
    };
    const first = await logs.send(new FilterLogEventsCommand(input));
    expect(first.events).toEqual([]);
    expect(first.nextToken).toBeDefined();
    const second = await logs.send(new FilterLogEventsCommand({ ...input, nextToken: first.nextToken }));
    expect(second.events).toEqual([]);
    expect(second.nextToken).toBeDefined();
    expect(second.nextToken).not.toBe(first.nextToken);
    const mismatched = await failure(
      logs.send(new FilterLogEventsCommand({ ...input, filterPattern: "other", nextToken: first.nextToken })),
    );
    expect(mismatched.name).toBe("InvalidParameterException");
  });

  it("throttles at the us-east-1 rates and counts every call", async () => {
    const { logs, sim } = simulatedLogs();
    const logGroupName = "/ecs/cart";
    const results: string[] = [];
    for (let i = 0; i < 26; i++) {
      results.push(
        await logs
          .send(new FilterLogEventsCommand({ logGroupName, limit: 1 }))
          .then(() => "ok")
          .catch((error: Error) => error.name),
      );
    }
    expect(results.slice(0, 25).every((result) => result === "ok")).toBe(true);
    expect(results[25]).toBe("ThrottlingException");
    expect(sim.calls.byOperation()).toEqual({ FilterLogEvents: 26 });
    expect(sim.calls.throttled()).toEqual({ FilterLogEvents: 1 });
  });
});
