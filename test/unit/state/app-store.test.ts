import type { Cluster } from "@aws-sdk/client-ecs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AppStore } from "../../../source/state/app-store.js";
import { fakeGateway, serviceArn } from "../../helpers/fake-gateway.js";

async function attachedStore() {
  let now = 1_000_000;
  const { world, gateway } = fakeGateway();
  const store = new AppStore({ refreshMs: 5_000, now: () => now });
  void store.attach(gateway, [{ label: "Region", value: "us-east-1" }]);
  await store.refresh(false);
  return { store, world, advance: (ms: number) => (now += ms) };
}

const names = (store: AppStore) =>
  store
    .visibleRows(store.top())
    .map(
      (row) =>
        (row as { cluster?: Cluster; name?: string }).cluster?.clusterName ?? (row as { name: string }).name,
    );

describe("AppStore", () => {
  it("loads the cluster list sorted by name", async () => {
    const { store } = await attachedStore();
    expect(names(store)).toEqual(["dev", "prod", "staging"]);
  });

  it("keeps the cursor on the same row when rows are added above it", async () => {
    const { store, world } = await attachedStore();
    store.moveCursor(1); // prod
    world.clusters.push("alpha", "beta");
    await store.refresh(true);
    const view = store.top();
    expect(names(store)[view.cursor]).toBe("prod");
  });

  it("drills down and comes back with the cursor where it was and the rows cached", async () => {
    const { store } = await attachedStore();
    store.moveCursor(1);
    store.drill();
    expect(store.top().kind).toBe("services");
    await store.refresh(false);
    expect(names(store)).toEqual(["api", "billing", "checkout", "search", "web"]);
    store.back();
    expect(store.top().kind).toBe("clusters");
    expect(names(store)[store.top().cursor]).toBe("prod");
  });

  it("filters case-insensitively; esc clears the filter before going back", async () => {
    const { store } = await attachedStore();
    store.moveCursor(1);
    store.drill();
    await store.refresh(false);
    store.openFilter();
    store.editFilter("CH");
    expect(names(store)).toEqual(["checkout", "search"]);
    store.closeFilter(true);
    expect(store.top().filter).toBe("CH");
    store.back();
    expect(store.top().kind).toBe("services");
    expect(names(store)).toHaveLength(5);
    store.back();
    expect(store.top().kind).toBe("clusters");
  });

  it("highlights rows that changed since the last refresh, then lets the highlight fade", async () => {
    const { store, world, advance } = await attachedStore();
    store.drill();
    await store.refresh(false);
    world.desired.set("search", 3);
    await store.refresh(true);
    const entry = store.entryOf(store.top());
    expect(store.isHighlighted(entry, serviceArn("search"))).toBe(true);
    expect(store.isHighlighted(entry, serviceArn("api"))).toBe(false);
    advance(4_000);
    store.tick();
    expect(store.isHighlighted(store.entryOf(store.top()), serviceArn("search"))).toBe(false);
  });

  it("keeps the rows and shows the error when a refresh fails", async () => {
    const { store, world } = await attachedStore();
    world.failClusters = true;
    await store.refresh(true);
    expect(names(store)).toEqual(["dev", "prod", "staging"]);
    expect(store.getState().flash).toMatchObject({ level: "error" });
    expect(store.getState().flash?.text).toContain("ThrottlingException");
    expect(store.entryOf(store.top())?.failure?.kind).toBe("throttled");
    world.failClusters = false;
    await store.refresh(true);
    expect(store.getState().flash).toBeUndefined();
  });

  it("moves by page and to either end, clamped to the rows", async () => {
    const { store } = await attachedStore();
    store.setViewportRows(2);
    store.moveTo("last");
    expect(store.top().cursor).toBe(2);
    expect(store.top().top).toBe(1);
    store.page(-1);
    expect(store.top().cursor).toBe(1);
    store.moveCursor(-10);
    expect(store.top().cursor).toBe(0);
  });
});

describe("AppStore header context", () => {
  it("learns the account id from the first ARN it lists", async () => {
    const { gateway } = fakeGateway();
    const store = new AppStore({ refreshMs: 5_000 });
    await store.attach(gateway, [
      { label: "Account", value: "" },
      { label: "Region", value: "us-east-1" },
    ]);
    expect(store.getState().context[0]).toEqual({ label: "Account", value: "123456789012" });
  });
});

describe("AppStore polling", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("refreshes only the view on top, every refreshMs, and stops when stopped", async () => {
    vi.useFakeTimers();
    const { world, gateway } = fakeGateway();
    const store = new AppStore({ refreshMs: 5_000 });
    store.start();
    await store.attach(gateway, []);
    expect(world.calls).toEqual({ listClusterArns: 1, listServiceArns: 0 });

    await vi.advanceTimersByTimeAsync(5_000);
    expect(world.calls).toEqual({ listClusterArns: 2, listServiceArns: 0 });

    store.drill(); // into the first cluster: its services load at once
    await vi.advanceTimersByTimeAsync(0);
    expect(world.calls).toEqual({ listClusterArns: 2, listServiceArns: 1 });
    await vi.advanceTimersByTimeAsync(15_000);
    // The services view re-lists only once a minute; the cluster list below it is not polled at all.
    expect(world.calls.listClusterArns).toBe(2);

    store.back(); // cached rows at once, and the clusters poll again
    expect(store.visibleRows(store.top())).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(0);
    expect(world.calls.listClusterArns).toBe(3);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(world.calls.listClusterArns).toBe(4);

    store.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(world.calls.listClusterArns).toBe(4);
  });

  it("turns many ctrl-r presses during a load into one more load", async () => {
    const { world, gateway } = fakeGateway();
    const store = new AppStore({ refreshMs: 60_000 });
    await store.attach(gateway, []);
    // The first press starts a load; the nine pressed while it runs add a single one after it.
    const presses = Array.from({ length: 10 }, () => store.refresh(true));
    await Promise.all(presses);
    expect(world.calls.listClusterArns).toBe(3);
  });
});
