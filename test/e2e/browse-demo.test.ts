// A new user's first minute, in a real pseudo-terminal against the built `deckhand --demo`.
import { describe, expect, it } from "vitest";
import { DOWN, ENTER, ESC, startDeckhand } from "../helpers/pty.js";

const LEAVE_ALT_SCREEN = "\u001b[?1049l";
const ENTER_ALT_SCREEN = "\u001b[?1049h";
const SHOW_CURSOR = "\u001b[?25h";

describe("deckhand --demo in a real terminal", () => {
  it("drills cluster → service → task → container and back, filters, resizes and quits cleanly", async () => {
    const app = startDeckhand({ args: ["--demo"], cols: 120, rows: 36 });
    await app.waitForText(/clusters\[\d+\]/);
    await app.waitForText("prod");
    expect(app.raw()).toContain(ENTER_ALT_SCREEN);
    expect(app.screen()).toContain("demo");

    // Filter the clusters down to prod, then open it.
    app.press("/");
    await app.type("prod");
    app.press(ENTER);
    await app.waitForText("clusters[1/");
    app.press(ENTER);
    await app.waitForText(/services\(prod\)\[\d+\]/);
    await app.waitForText("ACTIVE");

    // Filter services and open the first match.
    app.press("/");
    await app.type("checkout");
    app.press(ENTER);
    await app.waitForText(/services\(prod\)\[1\/\d+\] <\/checkout>/);
    app.press(ENTER);
    await app.waitForText(/tasks\(prod\/checkout\)\[running\]\[\d+\]/);
    await app.waitForText("RUNNING");
    app.press(ENTER);
    await app.waitForText(/containers\([0-9a-f]{32}\)\[\d+\]/);
    await app.waitForText("IMAGE");
    await app.waitForText(/<clusters>.*<prod>.*<checkout>/);

    // Back up the stack: each view keeps its filter and its cursor.
    app.press(ESC);
    await app.waitForText(/tasks\(prod\/checkout\)/);
    app.press(ESC);
    await app.waitForText(/services\(prod\)\[1\/\d+\] <\/checkout>/);
    await app.waitUntil(() => /^│checkout\s/.test(app.selectedLine() ?? ""), "checkout is selected");
    app.press(ESC); // clears the filter; the cursor stays on checkout
    await app.waitForNoText("</checkout>");
    await app.waitUntil(() => /^│checkout\s/.test(app.selectedLine() ?? ""), "checkout is selected");
    app.press(ESC);
    await app.waitForText("clusters[1/"); // the cluster filter was kept too
    await app.waitUntil(() => /^│prod\s/.test(app.selectedLine() ?? ""), "prod is selected");
    app.press(ESC);
    await app.waitForText(/clusters\[\d+\] /);
    await app.waitUntil(() => /^│prod\s/.test(app.selectedLine() ?? ""), "prod is selected");

    // Move, then resize: the frame is redrawn to the new width, one line shorter than the terminal.
    app.press("g");
    await app.waitUntil(() => /^│batch-ec2\s/.test(app.selectedLine() ?? ""), "batch-ec2 is selected");
    app.press(DOWN);
    await app.waitUntil(() => /^│legacy\s/.test(app.selectedLine() ?? ""), "legacy is selected");
    app.resize(90, 24);
    // 24 rows: the frame is redrawn 90 wide and uses 23 rows (header 6, table, crumbs, flash line);
    // the last row stays empty.
    const redrawn = (lines: string[]) =>
      lines.some((line) => /^┌─ clusters\[\d+\] ─+ .* ─┐$/.test(line) && line.length === 90) &&
      lines.findIndex((line) => /^└─+┘$/.test(line) && line.length === 90) === 20 &&
      lines[21]!.includes("<clusters>") &&
      lines[23] === "";
    await app.waitUntil(() => redrawn(app.screen().split("\n")), "the frame is redrawn for 90x24");
    expect(
      app
        .screen()
        .split("\n")
        .every((line) => line.length <= 90),
    ).toBe(true);
    app.resize(140, 40);
    await app.waitUntil(
      () =>
        app
          .screen()
          .split("\n")
          .some((line) => line.startsWith("┌") && line.length === 140),
      "the table is redrawn 140 columns wide",
    );
    await app.waitUntil(() => /^│legacy\s/.test(app.selectedLine() ?? ""), "legacy is selected");

    app.press("q");
    const exit = await app.waitForExit();
    expect(exit.exitCode).toBe(0);
    const raw = app.raw();
    expect(raw.lastIndexOf(LEAVE_ALT_SCREEN)).toBeGreaterThan(raw.lastIndexOf(ENTER_ALT_SCREEN));
    expect(raw.lastIndexOf(SHOW_CURSOR)).toBeGreaterThan(raw.lastIndexOf(ENTER_ALT_SCREEN));
  });

  it("shows help on ? and closes it on esc", async () => {
    const app = startDeckhand({ args: ["--demo"] });
    await app.waitForText(/clusters\[\d+\]/);
    app.press("?");
    await app.waitForText("help");
    await app.waitForText("Page down");
    app.press(ESC);
    await app.waitForNoText("Page down");
    app.press("\u0003");
    expect((await app.waitForExit()).exitCode).toBe(0);
  });

  it.each([
    ["SIGTERM", 143],
    ["SIGHUP", 129],
  ] as const)("restores the terminal on %s", async (signal, code) => {
    const app = startDeckhand({ args: ["--demo"] });
    await app.waitForText(/clusters\[\d+\]/);
    app.kill(signal);
    const exit = await app.waitForExit();
    expect(exit.exitCode).toBe(code);
    const raw = app.raw();
    expect(raw.lastIndexOf(LEAVE_ALT_SCREEN)).toBeGreaterThan(raw.lastIndexOf(ENTER_ALT_SCREEN));
    expect(raw.lastIndexOf(SHOW_CURSOR)).toBeGreaterThan(raw.lastIndexOf(ENTER_ALT_SCREEN));
  });

  it("hands the terminal back in cooked mode with echo on", async () => {
    const app = startDeckhand({ args: ["--demo"], afterExit: "stty -a; echo STTY-DONE" });
    await app.waitForText(/clusters\[\d+\]/);
    app.press("q");
    await app.waitForText("STTY-DONE");
    const settings = app.screen();
    expect(settings).toMatch(/(^|\s)icanon(\s|$)/m);
    expect(settings).toMatch(/(^|\s)echo(\s|$)/m);
    expect(settings).not.toMatch(/-icanon|(^|\s)-echo(\s|$)/m);
  });
});
