// The Logs gateway at the SDK boundary: failures become values with Logs-specific hints, and the
// Live Tail event stream becomes plain events whether AWS sends an error as a member or throws it.
import type { StartLiveTailResponseStream } from "@aws-sdk/client-cloudwatch-logs";
import { describe, expect, it } from "vitest";
import { LogsBudget } from "../../../source/aws/logs-budget.js";
import { LogsGateway, type LiveTailEvent } from "../../../source/aws/logs-gateway.js";

const sdkError = (name: string, message: string, httpStatusCode = 400) =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode } });

function gatewayAnswering(answer: (command: unknown) => unknown) {
  const sent: string[] = [];
  const client = {
    send: async (command: { constructor: { name: string } }) => {
      sent.push(command.constructor.name);
      return answer(command);
    },
  };
  return { gateway: new LogsGateway(client as never, { region: "us-east-1" }), sent };
}

async function collect(events: AsyncIterable<LiveTailEvent>): Promise<LiveTailEvent[]> {
  const out: LiveTailEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

describe("LogsGateway", () => {
  it("pages FilterLogEvents one call at a time and classifies failures", async () => {
    const { gateway } = gatewayAnswering(() => ({
      events: [{ eventId: "1", message: "hi" }],
      nextToken: "t",
    }));
    expect(await gateway.filterLogEvents({ logGroupName: "/ecs/web" })).toEqual({
      ok: true,
      value: { events: [{ eventId: "1", message: "hi" }], nextToken: "t" },
    });

    const denied = gatewayAnswering(() => {
      throw sdkError("AccessDeniedException", "not authorized to perform: logs:FilterLogEvents");
    });
    const result = await denied.gateway.filterLogEvents({ logGroupName: "/ecs/web" });
    expect(result).toMatchObject({
      ok: false,
      failure: {
        kind: "denied",
        operation: "FilterLogEvents",
        hint: "your identity needs permission for logs:FilterLogEvents",
      },
    });
  });

  it("turns StartLiveTail refusals into failures a follower can fall back on", async () => {
    const limit = gatewayAnswering(() => {
      throw sdkError("LimitExceededException", "too many sessions");
    });
    expect(await limit.gateway.startLiveTail({ logGroupIdentifiers: ["arn"] })).toMatchObject({
      ok: false,
      failure: {
        kind: "throttled",
        code: "LimitExceededException",
        hint: expect.stringContaining("15 Live Tail sessions"),
      },
    });
    // moto 5.2.1 has no StartLiveTail and answers 500.
    const moto = gatewayAnswering(() => {
      throw sdkError("InternalFailure", "not implemented", 500);
    });
    expect(await moto.gateway.startLiveTail({ logGroupIdentifiers: ["arn"] })).toMatchObject({
      ok: false,
      failure: { kind: "unavailable" },
    });
  });

  it("reads the Live Tail stream into events, ending on a timeout member", async () => {
    async function* stream(): AsyncGenerator<StartLiveTailResponseStream> {
      yield { sessionStart: { sessionId: "s1" } };
      yield {
        sessionUpdate: {
          sessionMetadata: { sampled: false },
          sessionResults: [{ message: "a", timestamp: 1 }],
        },
      };
      yield { sessionUpdate: { sessionMetadata: { sampled: true }, sessionResults: [] } };
      yield { $unknown: ["futureEvent", {}] };
      yield {
        SessionTimeoutException: Object.assign(new Error("3 hours"), {
          name: "SessionTimeoutException",
        }) as never,
      };
      yield { sessionUpdate: { sessionResults: [{ message: "never read" }] } };
    }
    const { gateway } = gatewayAnswering(() => ({ responseStream: stream() }));
    const session = await gateway.startLiveTail({ logGroupIdentifiers: ["arn"] });
    if (!session.ok) throw new Error("expected a session");
    expect(await collect(session.value.events)).toEqual([
      { kind: "started", sessionId: "s1" },
      { kind: "update", events: [{ message: "a", timestamp: 1 }], sampled: false },
      { kind: "update", events: [], sampled: true },
      { kind: "timeout", message: "3 hours" },
    ]);
  });

  it("turns errors thrown by the stream into events, and is silent once aborted", async () => {
    async function* throwing(name: string): AsyncGenerator<StartLiveTailResponseStream> {
      yield { sessionStart: {} };
      throw sdkError(name, "stream broke");
    }
    const timeout = gatewayAnswering(() => ({ responseStream: throwing("SessionTimeoutException") }));
    const timedOut = await timeout.gateway.startLiveTail({ logGroupIdentifiers: ["arn"] });
    expect(timedOut.ok && (await collect(timedOut.value.events)).at(-1)).toEqual({
      kind: "timeout",
      message: "stream broke",
    });

    const broken = gatewayAnswering(() => ({ responseStream: throwing("ECONNRESET") }));
    const failed = await broken.gateway.startLiveTail({ logGroupIdentifiers: ["arn"] });
    expect(failed.ok && (await collect(failed.value.events)).at(-1)).toMatchObject({
      kind: "failed",
      failure: { kind: "network", code: "ECONNRESET" },
    });

    const aborted = gatewayAnswering(() => ({ responseStream: throwing("AbortError") }));
    const session = await aborted.gateway.startLiveTail({ logGroupIdentifiers: ["arn"] });
    if (!session.ok) throw new Error("expected a session");
    session.value.abort();
    expect(await collect(session.value.events)).toEqual([]);
  });

  it("paces calls under the account's per-operation quota", async () => {
    let now = 0;
    const slept: number[] = [];
    const budget = new LogsBudget({
      region: "eu-central-1",
      now: () => now,
      sleep: async (ms) => {
        slept.push(ms);
        now += ms;
      },
    });
    const { gateway } = gatewayAnswering(() => ({ events: [] }));
    const paced = new LogsGateway({ send: async () => ({ events: [] }) } as never, {
      region: "eu-central-1",
      budget,
    });
    void gateway;
    for (let i = 0; i < 10; i++) await paced.filterLogEvents({ logGroupName: "/ecs/web" });
    // eu-central-1 allows 5 FilterLogEvents a second: 5 at once, then one every 1/4.75 s.
    expect(slept.length).toBe(5);
    expect(now).toBeGreaterThanOrEqual(1_000);
  });
});
