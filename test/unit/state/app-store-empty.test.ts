// Keys about the row under the cursor say why they do nothing when there is no row (an empty
// view, or a filter that matches nothing) instead of doing nothing silently.
import { describe, expect, it } from "vitest";
import { AppStore } from "../../../source/state/app-store.js";
import { fakeGateway } from "../../helpers/fake-gateway.js";

const outputs = { lines: () => [], copy: () => {}, browse: () => false };

async function filteredToNothing() {
  const { gateway } = fakeGateway();
  const store = new AppStore({ refreshMs: 5_000, now: () => 1_000_000 });
  void store.attach(gateway, [{ label: "Region", value: "us-east-1" }]);
  await store.refresh(false);
  store.openFilter();
  store.editFilter("no-such-cluster");
  store.closeFilter(true);
  expect(store.visibleRows(store.top())).toEqual([]);
  return store;
}

describe("keys on a view with no row", () => {
  it.each([
    ["enter", (store: AppStore) => store.drill()],
    ["d", (store: AppStore) => store.openDescribe(outputs)],
    ["c", (store: AppStore) => store.copyRow(outputs)],
    ["o", (store: AppStore) => store.openRowInConsole(outputs)],
    ["i", (store: AppStore) => store.openRowView("instances")],
  ])("%s says there is no row, and why", async (_key, press) => {
    const store = await filteredToNothing();
    press(store);
    expect(store.getState().flash?.text).toBe("no row here: nothing matches the filter");
    expect(store.top().kind).toBe("clusters");
  });

  it("l and z in a services view filtered to nothing say so too; l where there are no logs says where", async () => {
    const { gateway } = fakeGateway();
    const store = new AppStore({ refreshMs: 5_000, now: () => 1_000_000 });
    void store.attach(gateway, [{ label: "Region", value: "us-east-1" }]);
    await store.refresh(false);
    store.openLogs({} as never);
    expect(store.getState().flash?.text).toBe(
      "no logs in the clusters view: open a service, task or container",
    );
    store.moveCursor(1);
    store.drill();
    await store.refresh(false);
    expect(store.top().kind).toBe("services");
    store.openFilter();
    store.editFilter("no-such-service");
    store.closeFilter(true);
    for (const press of [() => store.openLogs({} as never), () => store.openRowView("deployments")]) {
      store.showFlash("");
      press();
      expect(store.getState().flash?.text).toBe("no row here: nothing matches the filter");
      expect(store.top().kind).toBe("services");
    }
  });
});

describe("keys before the rows are there", () => {
  it("say the list is still loading", () => {
    const { gateway } = fakeGateway();
    const store = new AppStore({ refreshMs: 5_000, now: () => 1_000_000 });
    void store.attach(gateway, [{ label: "Region", value: "us-east-1" }]);
    store.openDescribe(outputs);
    expect(store.getState().flash?.text).toBe("no row here: the list is still loading");
  });

  it("or that it did not load", async () => {
    const { gateway } = fakeGateway();
    gateway.listClusterArns = async () => ({
      ok: false,
      failure: { kind: "denied", operation: "ListClusters", code: "AccessDenied", message: "no" },
    });
    const store = new AppStore({ refreshMs: 5_000, now: () => 1_000_000 });
    await store.attach(gateway, [{ label: "Region", value: "us-east-1" }]);
    await store.refresh(true);
    store.openDescribe(outputs);
    expect(store.getState().flash?.text).toBe("no row here: the list did not load");
  });
});
