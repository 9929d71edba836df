// One load of the cluster list against the fake gateway: rows into the cache, how it ended, and
// what an account switched away from read meanwhile.
import { describe, expect, it } from "vitest";
import type { EcsGateway } from "../../../source/aws/ecs-gateway.js";
import { cacheKey, topOf, type StatePatch } from "../../../source/state/app-state.js";
import { PendingTracker } from "../../../source/state/pending-tracker.js";
import { ViewLoader } from "../../../source/state/view-loader.js";
import { clusterArn, fakeGateway } from "../../helpers/fake-gateway.js";
import { stateWith } from "./state-fixtures.js";

const KEY = cacheKey("clusters", {});

function loader() {
  const { world, gateway } = fakeGateway();
  let state = stateWith(undefined);
  let attached: EcsGateway | undefined = gateway;
  const flashes: { text: string; level: string; fromRefresh?: boolean }[] = [];
  const tracker = new PendingTracker();
  const views = new ViewLoader(
    {
      state: () => state,
      set: (patch: StatePatch) => (state = { ...state, ...patch }),
      now: () => 5_000,
      flash: (text, level, fromRefresh) => void flashes.push({ text, level, fromRefresh }),
      gateway: () => attached,
    },
    tracker,
  );
  const load = () => views.load({ gateway }, topOf(state), false);
  return {
    world,
    gateway,
    views,
    tracker,
    load,
    flashes,
    state: () => state,
    detach: () => (attached = undefined),
  };
}

describe("view loader", () => {
  it("puts the rows in the view's cache entry, fresh as of the load", async () => {
    const { load, state, views } = loader();
    await load();
    expect(state().cache.get(KEY)).toMatchObject({ updatedAt: 5_000, failure: undefined });
    expect(
      state()
        .cache.get(KEY)
        ?.rows?.map((row) => (row as { arn: string }).arn),
    ).toContain(clusterArn("prod"));
    expect(views.started).toBe(1);
  });

  it("a failed load keeps the rows and says why in a flash a working refresh ends", async () => {
    const { load, state, world, flashes } = loader();
    await load();
    world.failClusters = true;
    await load();
    expect(state().cache.get(KEY)?.rows).toHaveLength(3);
    expect(state().cache.get(KEY)?.failure?.code).toBe("ThrottlingException");
    expect(flashes).toEqual([
      { text: expect.stringContaining("ThrottlingException"), level: "error", fromRefresh: true },
    ]);
  });

  it("drops what it read once another account (or none) is attached", async () => {
    const { load, state, detach } = loader();
    const loading = load();
    detach();
    await loading;
    expect(state().cache.get(KEY)).toBeUndefined();
  });
});
