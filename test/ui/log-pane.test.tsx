// The log pane rendered in-process by the real App, on a follower the test feeds: live lines, the
// current line, markers, search, wide characters, the history window, help, notes about containers
// that log elsewhere, and paging in full screen.
import { afterEach, describe, expect, it } from "vitest";
import type { LogLine } from "../../source/features/logs/log-line.js";
import type { LogSource } from "../../source/features/logs/log-sources.js";
import { AppStore } from "../../source/state/app-store.js";
import { App } from "../../source/ui/app.js";
import { stringWidth } from "../../source/ui/text-fit.js";
import { clusterArn, fakeGateway } from "../helpers/fake-gateway.js";
import { FakeFollower } from "./fake-follower.js";
import { renderTui, type Rendered } from "./render-tui.js";

const TASK = "0123456789abcdef0123456789abcdef";
const PGUP = "\u001b[5~";
const LEFT = "\u001b[D";
// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/g;

let ui: Rendered | undefined;
let store: AppStore | undefined;
afterEach(() => {
  ui?.unmount();
  store?.stop();
});

const logLine = (n: number, message = `request ${String(n).padStart(4, "0")} ok`): LogLine => ({
  id: `e${String(n).padStart(6, "0")}`,
  timestamp: Date.UTC(2026, 10, 26, 10, 0, 0) + n * 1_000,
  taskId: TASK,
  container: "app",
  stream: `ecs/app/${TASK}`,
  group: "/ecs/api",
  message,
});
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => logLine(from + i));

const APP_SOURCE: LogSource = {
  kind: "awslogs",
  taskId: TASK,
  container: "app",
  group: "/ecs/api",
  region: "us-east-1",
  stream: `ecs/app/${TASK}`,
};

async function openPane(capacity = 1_000) {
  const follower = new FakeFollower(capacity);
  store = new AppStore({
    refreshMs: 60_000,
    initial: [{ kind: "services", scope: { clusterArn: clusterArn("prod"), clusterName: "prod" } }],
  });
  ui = renderTui(<App store={store} />, { columns: 100, rows: 30 });
  await store.attach(fakeGateway().gateway, [], () => follower);
  await ui.waitFor((text) => text.includes("checkout"));
  await ui.press("l");
  await ui.waitFor((text) => text.includes("logs(prod/api)"));
  follower.setSources([APP_SOURCE]);
  return { ui, follower };
}

/** The rows of the last frame drawn in inverse video (the current line's bar), without colours. */
function currentRows(rendered: Rendered): string[] {
  return rendered
    .raw()
    .split("\n")
    .filter((row) => row.includes("\u001b[7m"))
    .map((row) => row.replace(SGR, ""));
}

async function press(rendered: Rendered, ...keys: string[]) {
  for (const key of keys) await rendered.press(key);
}

describe("log pane", () => {
  it("follows lines as they arrive, and pauses on a current line that j/k move", async () => {
    const { ui, follower } = await openPane();
    follower.add(range(1, 40));
    await ui.waitFor((text) => text.includes("request 0040") && text.includes("following"));
    expect(currentRows(ui)).toEqual([]);

    await press(ui, " ");
    await ui.waitFor((text) => text.includes("paused, line 40 of 40"));
    expect(currentRows(ui)).toEqual([expect.stringContaining("request 0040 ok")]);
    await press(ui, "k", "k");
    await ui.waitFor((text) => text.includes("paused, line 38 of 40"));
    expect(currentRows(ui)).toEqual([expect.stringContaining("request 0038 ok")]);

    follower.add(range(41, 45));
    await ui.waitFor((text) => text.includes("line 38 of 45, 5 new lines"));
    expect(ui.text()).not.toContain("request 0045");
    await press(ui, "G");
    await ui.waitFor((text) => text.includes("request 0045") && text.includes("following"));
    expect(currentRows(ui)).toEqual([]);
  });

  it("draws the dropped and Live Tail sampling markers where they belong in the list", async () => {
    const { ui, follower } = await openPane(50);
    follower.add(range(1, 20));
    follower.markSampled();
    follower.markSampled();
    follower.add(range(21, 60)); // ten more than the buffer holds
    await ui.waitFor((text) => text.includes("request 0060"));
    expect(ui.text()).not.toContain("older lines dropped (buffer full) ─");

    await press(ui, "g");
    await ui.waitFor((text) => text.includes("request 0011"));
    const rows = ui.text().split("\n");
    const at = (pattern: RegExp) => rows.findIndex((row) => pattern.test(row));
    const dropped = at(/── 10 older lines dropped \(buffer full\) ─+/);
    const sampled = at(/── Live Tail sampled here \(2 updates over 500 events\/s\) ─+/);
    expect(dropped).toBeGreaterThan(0);
    expect(at(/request 0011/)).toBe(dropped + 1);
    expect(at(/request 0020/)).toBe(sampled - 1);
    expect(at(/request 0021/)).toBe(sampled + 1);
  });

  it("highlights search matches and wraps wide characters by terminal columns", async () => {
    const { ui, follower } = await openPane();
    const cjk = "注文処理でエラーが発生しました。再試行します。".repeat(4);
    follower.add([logLine(1, "GET /api/orders 200"), logLine(2, cjk), logLine(3, "emoji 🚀✅ done")]);
    await ui.waitFor((text) => text.includes("emoji"));
    const fits = () =>
      ui
        .text()
        .split("\n")
        .every((row) => stringWidth(row) <= 100);
    expect(fits()).toBe(true);

    await press(ui, "/", "o", "r", "d", "e", "r", "s", "\r");
    await ui.waitFor((text) => text.includes('search "orders"'));
    // The match is drawn black on yellow.
    // eslint-disable-next-line no-control-regex
    expect(ui.raw()).toMatch(/\u001b\[43m(?:\u001b\[[0-9;]*m)*orders/);
    expect(currentRows(ui)).toEqual([expect.stringContaining("GET /api/orders 200")]);

    await press(ui, "\u001b", "w");
    await ui.waitFor((text) => (text.match(/発生/g) ?? []).length === 4);
    expect(fits()).toBe(true);
    const pieces = ui
      .text()
      .split("\n")
      .map((row) => row.match(/[\u3000-\u9fff]+/g)?.join("") ?? "")
      .filter(Boolean);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join("")).toBe(cjk);
  });

  it("draws the / prompt's cursor in the status line, where it is", async () => {
    const { ui } = await openPane();
    await press(ui, "/", "o", "k", LEFT);
    await ui.waitFor((text) => text.includes("└ / ok"));
    // eslint-disable-next-line no-control-regex
    expect(ui.raw()).toMatch(/\/ o\u001b\[7mk\u001b\[27m/);
    await press(ui, "\u0005", "\u0015");
    await ui.waitFor((text) => /└ \/ {2}/.test(text));
  });

  it("steps the history window with H, shows it in the title and says what loaded", async () => {
    const { ui, follower } = await openPane();
    follower.add(range(101, 120));
    follower.older = range(71, 100);
    await ui.waitFor((text) => text.includes("history 5m"));

    await press(ui, "H");
    await ui.waitFor((text) => text.includes("loaded 30 older lines (history 15m)"));
    expect(ui.text()).toContain("logs(prod/api)[50]");
    expect(ui.text()).toContain("history 15m ─");

    await press(ui, "H", "H");
    await ui.waitFor((text) => text.includes("history window (90s, 10m, 2h…):"));
    expect(follower.historyWindows).toEqual([900_000, 3_600_000]);
    await press(ui, "s", "o", "o", "n", "\r");
    await ui.waitFor((text) =>
      text.includes('"soon" is not a duration like 90s, 10m or 2h: nothing changed'),
    );
    expect(follower.historyWindows).toHaveLength(2);

    await press(ui, "H", "9", "0", "s", "\r");
    await ui.waitFor((text) => text.includes("history 1m30s ─"));
    expect(follower.historyWindows.at(-1)).toBe(90_000);
  });

  it("shows the pane's keys on ?, and any key closes them", async () => {
    const { ui, follower } = await openPane();
    follower.add(range(1, 5));
    await ui.waitFor((text) => text.includes("request 0005"));
    await press(ui, "?");
    await ui.waitFor((text) => text.includes("any key closes this"));
    expect(ui.text()).toMatch(/<pgup> <ctrl-b>\s+Page up/);
    expect(ui.text()).toMatch(/<H>\s+History window/);
    expect(ui.text()).not.toContain("request 0005");

    await press(ui, "q"); // closes the help, not the pane
    await ui.waitFor((text) => text.includes("request 0005"));
    expect(ui.text()).not.toContain("<pgup> <ctrl-b>");
    expect(ui.text()).toContain("logs(prod/api)");
  });

  it("says where the other containers' logs go while this one's lines show", async () => {
    const { ui, follower } = await openPane();
    follower.setSources([
      APP_SOURCE,
      {
        kind: "elsewhere",
        taskId: TASK,
        container: "datadog-agent",
        driver: "splunk",
        explanation: "splunk log driver (splunk-url=https://splunk.example.com): not in CloudWatch Logs",
      },
    ]);
    follower.add(range(1, 3));
    await ui.waitFor((text) => text.includes("request 0003"));
    expect(ui.text()).toContain("datadog-agent logs elsewhere: splunk log driver");
  });

  it("pages by the pane's own height, in full screen or not", async () => {
    const { ui, follower } = await openPane();
    follower.add(range(1, 100));
    await ui.waitFor((text) => text.includes("request 0100"));
    await press(ui, "f", " ");
    await ui.waitFor((text) => text.includes("line 100 of 100"));
    expect(ui.text()).not.toContain("<prod>"); // the header and crumbs are gone
    // 30 rows: 29 drawn, 3 of them the pane's border and status line.
    await press(ui, PGUP);
    await ui.waitFor((text) => text.includes("line 74 of 100"));
    await press(ui, ...Array<string>(20).fill("k"));
    await ui.waitFor((text) => text.includes("line 54 of 100"));
    // Back under the header the pane shows 18 rows: the current line is scrolled back into them…
    await press(ui, "f");
    await ui.waitFor((text) => text.includes("<prod>"));
    expect(currentRows(ui)).toEqual([expect.stringContaining("request 0054 ok")]);
    await press(ui, PGUP); // …and a page is 18 lines
    await ui.waitFor((text) => text.includes("line 36 of 100"));
  });
});
