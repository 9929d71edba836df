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

describe("log pane on --demo", () => {
  it("follows a service: lines from several tasks, pause and resume, search, save", async () => {
    const state = mkdtempSync(join(tmpdir(), "deckhand-state-"));
    const app = startDeckhand({ args: ["--demo"], cols: 140, rows: 40, env: { XDG_STATE_HOME: state } });
    await openServiceLogs(app, "checkout");
    await app.waitUntil(() => taskPrefixes(app.screen(), "checkout").size >= 2, "lines from two tasks");
    await app.waitForText(/live tail|polling/);

    app.press(" ");
    await app.waitForText("paused");
    await app.waitForText(/\d+ new lines/, 15_000);
    app.press("G");
    await app.waitForText("following");

    app.press("/");
    await app.type("GET");
    app.press(ENTER);
    await app.waitForText('search "GET"');

    app.press("\u0013"); // ctrl-s
    await app.waitForText(/saved \d+ lines to /);
    const path = /saved \d+ lines to (\S+)/.exec(app.screen().replace(/\n/g, ""))?.[1];
    expect(path && existsSync(path)).toBe(true);
    expect(readFileSync(path!, "utf8")).toMatch(/checkout/);

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
});
