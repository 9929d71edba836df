// Command mode and the grown-up filter in a real pseudo-terminal against the built `deckhand --demo`.
/* eslint-disable no-control-regex -- these tests read the escape sequences the terminal gets */
import { describe, expect, it } from "vitest";
import { DOWN, ENTER, ESC, startDeckhand, UP } from "../helpers/pty.js";

const LEAVE_ALT_SCREEN = "\u001b[?1049l";
const ENTER_ALT_SCREEN = "\u001b[?1049h";
const SHOW_CURSOR = "\u001b[?25h";
const TAB = "\t";

/** The table's data rows on screen (between the column header and the bottom border). */
function tableRows(screen: string): string[] {
  const lines = screen.split("\n");
  const header = lines.findIndex((line) => /^│NAME\s/.test(line));
  const bottom = lines.findIndex((line, i) => i > header && line.startsWith("└"));
  return lines.slice(header + 1, bottom).filter((line) => /^│\S/.test(line));
}

describe("command mode and filters in a real terminal", () => {
  it(":svc from a task list, completion, history, regex, ! and column filters, :q", async () => {
    const app = startDeckhand({ args: ["--demo"], cols: 130, rows: 36 });
    await app.waitForText(/clusters\[\d+\]/);
    await app.waitForText("prod");

    // A view the scope cannot give is refused in the flash.
    app.press(":");
    await app.type("tasks");
    app.press(ENTER);
    await app.waitForText(":tasks needs a service: open a service first");

    // Into prod's checkout tasks, with column filters.
    app.press("/");
    await app.type("name:^prod$");
    app.press(ENTER);
    await app.waitForText(/clusters\[1\/\d+\] <\/name:\^prod\$>/);
    app.press(ENTER);
    await app.waitForText(/services\(prod\)\[\d+\]/);
    await app.waitForText("checkout");
    app.press("/");
    await app.type("name:^checkout$");
    app.press(ENTER);
    await app.waitForText(/services\(prod\)\[1\/\d+\]/);
    app.press(ENTER);
    await app.waitForText(/tasks\(prod\/checkout\)\[running\]\[\d+\]/);

    // `:sv` shows "svc" with the "c" as dim ghost text; tab takes it; enter opens the cluster's services.
    app.press(":");
    await app.type("sv");
    await app.waitForText(/^: svc\s+Services of the cluster in scope/m);
    expect(app.raw()).toMatch(/sv\u001b\[7m\u001b\[2mc/);
    app.press(TAB);
    app.press(ENTER);
    await app.waitForText(/services\(prod\)\[1\/\d+\] <\/name:\^checkout\$>/);
    await app.waitForText(/<clusters>\s+<prod>\s*$/m);
    await app.waitUntil(() => /^│checkout\s/.test(app.selectedLine() ?? ""), "checkout is selected");

    // A regex filter, its inverse, and a column filter.
    app.press(ESC);
    await app.waitForNoText("</name:^checkout$>");
    const all = Number(/services\(prod\)\[(\d+)\]/.exec(app.screen())![1]);
    app.press("/");
    await app.type("^(checkout|cart) ");
    app.press(ENTER);
    await app.waitForText(/services\(prod\)\[2\/\d+\]/);
    const shown = tableRows(app.screen()).map((line) => line.slice(1).split(/\s+/)[0]);
    expect(shown.sort()).toEqual(["cart", "checkout"]);
    app.press(ESC);
    app.press("/");
    await app.type("!^(checkout|cart) ");
    app.press(ENTER);
    await app.waitForText(`services(prod)[${all - 2}/${all}]`);
    expect(tableRows(app.screen()).some((line) => /^│(checkout|cart)\s/.test(line))).toBe(false);
    app.press(ESC);
    app.press("/");
    await app.type("status:active");
    app.press(ENTER);
    await app.waitForText(`services(prod)[${all}/${all}]`);
    app.press(ESC);
    app.press("/");
    await app.type("status:checkout");
    app.press(ENTER);
    await app.waitForText(`services(prod)[0/${all}]`);
    app.press(ESC);
    await app.waitForText(`services(prod)[${all}]`);

    // History: `:cl`, then down into a service's tasks; up twice brings `svc` back.
    app.press(":");
    await app.type("cl");
    app.press(ENTER);
    await app.waitForText(/clusters\[1\/\d+\]/);
    app.press(ENTER);
    await app.waitForText(/services\(prod\)\[\d+\]/);
    app.press(DOWN);
    app.press(ENTER);
    await app.waitForText(/tasks\(prod\/[\w-]+\)\[running\]\[\d+\]/);
    app.press(":");
    app.press(UP);
    await app.waitForText(/^: cl\s+All clusters/m);
    app.press(UP);
    await app.waitForText(/^: svc\s+Services/m);
    app.press(ENTER);
    await app.waitForText(/services\(prod\)\[\d+\]/);

    // :q quits and gives the terminal back.
    app.press(":");
    await app.type("q");
    app.press(ENTER);
    const exit = await app.waitForExit();
    expect(exit.exitCode).toBe(0);
    const raw = app.raw();
    expect(raw.lastIndexOf(LEAVE_ALT_SCREEN)).toBeGreaterThan(raw.lastIndexOf(ENTER_ALT_SCREEN));
    expect(raw.lastIndexOf(SHOW_CURSOR)).toBeGreaterThan(raw.lastIndexOf(ENTER_ALT_SCREEN));
  });
});
