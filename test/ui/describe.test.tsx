// `d` rendered in-process by the real App: the row's object as coloured JSON over the whole screen,
// scrolling, search, copy through OSC 52, the table as it was after esc, and polling paused meanwhile.
/* eslint-disable no-control-regex -- these tests read the escape sequences the terminal gets */
import { afterEach, describe, expect, it, vi } from "vitest";
import type { EcsGateway } from "../../source/aws/ecs-gateway.js";
import { AppStore } from "../../source/state/app-store.js";
import { App } from "../../source/ui/app.js";
import { clusterArn, fakeGateway } from "../helpers/fake-gateway.js";
import { renderTui, type Rendered } from "./render-tui.js";

const ESC = "\u001b";
const SGR = /\u001b\[[0-9;]*m/g;

let ui: Rendered | undefined;
let store: AppStore | undefined;
afterEach(() => {
  ui?.unmount();
  store?.stop();
  vi.restoreAllMocks();
});

async function openServices(gateway: EcsGateway = fakeGateway().gateway, refreshMs = 60_000) {
  store = new AppStore({
    refreshMs,
    initial: [{ kind: "services", scope: { clusterArn: clusterArn("prod"), clusterName: "prod" } }],
  });
  ui = renderTui(<App store={store} />, { columns: 100, rows: 24 });
  store.start();
  void store.attach(gateway, []);
  await ui.waitFor((text) => /web\s+ACTIVE/.test(text));
  return { ui, store };
}

/** The row drawn in inverse video (the table's cursor, the current match's bar), without colours. */
function barRow(rendered: Rendered): string | undefined {
  return rendered
    .raw()
    .split("\n")
    .find((row) => row.includes("\u001b[7m"))
    ?.replace(SGR, "");
}

async function press(rendered: Rendered, ...keys: string[]) {
  for (const key of keys) await rendered.press(key);
}

describe("describe", () => {
  it("d shows the service as coloured JSON over the whole screen; esc gives back the table as it was", async () => {
    const { ui } = await openServices();
    await press(ui, "j", "j");
    expect(barRow(ui)).toMatch(/^│checkout\s/);
    await ui.press("d");
    await ui.waitFor((text) => text.includes("describe services/checkout"));
    const text = ui.text();
    expect(text).toContain('"serviceName": "checkout",');
    expect(text).toContain('"desiredCount": 1,');
    expect(text).not.toContain("<d> Describe");
    expect(text).toMatch(/<\/> Search\s+<n> Next match/);
    // Keys, strings and numbers each in their own colour.
    const raw = ui.raw();
    expect(raw).toMatch(/\u001b\[94m"serviceName"\u001b\[39m: \u001b\[32m"checkout"/);
    expect(raw).toMatch(/\u001b\[36m1\u001b\[39m/);
    const lines = text.split("\n");
    expect(lines.length).toBeLessThanOrEqual(23);
    expect(lines.every((line) => line.length <= 100)).toBe(true);

    await ui.press(ESC);
    await ui.waitFor((text) => text.includes("services(prod)[5]"));
    expect(barRow(ui)).toMatch(/^│checkout\s/);
    expect(ui.text()).toContain("<d> Describe");
  });

  it("d on a task shows the task, its dates as ISO strings", async () => {
    const { ui } = await openServices();
    await ui.press("\r");
    await ui.waitFor((text) => /tasks\(prod\/api\)\[running\]\[3\]/.test(text));
    await press(ui, "j", "d");
    await ui.waitFor((text) => text.includes("describe tasks/bbbb2222"));
    expect(ui.text()).toContain('"taskArn": "arn:aws:ecs:us-east-1:123456789012:task/prod/bbbb2222",');
    expect(ui.text()).toContain('"startedAt": "1970-01-01T00:37:02.000Z"');
    await ui.press("q");
    await ui.waitFor((text) => /tasks\(prod\/api\)\[running\]\[3\]/.test(text));
    expect(barRow(ui)).toMatch(/^│\s+bbbb2222\s/);
  });

  it("scrolls by rows with j/k, pages and g/G; the title says where", async () => {
    const world = fakeGateway();
    const gateway = {
      ...world.gateway,
      describeServices: async (cluster: string, arns: string[], onBatch?: (s: unknown[]) => void) => {
        const described = await world.gateway.describeServices(cluster, arns);
        if (!described.ok) return described;
        const services = described.value.map((service) => ({
          ...service,
          events: Array.from({ length: 30 }, (_, i) => ({ id: `e${i}`, message: `event number ${i}` })),
        }));
        onBatch?.(services);
        return { ok: true, value: services };
      },
    } as EcsGateway;
    const { ui } = await openServices(gateway);
    await ui.press("d");
    // 24 terminal rows: a frame of 23, the body 21 between the borders.
    await ui.waitFor((text) => /rows 1-21 of \d+/.test(text));
    const total = Number(/rows 1-21 of (\d+)/.exec(ui.text())![1]);
    expect(total).toBeGreaterThan(100);
    await press(ui, "j", "j");
    await ui.waitFor((text) => text.includes(`rows 3-23 of ${total}`));
    await ui.press("G");
    await ui.waitFor((text) => text.includes(`rows ${total - 20}-${total} of ${total}`));
    expect(ui.text()).toMatch(/│}\s+│/);
    await ui.press("k");
    await ui.waitFor((text) => text.includes(`rows ${total - 21}-${total - 1} of ${total}`));
    // A page keeps one row of the last one.
    await ui.press("\u001b[5~");
    await ui.waitFor((text) => text.includes(`rows ${total - 41}-${total - 21} of ${total}`));
    await ui.press("g");
    await ui.waitFor((text) => text.includes(`rows 1-21 of ${total}`));
    expect(ui.text()).toMatch(/│\{\s+│/);
  });

  it("/ highlights every match, n/N step through the lines, esc clears the search then closes", async () => {
    const { ui } = await openServices();
    await ui.press("d");
    await ui.waitFor((text) => text.includes("describe services/api"));
    await press(ui, "/", ..."count", "\r");
    await ui.waitFor((text) => text.includes('search "count": match 1 of 3'));
    // Matches are marked black on yellow; the current match's line is the bar.
    expect(ui.raw().match(/\u001b\[43m/g)?.length).toBe(3);
    expect(barRow(ui)).toMatch(/"desiredCount": 1,/);
    await ui.press("n");
    await ui.waitFor((text) => text.includes("match 2 of 3"));
    expect(barRow(ui)).toMatch(/"runningCount": 1,/);
    await ui.press("N");
    await ui.press("N");
    await ui.waitFor((text) => text.includes("search wrapped to the bottom"));
    expect(barRow(ui)).toMatch(/"pendingCount": 0/);
    await ui.press(ESC);
    await ui.waitFor((text) => !text.includes("search"));
    expect(ui.raw()).not.toContain("\u001b[43m");
    expect(ui.text()).toContain("describe services/api");
    await ui.press(ESC);
    await ui.waitFor((text) => text.includes("services(prod)[5]"));
  });

  it("draws the search prompt's cursor after what is typed", async () => {
    const { ui } = await openServices();
    await ui.press("d");
    await ui.waitFor((text) => text.includes("describe services/api"));
    await press(ui, "/", "c", "o");
    await ui.waitFor((text) => text.includes("└ / co"));
    expect(ui.raw()).toMatch(/\/ co\u001b\[7m \u001b\[27m/);
  });

  it("c puts the whole JSON on the clipboard through OSC 52", async () => {
    const { ui } = await openServices();
    const written: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    await press(ui, "j", "d");
    await ui.waitFor((text) => text.includes("describe services/billing"));
    await ui.press("c");
    await ui.waitFor((text) => /copied \d+ lines of JSON to the clipboard/.test(text));
    const sequence = /\u001b\]52;c;([A-Za-z0-9+/=]+)\u0007/.exec(written.join(""));
    expect(sequence).not.toBeNull();
    const copied: unknown = JSON.parse(Buffer.from(sequence![1]!, "base64").toString("utf8"));
    expect(copied).toMatchObject({ serviceName: "billing", status: "ACTIVE", desiredCount: 1 });
  });

  it("says why when the row has not been described yet", async () => {
    const world = fakeGateway();
    let finishDescribing = () => {};
    const described = new Promise<void>((resolve) => (finishDescribing = resolve));
    const gateway = {
      ...world.gateway,
      describeServices: async (...args: Parameters<EcsGateway["describeServices"]>) => {
        await described;
        return world.gateway.describeServices(...args);
      },
    } as EcsGateway;
    store = new AppStore({
      refreshMs: 60_000,
      initial: [{ kind: "services", scope: { clusterArn: clusterArn("prod"), clusterName: "prod" } }],
    });
    ui = renderTui(<App store={store} />, { columns: 100, rows: 24 });
    void store.attach(gateway, []);
    await ui.waitFor((text) => text.includes("checkout"));
    await ui.press("d");
    await ui.waitFor((text) => text.includes("nothing to describe on this row: not described yet"));
    finishDescribing();
    await ui.waitFor((text) => /api\s+ACTIVE/.test(text));
    await ui.press("d");
    await ui.waitFor((text) => text.includes("describe services/api"));
  });

  it("pauses polling while the description covers the table, and resumes after", async () => {
    const world = fakeGateway();
    let calls = 0;
    let held: Promise<void> | undefined;
    let release = () => {};
    const gateway = {
      ...world.gateway,
      describeServices: async (...args: Parameters<EcsGateway["describeServices"]>) => {
        calls += 1;
        await held;
        return world.gateway.describeServices(...args);
      },
    } as EcsGateway;
    const { ui } = await openServices(gateway, 50);
    // `d` while a refresh is out: when it ends, it must not start the next one.
    held = new Promise((resolve) => (release = resolve));
    const before = calls;
    await ui.waitFor(() => calls === before + 1);
    await ui.press("d");
    await ui.waitFor((text) => text.includes("describe services/api"));
    held = undefined;
    release();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(calls).toBe(before + 1);
    await ui.press(ESC);
    await ui.waitFor(() => calls > before + 2);
  });
});
