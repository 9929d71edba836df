// What the table's border and body say about the data: loading, fresh, stale, not connected.
import { afterEach, describe, expect, it } from "vitest";
import { AppStore } from "../../source/state/app-store.js";
import { App } from "../../source/ui/app.js";
import { fakeGateway } from "../helpers/fake-gateway.js";
import { renderTui, type Rendered } from "./render-tui.js";

let ui: Rendered | undefined;
afterEach(() => ui?.unmount());

function setup() {
  let now = 1_000_000;
  const store = new AppStore({ refreshMs: 5_000, now: () => now });
  ui = renderTui(<App store={store} />, { columns: 100, rows: 20 });
  return { store, ui, advance: (ms: number) => (now += ms) };
}

describe("freshness of the table", () => {
  it("says loading, then how long ago it was updated, then stale when refreshes fail", async () => {
    const { store, ui, advance } = setup();
    await ui.waitFor((text) => text.includes("loading…"));
    const { world, gateway } = fakeGateway();
    await store.attach(gateway, []);
    await ui.waitFor((text) => text.includes("updated 0s ago") && text.includes("prod"));

    advance(3_000);
    store.tick();
    await ui.waitFor((text) => text.includes("updated 3s ago"));

    world.failClusters = true;
    await store.refresh(true);
    await ui.waitFor((text) => text.includes("stale, updated 3s ago"));
    expect(ui.text()).toContain("ListClusters: ThrottlingException: Rate exceeded");
    expect(ui.text()).toContain("prod"); // the rows stay

    world.failClusters = false;
    await store.refresh(true);
    await ui.waitFor((text) => text.includes("updated 0s ago"));
    expect(ui.text()).not.toContain("ThrottlingException");
  });

  it("marks data stale when refreshes are long overdue", async () => {
    const { store, ui, advance } = setup();
    await store.attach(fakeGateway().gateway, []);
    advance(16_000);
    store.tick();
    await ui.waitFor((text) => text.includes("stale, updated 16s ago"));
  });

  it("says why nothing loads when no account could be opened", async () => {
    const { store, ui } = setup();
    store.failSetup("no AWS region: pass --region");
    await ui.waitFor((text) => text.includes("not connected"));
    expect(ui.text()).toContain("no AWS region: pass --region");
  });
});
