// A service's events and deployments in a real terminal against `deckhand --demo`: `e` on a
// service opens its events, `/` searches them, `esc` goes back to the service; `:events` needs a
// service in scope; `z` (or `:dp`) opens its deployments with rollout state, counts and breaker.
import { describe, expect, it } from "vitest";
import { ENTER, ESC, startDeckhand } from "../helpers/pty.js";

describe("a service's events and deployments", () => {
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

  it("z on a service mid-deployment shows PRIMARY and ACTIVE with rollout, counts and breaker; :dp too", async () => {
    const app = startDeckhand({ args: ["--demo", "--cluster", "prod", "--service", "checkout"], cols: 160 });
    await app.waitForText(/tasks\(prod\/checkout\)\[running\]\[\d+\]/);
    app.press(":");
    await app.type("dp");
    app.press(ENTER);
    await app.waitForText(/deployments\(prod\/checkout\)\[2\]/);
    expect(app.screen()).toMatch(
      /ID\s+STATUS\s+TASK DEFINITION\s+TASKS\s+PENDING\s+FAILED\s+ROLLOUT\s+BREAKER/,
    );
    const rows = app.screen().split("\n");
    const primary = rows.find((line) => line.includes("PRIMARY")) ?? "";
    const active = rows.find((line) => line.includes(" ACTIVE ")) ?? "";
    // The new revision is rolling out under the circuit breaker; the old one is still fully up.
    expect(primary).toMatch(/checkout:(\d+)\s+\d\/6\s+\d+\s+\d+\s+IN_PROGRESS\s+rollback/);
    expect(active).toMatch(/checkout:\d+\s+6\/6\s+0\s+0\s+COMPLETED\s+rollback/);
    const revision = (line: string) => Number(/checkout:(\d+)/.exec(line)?.[1]);
    expect(revision(primary)).toBe(revision(active) + 1);

    // :dp put deployments where drilling down would have: esc climbs to the services.
    app.press(ESC);
    await app.waitForText(/services\(prod\)\[\d+\]/);
    await app.waitUntil(() => app.selectedLine()?.includes("checkout") ?? false, "checkout selected");
    app.press("z");
    await app.waitForText(/deployments\(prod\/checkout\)\[2\]/);
    await app.close();
  });
});
