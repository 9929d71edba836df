// Each view rendered in-process by the real App, against the simulated account through the real SDK.
import { afterEach, describe, expect, it } from "vitest";
import { connect } from "../../source/aws/connection.js";
import { EcsGateway } from "../../source/aws/ecs-gateway.js";
import { createSimulatedAccount } from "../../source/sim/index.js";
import { AppStore } from "../../source/state/app-store.js";
import { App } from "../../source/ui/app.js";
import { renderTui, type Rendered } from "./render-tui.js";

let rendered: Rendered | undefined;
let store: AppStore | undefined;

afterEach(() => {
  rendered?.unmount();
  store?.stop();
});

async function open(size = { columns: 140, rows: 34 }) {
  const sim = createSimulatedAccount({ seed: 7 });
  const { ecs } = await connect({ region: sim.region, requestHandler: sim.requestHandler });
  store = new AppStore({ refreshMs: 60_000 });
  rendered = renderTui(<App store={store} />, size);
  store.start();
  void store.attach(new EcsGateway(ecs), [{ label: "Account", value: "demo" }]);
  await rendered.waitFor((text) => /clusters\[\d+\]/.test(text) && text.includes("prod"));
  return { ui: rendered, store, sim };
}

async function openRow(ui: Rendered, name: string, title: RegExp) {
  await ui.press("/");
  for (const char of name) await ui.press(char);
  await ui.press("\r");
  await ui.press("\r");
  await ui.waitFor((text) => title.test(text));
}

describe("views", () => {
  it("clusters: header, hints, columns and the demo's clusters", async () => {
    const { ui } = await open();
    const text = ui.text();
    expect(text).toContain("Account: demo");
    expect(text).toMatch(/<enter>\s+Open/);
    expect(text).toMatch(/<\/>\s+Filter/);
    expect(text).toMatch(/NAME\s+STATUS\s+SERVICES\s+RUNNING\s+PENDING\s+INSTANCES\s+CAPACITY PROVIDERS/);
    expect(text).toMatch(/prod\s+ACTIVE\s+4\d\s/);
    expect(text).toMatch(/batch-ec2\s+ACTIVE/);
    expect(text).toContain("<clusters>");
    // Every line fits the terminal and the frame is one line shorter than it (Ink 6 flicker rule).
    const lines = text.split("\n");
    expect(lines.length).toBeLessThanOrEqual(33);
    expect(lines.every((line) => line.length <= 140)).toBe(true);
  });

  it("services: counts, rollout state and task definition of each service", async () => {
    const { ui } = await open();
    await openRow(ui, "prod", /services\(prod\)\[\d+\]/);
    await ui.waitFor(
      (text) => text.includes("ROLLOUT") && /\d+\s+\d+\s+\d+\s+(COMPLETED|IN_PROGRESS)/.test(text),
    );
    const text = ui.text();
    expect(text).toMatch(
      /NAME\s+STATUS\s+DESIRED\s+RUNNING\s+PENDING\s+ROLLOUT\s+TASK DEFINITION\s+LAUNCH\s+EXEC\s+AGE/,
    );
    expect(text).toMatch(/ACTIVE\s+\d+\s+\d+\s+\d+\s+\S+.*\S+:\d+\s+FARGATE/);
    expect(text).toContain("<prod>");
  });

  it("tasks and containers: ids, status, health, image and ports", async () => {
    const { ui } = await open();
    await openRow(ui, "prod", /services\(prod\)\[\d+\]/);
    await ui.waitFor((text) => text.includes("checkout"));
    await openRow(ui, "checkout", /tasks\(prod\/checkout\)\[running\]\[\d+\]/);
    await ui.waitFor((text) => /[0-9a-f]{32}\s+RUNNING\s+RUNNING/.test(text));
    expect(ui.text()).toMatch(/ID\s+LAST\s+DESIRED\s+HEALTH\s+REV\s+CPU\/MEM\s+IP\s+AZ\s+AGE\s+STOP REASON/);
    expect(ui.text()).toMatch(/\d+\.\d+\.\d+\.\d+\s+us-east-1[a-f]/);
    await ui.press("\r");
    await ui.waitFor((text) => /containers\([0-9a-f]{32}\)\[\d+\]/.test(text) && text.includes("IMAGE"));
    await ui.waitFor((text) => /\d+\/tcp/.test(text));
    expect(ui.text()).toMatch(/NAME\s+IMAGE\s+STATUS\s+HEALTH\s+EXIT\s+REASON\s+PORTS/);
  });

  it("help lists every binding and esc closes it", async () => {
    const { ui } = await open();
    await ui.press("?");
    await ui.waitFor((text) => text.includes("help"));
    expect(ui.text()).toMatch(/<pgdn> <ctrl-f>\s+Page down/);
    await ui.press("\u001b");
    await ui.waitFor((text) => !text.includes("Page down"));
  });

  it("help scrolls when it is taller than the terminal", async () => {
    const { ui } = await open({ columns: 100, rows: 20 });
    await ui.press("?");
    await ui.waitFor((text) => /rows 1-\d+ of \d+/.test(text));
    expect(ui.text()).toMatch(/│tables/);
    expect(ui.text()).not.toContain(":quit");
    await ui.press("G");
    await ui.waitFor((text) => text.includes(":quit") && !/│tables/.test(text));
    // The last screen ends on the last row; k moves up by exactly one from there.
    const [, from, to, total] = /rows (\d+)-(\d+) of (\d+)/.exec(ui.text())!.map(Number);
    expect(to).toBe(total);
    expect(from).toBeGreaterThan(1);
    await ui.press("k");
    await ui.waitFor((text) => text.includes(`rows ${from! - 1}-${to! - 1} of ${total}`));
    await ui.press("j");
    await ui.waitFor((text) => text.includes(`rows ${from}-${to} of ${total}`));
    // Past the end, j stays put: the next k moves at once.
    await ui.press("j");
    await ui.press("k");
    await ui.waitFor((text) => text.includes(`rows ${from! - 1}-${to! - 1} of ${total}`));
    await ui.press("g");
    await ui.waitFor((text) => /rows 1-/.test(text) && /│tables/.test(text));
  });

  it("keeps every line inside a narrow terminal", async () => {
    const { ui } = await open({ columns: 70, rows: 20 });
    await openRow(ui, "prod", /services\(prod\)\[\d+\]/);
    const lines = ui.text().split("\n");
    expect(lines.every((line) => line.length <= 70)).toBe(true);
    expect(lines.length).toBeLessThanOrEqual(19);
  });
});
