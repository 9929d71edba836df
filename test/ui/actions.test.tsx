// Action keys in the real App, in-process, against the simulated account through the real SDK:
// the prompt's validation, what the confirmation says will be sent, the cancel paths, read-only.
import { afterEach, describe, expect, it } from "vitest";
import { ActionRunner } from "../../source/features/actions/runner.js";
import { AutoScalingGateway } from "../../source/aws/autoscaling-gateway.js";
import { connect } from "../../source/aws/connection.js";
import { EcsGateway } from "../../source/aws/ecs-gateway.js";
import { createSimulatedAccount } from "../../source/sim/index.js";
import { AppStore } from "../../source/state/app-store.js";
import { App } from "../../source/ui/app.js";
import { memoryLog } from "../unit/features/actions/fixtures.js";
import { renderTui, type Rendered } from "./render-tui.js";

const ESC = "\u001b";
const CTRL_U = "\u0015";

let rendered: Rendered | undefined;
let store: AppStore | undefined;

afterEach(() => {
  rendered?.unmount();
  store?.stop();
});

async function open(options: { readOnly?: string; size?: { columns: number; rows: number } } = {}) {
  const sim = createSimulatedAccount({ seed: 7 });
  const connection = await connect({ region: sim.region, requestHandler: sim.requestHandler });
  const gateway = new EcsGateway(connection.ecs);
  const autoscaling = new AutoScalingGateway(connection.autoscaling);
  const log = memoryLog();
  const scope = { region: sim.region };
  const runner = new ActionRunner({
    gateways: { ecs: gateway, autoscaling },
    log,
    scope,
    readOnly: options.readOnly,
  });
  store = new AppStore({ refreshMs: 60_000 });
  rendered = renderTui(<App store={store} />, options.size ?? { columns: 140, rows: 40 });
  store.start();
  void store.attach(gateway, [{ label: "Account", value: "demo" }], undefined, {
    runner,
    autoscaling,
    scope,
    user: "tester",
  });
  await rendered.waitFor((text) => /clusters\[\d+\]/.test(text) && text.includes("prod"));
  return { ui: rendered, sim, log };
}

async function type(ui: Rendered, text: string) {
  for (const char of text) await ui.press(char);
}

async function openService(ui: Rendered, name: string) {
  await type(ui, "/prod");
  await ui.press("\r");
  await ui.press("\r");
  await ui.waitFor((text) => /services\(prod\)\[\d+\]/.test(text));
  await type(ui, `/${name}`);
  await ui.press("\r");
  // Described (the action needs the service), not only listed.
  await ui.waitFor((text) => new RegExp(`${name}\\s+ACTIVE\\s+\\d+`).test(text));
}

describe("actions in the app", () => {
  it("scale: the prompt validates as typed; the confirmation shows the API call and the CLI line; esc cancels", async () => {
    const { ui, sim, log } = await open();
    await openService(ui, "checkout");
    await ui.press("s");
    await ui.waitFor((text) => text.includes("Scale checkout") && text.includes("desired count:"));
    await ui.waitFor((text) => text.includes("auto scaling: keeps checkout between"));

    await type(ui, "abc");
    await ui.waitFor((text) => text.includes('desired count must be a number, not "abc"'));
    await ui.press("\r"); // refused: still the prompt
    expect(ui.text()).toContain("desired count: abc");
    await ui.press(CTRL_U);
    await type(ui, "2.5");
    await ui.waitFor((text) => text.includes("desired count must be a whole number of tasks, not 2.5"));
    await ui.press(CTRL_U);
    await type(ui, "7");
    await ui.waitFor((text) => /→ Scale checkout from \d+ to 7/.test(text));

    await ui.press("\r");
    await ui.waitFor((text) => text.includes("Sends:"));
    const text = ui.text();
    expect(text).toContain('ecs:UpdateService {"cluster":"prod","service":"checkout","desiredCount":7}');
    expect(text).toContain("$ aws ecs update-service --cluster prod --service checkout --desired-count 7");
    expect(text).toContain("y send it · n or esc cancel");

    await ui.press("\r"); // enter never confirms
    await ui.waitFor((text) => text.includes("enter does not confirm"));
    await ui.press(ESC);
    await ui.waitFor((text) => /cancelled: Scale checkout from \d+ to 7; nothing was sent/.test(text));
    expect(ui.text()).not.toContain("Sends:");
    expect(sim.calls.mutations()).toEqual([]);
    expect(log.entries.map((entry) => entry.result)).toEqual(["cancelled"]);
  });

  it("n cancels a confirmation too; y sends it and the row shows the change on its way", async () => {
    const { ui, sim } = await open();
    await openService(ui, "checkout");
    await ui.press("r");
    await ui.waitFor((text) => text.includes("Restart checkout (force a new deployment)"));
    expect(ui.text()).toContain("--force-new-deployment");
    await ui.press("n");
    await ui.waitFor((text) => text.includes("cancelled: Restart checkout"));
    expect(sim.calls.mutations()).toEqual([]);

    await ui.press("r");
    await ui.waitFor((text) => text.includes("Sends:"));
    await ui.press("y");
    await ui.waitFor((text) => text.includes("checkout: new deployment started"));
    await ui.waitFor((text) => text.includes("⟳ restarting"));
    expect(sim.calls.mutations()).toMatchObject([
      { operation: "UpdateService", input: { forceNewDeployment: true }, outcome: "ok" },
    ]);
  });

  it("read-only: an RO badge, and action keys say so without opening anything", async () => {
    const { ui, sim, log } = await open({ readOnly: "deckhand was started with --readonly" });
    expect(ui.text()).toMatch(/ RO \s*$/m);
    expect(ui.text()).toContain("read-only");
    await openService(ui, "checkout");
    await ui.press("s");
    await ui.waitFor((text) =>
      text.includes("read-only: deckhand was started with --readonly; no scaling, nothing was sent"),
    );
    expect(ui.text()).not.toContain("Scale checkout");
    await ui.press("a"); // reading is fine
    await ui.waitFor((text) => /autoscaling\(prod\/checkout\)\[\d+\]/.test(text));
    await ui.press("e");
    await ui.waitFor((text) => text.includes("no changing auto scaling, nothing was sent"));
    expect(sim.calls.mutations()).toEqual([]);
    // Refused attempts are logged, with no call: none was formed.
    expect(log.entries.map((entry) => [entry.action, entry.call, entry.result])).toEqual([
      ["scale", null, "refused"],
      ["autoscaling-range", null, "refused"],
    ]);
  });

  it("a key outside its view says where it works", async () => {
    const { ui } = await open();
    await ui.press("s");
    await ui.waitFor((text) => text.includes("<s> Scale: in the services view"));
  });

  it("tasks: space marks rows in their own column; ctrl-k asks to stop the marked ones", async () => {
    const { ui, sim } = await open();
    await openService(ui, "checkout");
    await ui.press("\r");
    await ui.waitFor(
      (text) => /tasks\(prod\/checkout\)\[running\]\[\d+\]/.test(text) && text.includes("RUNNING"),
    );
    await ui.press(" ");
    await ui.press("j");
    await ui.press(" ");
    await ui.waitFor((text) => /tasks\(prod\/checkout\)\[running\]\[\d+, 2 marked\]/.test(text));
    expect(ui.text().match(/│✓ {2}[0-9a-f]{32}/g)).toHaveLength(2);
    await ui.press("\u000b");
    await ui.waitFor((text) => text.includes("Stop 2 tasks") && text.includes("Sends 2 calls, in order:"));
    expect(ui.text()).toContain("Stopped by deckhand (tester)");
    await ui.press(ESC);
    await ui.waitFor((text) => text.includes("cancelled: Stop 2 tasks; nothing was sent"));
    expect(ui.text()).toContain("2 marked"); // cancelling keeps the marks
    expect(sim.calls.mutations()).toEqual([]);
  });

  it("help lists the actions of the view it was opened from", async () => {
    const { ui } = await open();
    await openService(ui, "checkout");
    await ui.press("?");
    await ui.waitFor((text) => text.includes("services actions"));
    expect(ui.text()).toMatch(/<s>\s+Scale/);
    expect(ui.text()).not.toContain("Stop task(s)");
  });

  it("a confirmation fits a small terminal: wrapped, scrollable, keys always on screen", async () => {
    const { ui } = await open({ size: { columns: 90, rows: 22 } });
    await openService(ui, "checkout");
    await ui.press("s");
    await ui.waitFor((text) => text.includes("desired count:"));
    await ui.press("0");
    await ui.press("\r");
    await ui.waitFor((text) => text.includes("Type checkout to"));
    const fits = (text: string) => {
      const lines = text.split("\n");
      return lines.length <= 21 && lines.every((line) => line.length <= 90);
    };
    expect(fits(ui.text())).toBe(true);
    expect(ui.text()).toContain("enter confirms once it matches · esc cancel");
    expect(ui.text()).toMatch(/lines 1-\d+ of \d+/);
    for (let i = 0; i < 5; i += 1) await ui.press("\u001b[B"); // scroll down
    await ui.waitFor((text) => text.includes("$ aws ecs update-service"));
    expect(fits(ui.text())).toBe(true);
    expect(ui.text()).toContain("enter confirms once it matches · esc cancel");
  });
});
