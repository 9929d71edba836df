import type { Service } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import type { ServiceRow } from "../../../source/kinds/service.js";
import { AppStore } from "../../../source/state/app-store.js";
import { fakeGateway } from "../../helpers/fake-gateway.js";

/** The order the services were created in (the CREATED column, shown in wide mode). */
const CREATED = ["search", "api", "web", "checkout", "billing"];

async function servicesOfProd() {
  const { world, gateway } = fakeGateway();
  const describeServices = gateway.describeServices.bind(gateway);
  gateway.describeServices = async (cluster: string, arns: string[], onBatch?: (s: Service[]) => void) => {
    const created = (service: Service) => ({
      ...service,
      createdAt: new Date(Date.UTC(2026, 0, 1 + CREATED.indexOf(service.serviceName!))),
    });
    const outcome = await describeServices(cluster, arns, (services) => onBatch?.(services.map(created)));
    return outcome.ok ? { ...outcome, value: outcome.value.map(created) } : outcome;
  };
  for (const [name, desired] of [
    ["api", 2],
    ["billing", 5],
    ["checkout", 1],
    ["search", 4],
    ["web", 3],
  ] as const)
    world.desired.set(name, desired);
  const store = new AppStore({ refreshMs: 5_000 });
  await store.attach(gateway, []);
  store.moveCursor(1); // prod
  store.drill();
  await store.refresh(false);
  return { store, world };
}

const names = (store: AppStore) => store.visibleRows(store.top()).map((row) => (row as ServiceRow).name);
const selected = (store: AppStore) => names(store)[store.top().cursor];

describe("AppStore sorting", () => {
  it("sorts the view on top by a column; the same letter again reverses it", async () => {
    const { store } = await servicesOfProd();
    store.sortBy("D");
    expect(names(store)).toEqual(["checkout", "api", "web", "search", "billing"]);
    expect(store.top().sort).toEqual({ column: "DESIRED", descending: false });
    store.sortBy("D");
    expect(names(store)).toEqual(["billing", "search", "web", "api", "checkout"]);
  });

  it("keeps the cursor on the same row when the order changes", async () => {
    const { store } = await servicesOfProd();
    store.moveCursor(3); // search
    expect(selected(store)).toBe("search");
    store.sortBy("D");
    expect(selected(store)).toBe("search");
    expect(store.top().cursor).toBe(3);
    store.sortBy("D");
    expect(selected(store)).toBe("search");
    expect(store.top().cursor).toBe(1);
  });

  it("keeps the sort across refreshes, applied to the new rows", async () => {
    const { store, world } = await servicesOfProd();
    store.sortBy("D");
    store.sortBy("D");
    world.desired.set("api", 9);
    world.services.push("zeta");
    await store.refresh(true);
    expect(names(store)).toEqual(["api", "billing", "search", "web", "checkout", "zeta"]);
  });

  it("keeps each view's own sort, filter and cursor on the navigation stack", async () => {
    const { store } = await servicesOfProd();
    store.back();
    store.sortBy("N");
    store.sortBy("N"); // clusters: staging, prod, dev
    expect(store.top().cursor).toBe(1);
    store.drill();
    await store.refresh(false);
    expect(names(store)).toEqual(["api", "billing", "checkout", "search", "web"]);
    store.sortBy("D");
    store.openFilter();
    store.editFilter("name:e");
    store.closeFilter(true);
    expect(names(store)).toEqual(["checkout", "web", "search"]);
    store.drill();
    await store.refresh(false);
    expect(store.top().kind).toBe("tasks");
    expect(store.top().sort).toBeUndefined();
    store.back();
    expect(names(store)).toEqual(["checkout", "web", "search"]);
    store.back(); // clears the filter
    store.back();
    expect(store.top()).toMatchObject({ kind: "clusters", sort: { column: "NAME", descending: true } });
    expect(store.top().cursor).toBe(1);
  });

  it("tells where a letter sorts nothing, and leaves the order alone", async () => {
    const { store } = await servicesOfProd();
    store.sortBy("Z");
    expect(store.getState().flash?.text).toBe("services have no column to sort by with Z");
    store.sortBy("C");
    expect(store.getState().flash?.text).toBe("CREATED is a wide column: ctrl-w shows it");
    expect(store.top().sort).toBeUndefined();
  });

  it("turns wide mode on and off in every view, and a wide column's sort with it", async () => {
    const { store } = await servicesOfProd();
    store.toggleWide();
    expect(store.getState().wide).toBe(true);
    store.sortBy("C");
    expect(names(store)).toEqual(CREATED);
    store.moveTo("last");
    expect(selected(store)).toBe("billing");
    // Without its column on screen the sort is set aside, not forgotten; the cursor stays on its row.
    store.toggleWide();
    expect(names(store)).toEqual(["api", "billing", "checkout", "search", "web"]);
    expect(store.top().sort).toEqual({ column: "CREATED", descending: false });
    expect(selected(store)).toBe("billing");
    store.toggleWide();
    expect(names(store)).toEqual(CREATED);
    expect(selected(store)).toBe("billing");
  });

  it("says what ctrl-w did, and when the view has no wide columns to show", async () => {
    const { store } = await servicesOfProd();
    store.toggleWide();
    expect(store.getState().flash?.text).toBe("wide columns on");
    store.toggleWide();
    expect(store.getState().flash?.text).toBe("wide columns off");
    store.openRowView("events");
    expect(store.top().kind).toBe("events");
    store.toggleWide();
    expect(store.getState().flash?.text).toBe("wide columns on (the events view has none)");
  });
});
