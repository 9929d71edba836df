// Watching a big cluster stays within the call budget however tall the terminal is.
import { describe, expect, it } from "vitest";
import { EcsGateway } from "../../../source/aws/ecs-gateway.js";
import { ECS_BUCKETS, RequestBudget } from "../../../source/aws/request-budget.js";
import { POLL_BATCHES, RELIST_MS, serviceKind, type ServiceRow } from "../../../source/kinds/service.js";
import type { LoadContext } from "../../../source/kinds/types.js";
import { simulatedEcs } from "../../helpers/sim-client.js";

const unlimited = Object.fromEntries(
  Object.keys(ECS_BUCKETS).map((category) => [category, { burst: 1e6, perSecond: 1e6 }]),
) as typeof ECS_BUCKETS;

async function bigCluster() {
  const { ecs, sim, clock } = simulatedEcs({ services: 2000, tasks: 4000, throttle: false });
  const gateway = new EcsGateway(ecs, new RequestBudget({ buckets: unlimited }));
  const clusters = await gateway.listClusterArns();
  const prod = clusters.ok ? clusters.value.find((arn) => arn.endsWith("/prod")) : undefined;
  return { gateway, sim, clock, scope: { clusterArn: prod, clusterName: "prod" } };
}

function poll(
  env: Awaited<ReturnType<typeof bigCluster>>,
  previous: ServiceRow[] | undefined,
  memo: Record<string, number>,
  onScreen: number,
) {
  const context: LoadContext<ServiceRow> = {
    gateway: env.gateway,
    scope: env.scope,
    now: env.clock.now(),
    previous,
    visibleKeys: (rows) => new Set(rows.slice(0, onScreen).map((row) => row.arn)),
    forced: false,
    memo,
    publish: () => {},
  };
  return serviceKind.load(context);
}

describe("service list polling", () => {
  it("describes all 2,000 services once, then at most POLL_BATCHES batches per poll", async () => {
    const env = await bigCluster();
    const memo: Record<string, number> = {};
    env.sim.calls.reset();
    const first = await poll(env, undefined, memo, 70);
    expect(first.ok && first.rows.every((row) => row.service)).toBe(true);
    expect(env.sim.calls.byOperation()).toEqual({ ListServices: 20, DescribeServices: 200 });

    let rows = first.ok ? first.rows : [];
    const visibleDescribedAt: number[][] = [];
    for (let i = 0; i < 3; i++) {
      env.clock.advance(5_000);
      env.sim.calls.reset();
      const next = await poll(env, rows, memo, 70);
      rows = next.ok ? next.rows : rows;
      // A 70-row screen needs 7 batches; the poll still sends only POLL_BATCHES.
      expect(env.sim.calls.byOperation()).toEqual({ DescribeServices: POLL_BATCHES });
      visibleDescribedAt.push(rows.slice(0, 70).map((row) => row.describedAt ?? 0));
    }
    // Every row on screen was refreshed within the last two polls.
    const latest = visibleDescribedAt.at(-1)!;
    expect(Math.min(...latest)).toBeGreaterThanOrEqual(env.clock.now() - 5_000);

    env.clock.advance(RELIST_MS);
    env.sim.calls.reset();
    await poll(env, rows, memo, 70);
    expect(env.sim.calls.byOperation()).toEqual({ ListServices: 20, DescribeServices: POLL_BATCHES });
  });

  it("on a short screen refreshes everything on it and sweeps the stalest rows off it", async () => {
    const env = await bigCluster();
    const memo: Record<string, number> = {};
    const first = await poll(env, undefined, memo, 20);
    env.clock.advance(5_000);
    const second = await poll(env, first.ok ? first.rows : undefined, memo, 20);
    const rows = second.ok ? second.rows : [];
    const refreshed = rows.filter((row) => row.describedAt === env.clock.now());
    expect(refreshed).toHaveLength(POLL_BATCHES * 10);
    expect(rows.slice(0, 20).every((row) => row.describedAt === env.clock.now())).toBe(true);
  });
});
