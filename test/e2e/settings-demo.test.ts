// The config file's refresh interval and theme, and NO_COLOR, in a real terminal against
// `deckhand --demo`: checked in the bytes the terminal receives.
/* eslint-disable no-control-regex -- these tests read the escape sequences the terminal gets */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startDeckhand } from "../helpers/pty.js";

/** SGR foreground/background colours (30-37, 90-97, 40-47, 100-107, 38;…, 48;…); not 39/49, which reset them. */
const COLOUR = /\u001b\[(?:\d+;)*(?:3[0-7]|9[0-7]|4[0-7]|10[0-7]|38;|48;)/;
const INVERSE = /\u001b\[(?:\d+;)*7m/;
const CYAN = "\u001b[36m";
const BLUE = "\u001b[34m";

function configHome(settings: Record<string, unknown>): string {
  const home = mkdtempSync(join(tmpdir(), "deckhand-settings-e2e-"));
  mkdirSync(join(home, "deckhand"));
  writeFileSync(join(home, "deckhand", "config.json"), JSON.stringify(settings));
  return home;
}

describe("settings and colours in a real terminal", () => {
  it("NO_COLOR: no colour at all, and the cursor bar still shows (inverse)", async () => {
    const app = startDeckhand({ args: ["--demo"], env: { NO_COLOR: "1" } });
    await app.waitForText(/clusters\[\d+\]/);
    await app.waitForText("prod");
    await app.waitUntil(() => app.selectedLine() !== undefined, "the cursor bar is drawn");
    expect(app.raw()).not.toMatch(COLOUR);
    expect(app.raw()).toMatch(INVERSE);
    await app.close();
  });

  it("the config file's theme and refresh interval", async () => {
    const home = configHome({ theme: "light", refreshSeconds: 2 });
    const app = startDeckhand({ args: ["--demo"], env: { XDG_CONFIG_HOME: home } });
    await app.waitForText(/clusters\[\d+\]/);
    await app.waitForText("Refresh: 2s");
    expect(app.raw()).toContain(BLUE);
    expect(app.raw()).not.toContain(CYAN);
    await app.close();
  });

  it("keys remapped and unbound in the config file: the dispatcher and help follow", async () => {
    const home = configHome({ keys: { help: ["h"], refresh: [] } });
    const app = startDeckhand({ args: ["--demo"], env: { XDG_CONFIG_HOME: home } });
    await app.waitForText(/clusters\[\d+\]/);
    await app.waitForText("<h> Help");
    expect(app.screen()).not.toContain("<?>");
    expect(app.screen()).not.toContain("Refresh\n");
    app.press("?");
    app.press("h");
    await app.waitForText("help (esc or ? to close");
    expect(app.screen()).toMatch(/<h>\s+Help/);
    expect(app.screen()).not.toContain("<ctrl-r>");
    expect(app.screen()).not.toMatch(/^│\s+Refresh/m);
    await app.close();
  });

  it("a bad key in the config file stops start-up with the entry named", async () => {
    const home = configHome({ keys: { shell: ["j"] } });
    const app = startDeckhand({ args: ["--demo"], env: { XDG_CONFIG_HOME: home }, cols: 200 });
    expect((await app.waitForExit()).exitCode).toBe(2);
    expect(app.screen()).toContain('keys: "j" would mean both shell and down in containers, tasks');
  });

  it("the demo cannot switch profiles or regions, and says so", async () => {
    const app = startDeckhand({ args: ["--demo"], cols: 150 });
    await app.waitForText(/clusters\[\d+\]/);
    app.press(":");
    await app.type("region eu-west-1");
    app.press("\r");
    await app.waitForText("the demo has one simulated account in one region");
    expect(app.screen()).toMatch(/Region:\s+us-east-1/);
    await app.close();
  });

  it("the terminal theme by default", async () => {
    const app = startDeckhand({ args: ["--demo"], env: { XDG_CONFIG_HOME: configHome({}) } });
    await app.waitForText(/clusters\[\d+\]/);
    await app.waitForText("Refresh: 5s");
    expect(app.raw()).toContain(CYAN);
    await app.close();
  });
});
