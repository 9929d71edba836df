// A service's events in a real terminal against `deckhand --demo`: `e` on a service opens them,
// `/` searches them, `esc` goes back to the service; `:events` needs a service in scope.
import { describe, expect, it } from "vitest";
import { ENTER, ESC, startDeckhand } from "../helpers/pty.js";

describe("events", () => {
  it("e on a service lists its events; / searches them; :events needs a service", async () => {
    const app = startDeckhand({ args: ["--demo", "--cluster", "prod"], cols: 160 });
    await app.waitForText(/services\(prod\)\[\d+\]/);
    app.press(":");
    await app.type("events");
    app.press(ENTER);
    await app.waitForText(":events needs a service: open a service first");

    app.press("/");
    await app.type("name:^checkout$");
    app.press(ENTER);
    await app.waitForText(/services\(prod\)\[1\/\d+\]/);
    app.press("e");
    await app.waitForText(/events\(prod\/checkout\)\[\d+\]/);
    await app.waitForText("(service checkout)");
    expect(app.screen()).toMatch(/AGE\s+TIME\s+MESSAGE/);

    app.press("/");
    await app.type("steady state");
    app.press(ENTER);
    await app.waitForText(/events\(prod\/checkout\)\[\d+\/\d+\]/);
    const messages = app
      .screen()
      .split("\n")
      .filter((line) => line.includes("(service checkout)"));
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((line) => line.includes("has reached a steady state"))).toBe(true);

    app.press(ESC);
    app.press(ESC);
    await app.waitForText(/services\(prod\)\[1\/\d+\]/);
    await app.close();
  });
});
