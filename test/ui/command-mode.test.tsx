// Command mode and the grown-up filter, rendered in-process by the real App against the simulated
// account through the real SDK.
/* eslint-disable no-control-regex -- these tests read the escape sequences the terminal gets */
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

const ESC = "\u001b";
const UP = "\u001b[A";
const TAB = "\t";
const LEFT = "\u001b[D";
const CTRL_E = "\u0005";
const CTRL_U = "\u0015";
/** The SGR codes HighlightText uses for a match: black on yellow. */
const MATCH = /\u001b\[43m(?:\u001b\[30m)?|\u001b\[30m\u001b\[43m/;

async function open() {
  const sim = createSimulatedAccount({ seed: 7 });
  const { ecs } = await connect({ region: sim.region, requestHandler: sim.requestHandler });
  store = new AppStore({ refreshMs: 60_000 });
  rendered = renderTui(<App store={store} />, { columns: 140, rows: 34 });
  store.start();
  void store.attach(new EcsGateway(ecs), [{ label: "Account", value: "demo" }]);
  await rendered.waitFor((text) => /clusters\[\d+\]/.test(text) && text.includes("prod"));
  return { ui: rendered, store };
}

async function typeKeys(ui: Rendered, text: string) {
  for (const char of text) await ui.press(char);
}

/** From the cluster list, into prod's checkout service's tasks. */
async function intoTasks(ui: Rendered) {
  await ui.press("/");
  await typeKeys(ui, "name:^prod$");
  await ui.press("\r");
  await ui.press("\r");
  await ui.waitFor((text) => /services\(prod\)\[\d+\]/.test(text) && text.includes("checkout"));
  await ui.press("/");
  await typeKeys(ui, "name:^checkout$");
  await ui.press("\r");
  await ui.press("\r");
  await ui.waitFor(
    (text) => /tasks\(prod\/checkout\)\[running\]\[\d+\]/.test(text) && text.includes("RUNNING"),
  );
}

describe("command mode", () => {
  it(": shows the line with a dim ghost completion; tab takes it; enter opens the view for the scope on top", async () => {
    const { ui, store } = await open();
    await intoTasks(ui);
    await ui.press(":");
    await ui.waitFor((text) => /^: {2}\s*tab to complete/m.test(text));
    await typeKeys(ui, "sv");
    await ui.waitFor((text) => /^: svc\s+Services of the cluster in scope/m.test(text));
    // The "c" is ghost text: dim, under the cursor, not typed yet.
    expect(store.getState().commandLine.draft).toBe("sv");
    expect(ui.raw()).toMatch(/: (?:\u001b\[\d+m)*sv\u001b\[7m\u001b\[2mc\u001b\[27m {3}Services/);
    await ui.press(TAB);
    expect(store.getState().commandLine.draft).toBe("svc");
    await ui.press("\r");
    // Back on prod's services, with the filter and cursor they had.
    await ui.waitFor((text) => /services\(prod\)\[1\/\d+\] <\/name:\^checkout\$>/.test(text));
    expect(ui.text()).not.toMatch(/^: /m);
    expect(ui.text()).toMatch(/<clusters>\s+<prod>\s*$/m);

    // History: up brings the last command back.
    await ui.press(":");
    await ui.press(UP);
    expect(store.getState().commandLine.draft).toBe("svc");
    await ui.press(ESC);
    await ui.waitFor((text) => !/^: /m.test(text));
  });

  it("a view the scope cannot give, and an unknown command, are explained in the flash", async () => {
    const { ui } = await open();
    await ui.press(":");
    await typeKeys(ui, "tasks");
    await ui.press("\r");
    await ui.waitFor((text) => text.includes(":tasks needs a service: open a service first"));
    expect(ui.text()).toMatch(/clusters\[\d+\]/);
    await ui.press(":");
    await typeKeys(ui, "sevices");
    await ui.press("\r");
    await ui.waitFor((text) => text.includes("unknown command :sevices: did you mean :services?"));
  });

  it(":cl goes back to the cluster list; :help opens help", async () => {
    const { ui } = await open();
    await intoTasks(ui);
    await ui.press(":");
    await typeKeys(ui, "cl");
    await ui.press("\r");
    await ui.waitFor((text) => /clusters\[1\/\d+\] <\/name:\^prod\$>/.test(text));
    expect(ui.text()).toMatch(/<clusters>\s*$/m);
    await ui.press(":");
    await typeKeys(ui, "help");
    await ui.press("\r");
    await ui.waitFor((text) => text.includes("help") && text.includes("(esc or ? to close"));
  });
});

describe("the / filter", () => {
  it("highlights matches in the cells, and keeps them to the column of a column:value filter", async () => {
    const { ui } = await open();
    await ui.press("/");
    await typeKeys(ui, "name:^prod$");
    await ui.press("\r");
    await ui.press("\r");
    await ui.waitFor((text) => /services\(prod\)\[\d+\]/.test(text) && /ACTIVE\s+\d+\s+\d+/.test(text));
    await ui.press("/");
    await typeKeys(ui, "check|pay");
    await ui.press("\r");
    await ui.waitFor((text) => /services\(prod\)\[\d+\/\d+\] <\/check\|pay>/.test(text));
    const rows = ui
      .text()
      .split("\n")
      .filter((line) => /^│\S/.test(line) && !line.includes("NAME"));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((line) => /check|pay/i.test(line))).toBe(true);
    expect(ui.raw()).toMatch(new RegExp(`(${MATCH.source})(check|pay)`));

    // column:value, inverse.
    await ui.press(ESC);
    await ui.press("/");
    await typeKeys(ui, "!status:active");
    await ui.press("\r");
    await ui.waitFor((text) => /services\(prod\)\[0\/\d+\]/.test(text));
    expect(ui.text()).toContain("no rows match the filter");
    await ui.press(ESC);
    await ui.press("/");
    await typeKeys(ui, "status:act");
    await ui.press("\r");
    await ui.waitFor((text) => /services\(prod\)\[(\d+)\/\1\]/.test(text));
    // Only the STATUS cells are marked, not the "act" that may be in other columns.
    const marked = [...ui.raw().matchAll(/\u001b\[43m(?:\u001b\[\d+m)*([^\u001b]*)/g)].map((m) => m[1]);
    expect(marked.length).toBeGreaterThan(0);
    expect(new Set(marked)).toEqual(new Set(["ACT"]));
  });

  it("an unknown column says which columns there are", async () => {
    const { ui } = await open();
    await ui.press("/");
    await typeKeys(ui, "owner:me");
    await ui.waitFor((text) =>
      text.includes('no column "owner" here, so the whole text is matched; columns: name'),
    );
    await ui.press("\r");
    await ui.waitFor((text) => /clusters\[0\/\d+\]/.test(text));
  });

  it("draws its cursor where it is; ctrl-u clears it like every other prompt", async () => {
    const { ui, store } = await open();
    await ui.press("/");
    await typeKeys(ui, "prod");
    await ui.press(LEFT);
    await ui.press(LEFT);
    // The cursor on the "o": inverse video on that cell.
    expect(ui.raw()).toMatch(/\/ (?:\u001b\[\d+m)*pr\u001b\[7mo\u001b\[27md/);
    await ui.press(CTRL_U);
    expect(store.getState().overlay).toMatchObject({ type: "filter", draft: "od", cursor: 0 });
    await ui.press(CTRL_E);
    await ui.press(CTRL_U);
    await ui.waitFor((text) => /^\/ {2}\s*enter to keep/m.test(text));
  });
});
