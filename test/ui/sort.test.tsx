// Sorting (shift + a column's letter) and wide mode (ctrl-w), rendered in-process by the real App
// against the simulated account.
import { afterEach, describe, expect, it } from "vitest";
import { connect } from "../../source/aws/connection.js";
import { EcsGateway } from "../../source/aws/ecs-gateway.js";
import { createSimulatedAccount } from "../../source/sim/index.js";
import { AppStore } from "../../source/state/app-store.js";
import { App } from "../../source/ui/app.js";
import { renderTui, type Rendered } from "./render-tui.js";

const CTRL_W = "\u0017";
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

let rendered: Rendered | undefined;
let store: AppStore | undefined;

afterEach(() => {
  rendered?.unmount();
  store?.stop();
});

async function open() {
  const sim = createSimulatedAccount({ seed: 7 });
  const { ecs } = await connect({ region: sim.region, requestHandler: sim.requestHandler });
  store = new AppStore({ refreshMs: 60_000 });
  rendered = renderTui(<App store={store} />, { columns: 160, rows: 40 });
  store.start();
  void store.attach(new EcsGateway(ecs), [{ label: "Account", value: "demo" }]);
  await rendered.waitFor((text) => /clusters\[\d+\]/.test(text) && text.includes("prod"));
  return rendered;
}

/** The cells of one column on screen, read where its header starts (right-aligned values fit under it). */
function column(text: string, header: string): string[] {
  const lines = text.split("\n");
  const head = lines.findIndex((line) => line.startsWith("│") && line.includes(header));
  const start = lines[head]!.indexOf(header);
  const bottom = lines.findIndex((line, i) => i > head && line.startsWith("└"));
  return lines
    .slice(head + 1, bottom)
    .filter((line) => /^│\S/.test(line))
    .map((line) => line.slice(start).trim().split(/\s+/)[0]!);
}

/** The name of the row under the cursor (drawn in inverse video). */
function selected(ui: Rendered): string | undefined {
  const line = ui
    .raw()
    .split("\n")
    .find((row) => row.includes("\u001b[7m"));
  return line?.replace(ANSI, "").slice(1).split(/\s+/)[0];
}

describe("sorting and wide mode", () => {
  it("shift+letter sorts by a column, again reverses it; the header shows which way", async () => {
    const ui = await open();
    const loaded = column(ui.text(), "NAME");
    expect(ui.text()).not.toMatch(/[↑↓]/);
    await ui.press("N");
    await ui.waitFor((text) => text.includes("NAME↑"));
    expect(column(ui.text(), "NAME")).toEqual([...loaded].sort());
    await ui.press("N");
    await ui.waitFor((text) => text.includes("NAME↓"));
    expect(column(ui.text(), "NAME")).toEqual([...loaded].sort().reverse());
    await ui.press("R");
    await ui.waitFor((text) => text.includes("RUNNING↑") && !text.includes("NAME↓"));
    const running = column(ui.text(), "RUNNING↑").map(Number);
    expect(running).toEqual([...running].sort((a, b) => a - b));
    expect(new Set(running).size).toBeGreaterThan(1);
    await ui.press("R");
    await ui.waitFor((text) => text.includes("RUNNING↓"));
    expect(column(ui.text(), "RUNNING↓").map(Number)).toEqual([...running].sort((a, b) => b - a));
  });

  it("keeps the cursor on its row when the order changes, and each view its own sort", async () => {
    const ui = await open();
    await ui.press("N");
    await ui.press("N");
    await ui.waitFor((text) => text.includes("NAME↓"));
    await ui.press("/");
    for (const char of "name:^prod$") await ui.press(char);
    await ui.press("\r");
    await ui.press("\r");
    await ui.waitFor((text) => /services\(prod\)\[\d+\]/.test(text) && text.includes("checkout"));
    await ui.waitFor((text) => /ACTIVE\s+\d+\s+\d+/.test(text));
    await ui.press("j");
    await ui.press("j");
    const chosen = selected(ui);
    const before = column(ui.text(), "NAME").indexOf(chosen!);
    await ui.press("A");
    await ui.waitFor((text) => text.includes("AGE↑"));
    expect(column(ui.text(), "NAME").indexOf(chosen!)).not.toBe(before);
    expect(selected(ui)).toBe(chosen);
    await ui.press("\u001b");
    await ui.waitFor((text) => /clusters\[1\/\d+\]/.test(text));
    expect(ui.text()).toContain("NAME↓");
    expect(ui.text()).not.toContain("AGE↑");
  });

  it("ctrl-w shows the wide columns of every view, and again hides them", async () => {
    const ui = await open();
    expect(ui.text()).not.toContain("MONITORING");
    await ui.press(CTRL_W);
    await ui.waitFor((text) => /INSTANCES\s+MONITORING\s+CAPACITY PROVIDERS/.test(text));
    await ui.press("/");
    for (const char of "name:^prod$") await ui.press(char);
    await ui.press("\r");
    await ui.press("\r");
    await ui.waitFor((text) => /LAUNCH\s+TYPE\s+EXEC\s+CREATED\s+AGE/.test(text));
    await ui.waitFor((text) => /REPLICA\s+(on|off)\s+\d{4}-\d\d-\d\d \d\d:\d\d/.test(text));
    await ui.press(CTRL_W);
    await ui.waitFor((text) => !text.includes("CREATED"));
    expect(ui.text()).toMatch(/LAUNCH\s+EXEC\s+AGE/);
  });

  it("help lists the sort keys of the view it was opened from", async () => {
    const ui = await open();
    await ui.press("?");
    await ui.waitFor((text) => text.includes("sort clusters"));
    expect(ui.text()).toMatch(/<N>\s+NAME/);
    expect(ui.text()).toMatch(/<M>\s+MONITORING \(wide\)/);
    expect(ui.text()).toMatch(/<ctrl-w>\s+Wide columns on\/off/);
  });
});
