// The log pane in a real terminal against `deckhand --demo`: a whole service's logs, live.
import { existsSync, readFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ENTER, ESC, startDeckhand, type Deckhand } from "../helpers/pty.js";

async function openServiceLogs(app: Deckhand, service: string): Promise<void> {
  await app.waitForText(/clusters\[\d+\]/);
  app.press("/");
  await app.type("prod");
  app.press(ENTER);
  app.press(ENTER);
  await app.waitForText(/services\(prod\)\[\d+\]/);
  app.press("/");
  await app.type(service);
  app.press(ENTER);
  await app.waitForText(`</${service}>`);
  app.press("l");
  await app.waitForText(`logs(prod/${service})`);
}

/** Task-id prefixes (8 hex characters before "/app-container") seen in the pane. */
function taskPrefixes(screen: string, container: string): Set<string> {
  return new Set([...screen.matchAll(new RegExp(`([0-9a-f]{8})/${container}\\b`, "g"))].map((m) => m[1]!));
}

/** The pane's log rows (timestamp, task prefix, container, message), as drawn. */
function logRows(screen: string): { task: string; text: string }[] {
  return [...screen.matchAll(/^│(\d\d:\d\d:\d\d\.\d{3} ([0-9a-f]{8})\/\S+ .*?)\s*│$/gm)].map((m) => ({
    task: m[2]!,
    text: m[1]!,
  }));
}

describe("log pane on --demo", () => {
  it("follows a service live from several tasks; pause holds the screen on a current line; search, history, save", async () => {
    const state = mkdtempSync(join(tmpdir(), "deckhand-state-"));
    const app = startDeckhand({ args: ["--demo"], cols: 140, rows: 40, env: { XDG_STATE_HOME: state } });
    await openServiceLogs(app, "checkout");
    await app.waitForText(/live tail|polling/);
    await app.waitUntil(() => logRows(app.screen()).length >= 10, "a screen of history");
    const before = new Set(logRows(app.screen()).map((row) => row.text));
    const arrived = () => logRows(app.screen()).filter((row) => !before.has(row.text));
    await app.waitUntil(
      () => new Set(arrived().map((row) => row.task)).size >= 2,
      "new lines from two tasks",
    );
    expect(app.selectedLine()).toBeUndefined(); // no current line while following

    app.press(" ");
    await app.waitForText(/paused, line [\d,]+ of [\d,]+/);
    const current = logRows(app.screen()).at(-1)!.text;
    expect(app.selectedLine()).toContain(current);
    await app.waitForText(/\d+ new lines/, 15_000);
    // New lines do not move the screen (late ones still take their place in time above it).
    expect(logRows(app.screen()).at(-1)?.text).toBe(current);
    expect(app.selectedLine()).toContain(current);
    const above = logRows(app.screen()).at(-2)!.text;
    app.press("k");
    await app.waitUntil(
      () => app.selectedLine()?.includes(above) === true,
      "the line above as the current one",
    );
    app.press("G");
    await app.waitForText("following");
    await app.waitUntil(() => app.selectedLine() === undefined, "no current line once following again");

    app.press("/");
    await app.type("GET");
    app.press(ENTER);
    await app.waitForText('search "GET"');
    expect(app.selectedLine()).toMatch(/GET/); // paused on the newest match

    app.press("H");
    await app.waitForText(/history 15m ─/);
    await app.waitForText(/loaded [\d,]+ older lines \(history 15m\)|history 15m: no older lines/);

    app.press("\u0013"); // ctrl-s
    await app.waitForText(/saved [\d,]+ lines to /);
    const flat = app.screen().replace(/\n/g, "");
    const [, count, path] = /saved ([\d,]+) lines to (\S+)/.exec(flat) ?? [];
    expect(path && existsSync(path)).toBe(true);
    const saved = readFileSync(path!, "utf8").trimEnd().split("\n");
    expect(saved).toHaveLength(Number(count!.replace(/,/g, "")));
    expect(saved.every((line) => /^\d{4}-\d\d-\d\dT[\d:.]+Z [0-9a-f]{32}\/[\w-]+ /.test(line))).toBe(true);
    expect(saved.some((line) => line.includes("/checkout "))).toBe(true);

    app.press(ESC); // clears the search
    app.press(ESC); // closes the pane, the table is back as it was
    await app.waitForText(/services\(prod\)\[1\/\d+\] <\/checkout>/);
    app.press("q");
    expect((await app.waitForExit()).exitCode).toBe(0);
  });

  it("falls back to polling when Live Tail is denied, and says so", async () => {
    const app = startDeckhand({ args: ["--demo"], env: { DECKHAND_SIM_LIVETAIL: "deny" } });
    await openServiceLogs(app, "checkout");
    await app.waitForText(/polling \(.*AccessDenied/);
    await app.waitUntil(() => taskPrefixes(app.screen(), "checkout").size >= 1, "log lines");
  });

  it("says where a container's logs go when they are not in CloudWatch Logs", async () => {
    const app = startDeckhand({ args: ["--demo"], cols: 160 });
    await openServiceLogs(app, "inventory");
    await app.waitForText(/inventory logs elsewhere: splunk log driver/);
  });
});
