// `d` in a real pseudo-terminal against the built `deckhand --demo`: a service's JSON, a search,
// the copy that reaches the terminal as OSC 52, and esc back to the table with its cursor.
/* eslint-disable no-control-regex -- these tests read the escape sequences the terminal gets */
import { describe, expect, it } from "vitest";
import { ENTER, ESC, startDeckhand } from "../helpers/pty.js";

const OSC52 = /\u001b\]52;c;([A-Za-z0-9+/=]*)\u0007/g;

describe("describe in a real terminal", () => {
  it("d on a service shows its JSON; / finds a value; c copies it through OSC 52; esc goes back", async () => {
    const app = startDeckhand({ args: ["--demo"], cols: 120, rows: 36 });
    await app.waitForText(/clusters\[\d+\]/);
    await app.waitForText("prod");
    app.press("/");
    await app.type("name:^prod$");
    app.press(ENTER);
    app.press(ENTER);
    await app.waitForText(/services\(prod\)\[\d+\]/);
    await app.waitForText(/^│\S+\s+ACTIVE\s/m);
    await app.type("jjj");
    const fourthRow = () => {
      const lines = app.screen().split("\n");
      return lines[lines.findIndex((line) => /^│NAME\s/.test(line)) + 4];
    };
    await app.waitUntil(
      () => app.selectedLine() === fourthRow() && /^│\S+\s+ACTIVE\s/.test(fourthRow() ?? ""),
      "the fourth service, described, is selected",
    );
    const name = /^│(\S+)/.exec(app.selectedLine()!)![1]!;

    app.press("d");
    await app.waitForText(`describe services/${name}`);
    await app.waitForText(`"serviceName": "${name}",`);
    expect(app.screen()).toMatch(/"desiredCount": \d+,/);
    expect(app.screen()).not.toContain("schedulingStrategy");

    // The search brings a value from further down on screen, its line drawn as the bar.
    app.press("/");
    await app.type("replica");
    app.press(ENTER);
    await app.waitForText(/search "replica": match 1 of \d+/);
    expect(app.screen()).toContain('"schedulingStrategy": "REPLICA",');
    expect(app.selectedLine()).toMatch(/"schedulingStrategy": "REPLICA",/);

    expect(app.raw()).not.toMatch(OSC52);
    app.press("c");
    await app.waitForText(/copied \d+ lines of JSON to the clipboard/);
    const copies = [...app.raw().matchAll(OSC52)];
    expect(copies).toHaveLength(1);
    const copied = JSON.parse(Buffer.from(copies[0]![1]!, "base64").toString("utf8")) as Record<
      string,
      unknown
    >;
    expect(copied).toMatchObject({ serviceName: name, schedulingStrategy: "REPLICA" });
    expect(copied.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    // esc clears the search, then gives back the table with the cursor on the same service.
    app.press(ESC);
    await app.waitForNoText('search "replica"');
    expect(app.screen()).toContain(`describe services/${name}`);
    app.press(ESC);
    await app.waitForText(/services\(prod\)\[\d+\]/);
    await app.waitUntil(
      () => new RegExp(`^│${name}\\s`).test(app.selectedLine() ?? ""),
      `${name} is selected again`,
    );
    expect(app.screen()).toContain("<d> Describe");
  });
});
