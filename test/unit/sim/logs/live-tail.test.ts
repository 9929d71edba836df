// Live Tail on the simulated account: a real event stream the SDK parses, a sessionStart and then
// an update per interval with only new lines, sampling above 500, the request checks, session
// limits, throttling, timeout, abort, and the deny and unsupported (moto 5.2.1) modes.
import {
  FilterLogEventsCommand,
  StartLiveTailCommand,
  type CloudWatchLogsClient,
  type LiveTailSessionLogEvent,
  type StartLiveTailCommandInput,
  type StartLiveTailResponseStream,
} from "@aws-sdk/client-cloudwatch-logs";
import { EventStreamCodec } from "@smithy/core/event-streams";
import { fromUtf8, toUtf8 } from "@smithy/core/serde";
import { HttpRequest } from "@smithy/core/transport";
import type { Readable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { crc32 } from "../../../../source/sim/logs/event-stream.js";
import { failure, simulatedLogs } from "../../../helpers/sim-logs-client.js";

const arnOf = (group: string): string => `arn:aws:logs:us-east-1:123456789012:log-group:${group}`;
const CHECKOUT = arnOf("/ecs/checkout");

const controllers: AbortController[] = [];
afterEach(() => {
  for (const controller of controllers.splice(0)) controller.abort();
});

async function start(logs: CloudWatchLogsClient, input: StartLiveTailCommandInput) {
  const controller = new AbortController();
  controllers.push(controller);
  const response = await logs.send(new StartLiveTailCommand(input), { abortSignal: controller.signal });
  const stream = response.responseStream;
  if (stream === undefined) throw new Error("no response stream");
  return { stream, controller };
}

/** Reads events until `stop` says so; `onEvent` runs after each one (to move the clock). */
async function read(
  stream: AsyncIterable<StartLiveTailResponseStream>,
  stop: (events: StartLiveTailResponseStream[]) => boolean,
  onEvent: () => void = () => {},
): Promise<StartLiveTailResponseStream[]> {
  const events: StartLiveTailResponseStream[] = [];
  for await (const event of stream) {
    events.push(event);
    if (stop(events)) break;
    onEvent();
  }
  return events;
}

const updates = (events: StartLiveTailResponseStream[]) =>
  events.flatMap((event) => (event.sessionUpdate ? [event.sessionUpdate] : []));
const results = (events: StartLiveTailResponseStream[]): LiveTailSessionLogEvent[] =>
  updates(events).flatMap((update) => update.sessionResults ?? []);
const key = (event: { logStreamName?: string; timestamp?: number; message?: string }): string =>
  `${event.logStreamName}|${event.timestamp}|${event.message}`;

describe("simulated CloudWatch Logs: Live Tail", () => {
  it("sends sessionStart, then updates carrying exactly the lines that arrive after it", async () => {
    const { logs, clock } = simulatedLogs({ throttle: false, liveTailIntervalMs: 20 });
    const startedAt = clock.now();
    const { stream } = await start(logs, { logGroupIdentifiers: [CHECKOUT] });
    let quiet = 0;
    const events = await read(
      stream,
      (seen) => {
        if (seen.length > 12) quiet++;
        return quiet > 2;
      },
      () => {
        if (quiet === 0) clock.advance(1500);
      },
    );
    expect(events[0]?.sessionStart).toMatchObject({
      logGroupIdentifiers: [CHECKOUT],
      requestId: expect.any(String),
      sessionId: expect.any(String),
    });
    expect(events.slice(1).every((event) => event.sessionUpdate !== undefined)).toBe(true);
    const tailed = results(events);
    expect(tailed.length).toBeGreaterThan(20);
    for (const update of updates(events)) {
      expect(update.sessionMetadata?.sampled).toBe(false);
      const times = (update.sessionResults ?? []).map((result) => result.timestamp ?? 0);
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
    for (const result of tailed) {
      expect(result.logGroupIdentifier).toBe(CHECKOUT);
      expect(result.ingestionTime).toBeGreaterThan(startedAt);
      expect(result.ingestionTime).toBeLessThanOrEqual(clock.now());
    }
    const stored = await logs.send(
      new FilterLogEventsCommand({ logGroupName: "/ecs/checkout", startTime: startedAt - 60_000 }),
    );
    const arrived = (stored.events ?? []).filter((event) => (event.ingestionTime ?? 0) > startedAt);
    expect(new Set(tailed.map(key))).toEqual(new Set(arrived.map(key)));
    expect(tailed).toHaveLength(arrived.length);
  });

  it("updates about once a second of real time", async () => {
    const { logs, clock } = simulatedLogs({ throttle: false });
    const moving = setInterval(() => clock.advance(1000), 200);
    try {
      const began = performance.now();
      const { stream, controller } = await start(logs, { logGroupIdentifiers: [CHECKOUT] });
      const arrivals: number[] = [];
      setTimeout(() => controller.abort(), 2500);
      const error = await read(
        stream,
        () => false,
        () => arrivals.push(performance.now() - began),
      ).catch((caught: Error) => caught);
      expect(error).toMatchObject({ name: "AbortError" });
      expect(arrivals.length).toBeGreaterThanOrEqual(3);
      expect(arrivals[0]).toBeLessThan(500);
      const gaps = arrivals.slice(1).map((at, i) => at - (arrivals[i] ?? 0));
      for (const gap of gaps) expect(gap).toBeGreaterThan(700);
    } finally {
      clearInterval(moving);
    }
  });

  it("samples to 500 results when more lines arrive in an interval", async () => {
    const { logs, clock } = simulatedLogs({
      throttle: false,
      liveTailIntervalMs: 20,
      logLinesPerSecond: { checkout: 600, cart: 600 },
    });
    const { stream } = await start(logs, { logGroupIdentifiers: [CHECKOUT, arnOf("/ecs/cart")] });
    const events = await read(
      stream,
      (seen) => seen.length > 6,
      () => clock.advance(1000),
    );
    const busy = updates(events).filter((update) => update.sessionMetadata?.sampled);
    expect(busy.length).toBeGreaterThanOrEqual(3);
    for (const update of busy) expect(update.sessionResults).toHaveLength(500);
    const groups = new Set(
      busy.flatMap((update) => update.sessionResults ?? []).map((result) => result.logGroupIdentifier),
    );
    expect(groups).toEqual(new Set([CHECKOUT, arnOf("/ecs/cart")]));
  });

  it("keeps to the stream names or prefixes and the filter pattern it was given", async () => {
    const { logs, clock } = simulatedLogs({ throttle: false, liveTailIntervalMs: 20 });
    const { stream } = await start(logs, {
      logGroupIdentifiers: [CHECKOUT],
      logStreamNamePrefixes: ["ecs/checkout/"],
      logEventFilterPattern: "?INFO ?ERROR",
    });
    const events = await read(
      stream,
      (seen) => seen.length > 8,
      () => clock.advance(3000),
    );
    expect(events[0]?.sessionStart?.logStreamNamePrefixes).toEqual(["ecs/checkout/"]);
    expect(events[0]?.sessionStart?.logEventFilterPattern).toBe("?INFO ?ERROR");
    const tailed = results(events);
    expect(tailed.length).toBeGreaterThan(0);
    expect(tailed.every((result) => result.logStreamName?.startsWith("ecs/checkout/"))).toBe(true);
    expect(tailed.every((result) => /INFO|ERROR/.test(result.message ?? ""))).toBe(true);
  });

  it("checks the request like CloudWatch: ARNs, 1-10 groups, names or prefixes with one group only", async () => {
    const { logs } = simulatedLogs({ throttle: false });
    const send = (input: StartLiveTailCommandInput) => failure(logs.send(new StartLiveTailCommand(input)));
    const invalid = [
      { logGroupIdentifiers: ["/ecs/checkout"] },
      { logGroupIdentifiers: [`${CHECKOUT}:*`] },
      { logGroupIdentifiers: [] },
      { logGroupIdentifiers: Array.from({ length: 11 }, () => CHECKOUT) },
      { logGroupIdentifiers: [CHECKOUT], logStreamNames: ["a"], logStreamNamePrefixes: ["b"] },
      { logGroupIdentifiers: [CHECKOUT, arnOf("/ecs/cart")], logStreamNamePrefixes: ["ecs/"] },
      { logGroupIdentifiers: [CHECKOUT], logStreamNames: Array.from({ length: 101 }, (_, i) => `s${i}`) },
    ];
    for (const input of invalid) expect((await send(input)).name).toBe("InvalidParameterException");
    expect((await send({ logGroupIdentifiers: [arnOf("/ecs/nope")] })).name).toBe(
      "ResourceNotFoundException",
    );
  });

  it("allows 15 sessions at once; the 16th gets LimitExceededException until one ends", async () => {
    const { logs } = simulatedLogs({ throttle: false });
    const sessions = [];
    for (let i = 0; i < 15; i++) sessions.push(await start(logs, { logGroupIdentifiers: [CHECKOUT] }));
    const limited = await failure(logs.send(new StartLiveTailCommand({ logGroupIdentifiers: [CHECKOUT] })));
    expect(limited.name).toBe("LimitExceededException");
    const first = sessions[0];
    if (first === undefined) throw new Error("no session");
    first.controller.abort();
    const aborted = await read(first.stream, () => false).catch((error: Error) => error);
    expect(aborted).toMatchObject({ name: "AbortError" });
    const replacement = await start(logs, { logGroupIdentifiers: [CHECKOUT] });
    // Breaking out of the loop does not end a session: the SDK does not close the response body
    // (over HTTP the connection stays open too). Only an abort does.
    await read(replacement.stream, () => true);
    expect(
      (await failure(logs.send(new StartLiveTailCommand({ logGroupIdentifiers: [CHECKOUT] })))).name,
    ).toBe("LimitExceededException");
    replacement.controller.abort();
    await start(logs, { logGroupIdentifiers: [CHECKOUT] });
  });

  it("throttles StartLiveTail at 5 a second", async () => {
    const { logs, sim } = simulatedLogs();
    for (let i = 0; i < 5; i++) await start(logs, { logGroupIdentifiers: [CHECKOUT] });
    const throttled = await failure(logs.send(new StartLiveTailCommand({ logGroupIdentifiers: [CHECKOUT] })));
    expect(throttled.name).toBe("ThrottlingException");
    expect(sim.calls.byOperation()).toEqual({ StartLiveTail: 6 });
    expect(sim.calls.throttled()).toEqual({ StartLiveTail: 1 });
  });

  it("ends the session with SessionTimeoutException after 3 hours", async () => {
    const { logs, clock } = simulatedLogs({ throttle: false, liveTailIntervalMs: 20 });
    const { stream } = await start(logs, {
      logGroupIdentifiers: [CHECKOUT],
      logStreamNames: ["ecs/checkout/not-started-yet"],
    });
    const error = await read(
      stream,
      () => false,
      () => clock.advance(60 * 60 * 1000),
    ).catch((caught: Error) => caught);
    expect(error).toMatchObject({ name: "SessionTimeoutException" });
    for (let i = 0; i < 15; i++) await start(logs, { logGroupIdentifiers: [CHECKOUT] });
  });

  it("can be denied (AccessDeniedException) or missing like moto 5.2.1 (HTTP 500)", async () => {
    const denied = simulatedLogs({ liveTail: "deny" });
    const refusal = await failure(
      denied.logs.send(new StartLiveTailCommand({ logGroupIdentifiers: [CHECKOUT] })),
    );
    expect(refusal.name).toBe("AccessDeniedException");
    expect(refusal.message).toMatch(/not authorized to perform: logs:StartLiveTail/);
    expect(refusal.$metadata?.httpStatusCode).toBe(400);

    const moto = simulatedLogs({ liveTail: "unsupported" });
    const missing = await failure(
      moto.logs.send(new StartLiveTailCommand({ logGroupIdentifiers: [CHECKOUT] })),
    );
    expect(missing.$metadata?.httpStatusCode).toBe(500);
    expect(moto.sim.calls.byOperation()).toEqual({ StartLiveTail: 1 });
  });

  it("frames every message as application/vnd.amazon.eventstream with valid checksums", async () => {
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
    const { sim } = simulatedLogs({ throttle: false, liveTailIntervalMs: 20 });
    const controller = new AbortController();
    controllers.push(controller);
    const { response } = await sim.requestHandler.handle(
      new HttpRequest({
        method: "POST",
        protocol: "https:",
        hostname: "stream-logs.us-east-1.amazonaws.com",
        path: "/",
        headers: {
          "content-type": "application/x-amz-json-1.1",
          "x-amz-target": "Logs_20140328.StartLiveTail",
        },
        body: JSON.stringify({ logGroupIdentifiers: [CHECKOUT] }),
      }),
      { abortSignal: controller.signal },
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/vnd.amazon.eventstream");
    const codec = new EventStreamCodec(toUtf8, fromUtf8);
    const messages = [];
    for await (const chunk of response.body as Readable) {
      messages.push(codec.decode(chunk as Uint8Array));
      if (messages.length === 2) break;
    }
    const [first, second] = messages;
    expect(first?.headers[":message-type"]?.value).toBe("event");
    expect(first?.headers[":event-type"]?.value).toBe("sessionStart");
    expect(first?.headers[":content-type"]?.value).toBe("application/json");
    expect(JSON.parse(toUtf8(first?.body ?? new Uint8Array()))).toMatchObject({
      logGroupIdentifiers: [CHECKOUT],
    });
    expect(second?.headers[":event-type"]?.value).toBe("sessionUpdate");
    expect(JSON.parse(toUtf8(second?.body ?? new Uint8Array()))).toEqual({
      sessionMetadata: { sampled: false },
      sessionResults: [],
    });
  });
});
