// A service's events from the simulated account through the real SDK: newest first, the ones
// that went wrong and the steady states toned, and a clear failure for a service that is gone.
import { describe, expect, it } from "vitest";
import { EcsGateway } from "../../../source/aws/ecs-gateway.js";
import { eventKind, type EventRow } from "../../../source/kinds/event.js";
import type { LoadContext } from "../../../source/kinds/types.js";
import { simulatedEcs } from "../../helpers/sim-client.js";

const PROD = "arn:aws:ecs:us-east-1:123456789012:cluster/prod";

async function load(serviceName: string) {
  const { ecs, clock } = simulatedEcs();
  const context: LoadContext<EventRow> = {
    gateway: new EcsGateway(ecs),
    scope: { clusterArn: PROD, clusterName: "prod", serviceName },
    now: clock.now(),
    previous: undefined,
    visibleKeys: () => new Set(),
    forced: false,
    memo: {},
    publish: () => {},
  };
  return { outcome: await eventKind.load(context), now: clock.now() };
}

const column = (header: string) => eventKind.columns.find((c) => c.header === header)!;

describe("events view", () => {
  it("lists a service's events newest first, with their age, time and message", async () => {
    const { outcome, now } = await load("checkout");
    if (!outcome.ok) throw new Error(outcome.failure.message);
    expect(outcome.rows.length).toBeGreaterThan(3);
    const times = outcome.rows.map((row) => row.event.createdAt!.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const newest = outcome.rows[0]!;
    expect(column("MESSAGE").value(newest, now)).toMatch(/^\(service checkout\)/);
    expect(column("AGE").value(newest, now)).toMatch(/^\d+[smhd]/);
  });

  it("marks the failures red and the steady states green", () => {
    const row = (message: string) => ({ id: "1", event: { message }, service: {} });
    const tone = column("MESSAGE").tone!;
    expect(
      tone(
        row(
          "(service web) was unable to place a task because no container instance met all of its requirements.",
        ),
      ),
    ).toBe("bad");
    expect(tone(row("(service web) has reached a steady state."))).toBe("ok");
    expect(tone(row("(service web) has started 1 tasks: (task abc)."))).toBeUndefined();
  });

  it("says so when the service is gone", async () => {
    const { outcome } = await load("no-such-service");
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.failure.message).toBe("service no-such-service is gone");
  });
});
