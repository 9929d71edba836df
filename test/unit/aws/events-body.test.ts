import {
  CloudWatchLogsClient,
  FilterLogEventsCommand,
  GetLogEventsCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import { HttpResponse } from "@smithy/core/protocols";
import { Readable } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import { chunkedFilterLogEvents } from "../../../source/aws/chunked-events-plugin.js";
import { splitEventsBody } from "../../../source/aws/events-body.js";

const noPause = () => Promise.resolve();

const TRICKY_MESSAGES = [
  'plain "quoted" text',
  "ends with a backslash \\",
  'escaped quote then brace \\"},{"message":"not an event"}',
  "brackets ] [ } { , : in text",
  "unicode: é 漢字 🚀 and a \u0000 control",
  "",
];

function event(i: number, message: string) {
  return {
    logStreamName: `ecs/app/task${i % 3}`,
    timestamp: 1_764_000_000_000 + i,
    message,
    ingestionTime: 1_764_000_000_500 + i,
    eventId: `${i}`.padStart(56, "0"),
  };
}

const manyEvents = Array.from({ length: 300 }, (_, i) =>
  event(i, TRICKY_MESSAGES[i % TRICKY_MESSAGES.length]!),
);

describe("splitEventsBody", () => {
  it("parses the events of a body the way JSON.parse does, batch by batch", async () => {
    const body = {
      events: manyEvents,
      searchedLogStreams: [{ logStreamName: "s", searchedCompletely: true }],
      nextToken: "t",
    };
    let pauses = 0;
    const split = await splitEventsBody(
      Buffer.from(JSON.stringify(body)),
      () => Promise.resolve(void (pauses += 1)),
      1_000,
    );
    expect(split?.events).toEqual(manyEvents);
    expect(JSON.parse(split!.rest)).toEqual({ ...body, events: [] });
    expect(pauses).toBeGreaterThan(10);
  });

  it("finds the events wherever they are and however the body is spaced", async () => {
    const text = JSON.stringify(
      { nextToken: "events", searchedLogStreams: [], events: manyEvents.slice(0, 5) },
      null,
      2,
    );
    const split = await splitEventsBody(Buffer.from(text), noPause, 50);
    expect(split?.events).toEqual(manyEvents.slice(0, 5));
    expect(JSON.parse(split!.rest)).toEqual({ nextToken: "events", searchedLogStreams: [], events: [] });
  });

  it("handles an empty page", async () => {
    const split = await splitEventsBody(Buffer.from('{"events":[],"searchedLogStreams":[]}'), noPause);
    expect(split).toEqual({ events: [], rest: '{"events":[],"searchedLogStreams":[]}' });
  });

  it.each([
    ["no events key", '{"nextToken":"x"}'],
    ["events that are not an array", '{"events":{"a":1}}'],
    ["an unterminated string", '{"events":[{"message":"abc}]}'],
    ["unbalanced brackets", '{"events":[{"message":"abc"}]'],
    ["a top-level array", '[{"events":[]}]'],
  ])("returns undefined for %s (the SDK then parses the body)", async (_, text) => {
    expect(await splitEventsBody(Buffer.from(text), noPause)).toBeUndefined();
  });
});

/** A client answering every call with `status` and `body`, handed over in `pieces` socket chunks. */
function clientAnswering(status: number, body: string, options: { plugin: boolean; pieces?: number }) {
  const bytes = Buffer.from(body);
  const handler = {
    handle: () => {
      const size = Math.ceil(bytes.length / (options.pieces ?? 1));
      const chunks = [];
      // Cutting bytes (not characters) splits multi-byte characters between chunks.
      for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
      return Promise.resolve({
        response: new HttpResponse({
          statusCode: status,
          headers: { "content-type": "application/x-amz-json-1.1" },
          body: Readable.from(chunks),
        }),
      });
    },
  };
  const client = new CloudWatchLogsClient({
    region: "us-east-1",
    credentials: { accessKeyId: "a", secretAccessKey: "b" },
    requestHandler: handler,
    maxAttempts: 1,
  });
  if (options.plugin) client.middlewareStack.use(chunkedFilterLogEvents);
  return client;
}

describe("chunkedFilterLogEvents", () => {
  const page = JSON.stringify({ events: manyEvents, searchedLogStreams: [], nextToken: "next" });

  it("gives FilterLogEvents the same output as the SDK's own parsing, across chunk boundaries", async () => {
    const expected = await clientAnswering(200, page, { plugin: false }).send(
      new FilterLogEventsCommand({ logGroupName: "g" }),
    );
    const got = await clientAnswering(200, page, { plugin: true, pieces: 7 }).send(
      new FilterLogEventsCommand({ logGroupName: "g" }),
    );
    expect(got.events).toEqual(expected.events);
    expect(got.events).toHaveLength(manyEvents.length);
    expect(got.nextToken).toBe("next");
  });

  it("lets other work run between the batches of a big page", async () => {
    const big = JSON.stringify({
      events: Array.from({ length: 5_000 }, (_, i) => event(i, "x".repeat(200))),
    });
    // One timeline of batch parses (each batch is a JSON array of events) and timer callbacks.
    const timeline: ("batch" | "timer")[] = [];
    const parse = JSON.parse;
    const spy = vi.spyOn(JSON, "parse").mockImplementation((text: unknown, reviver) => {
      // The SDK hands it the rest of the body as bytes: only strings can be batches.
      if (typeof text === "string" && text.startsWith("[{")) timeline.push("batch");
      return parse(text as string, reviver) as unknown;
    });
    let done = false;
    const timer = () => {
      if (done) return;
      timeline.push("timer");
      setImmediate(timer);
    };
    try {
      const sent = clientAnswering(200, big, { plugin: true }).send(
        new FilterLogEventsCommand({ logGroupName: "g" }),
      );
      setImmediate(timer);
      const got = await sent.finally(() => (done = true));
      expect(got.events).toHaveLength(5_000);
    } finally {
      spy.mockRestore();
    }
    const batches = timeline.flatMap((entry, at) => (entry === "batch" ? [at] : []));
    expect(batches.length).toBeGreaterThan(10);
    // Between any two batches a timer callback ran: a parse of the whole page in one go, or batches
    // with no real pause between them, would leave the timer waiting until the end.
    const gapsWithTimer = batches
      .slice(1)
      .filter((at, i) => timeline.slice(batches[i]! + 1, at).includes("timer")).length;
    expect(gapsWithTimer).toBe(batches.length - 1);
  });

  it("leaves errors to the SDK", async () => {
    const error = JSON.stringify({ __type: "ThrottlingException", message: "Rate exceeded" });
    const sent = clientAnswering(400, error, { plugin: true }).send(
      new FilterLogEventsCommand({ logGroupName: "g" }),
    );
    await expect(sent).rejects.toMatchObject({ name: "ThrottlingException", message: "Rate exceeded" });
  });

  it("leaves other commands alone", async () => {
    const body = JSON.stringify({
      events: [{ timestamp: 1, message: "m", ingestionTime: 2 }],
      nextForwardToken: "f",
    });
    const got = await clientAnswering(200, body, { plugin: true }).send(
      new GetLogEventsCommand({ logGroupName: "g", logStreamName: "s" }),
    );
    expect(got.events).toEqual([{ timestamp: 1, message: "m", ingestionTime: 2 }]);
    expect(got.nextForwardToken).toBe("f");
  });
});
