// Stopped tasks in a real terminal against `deckhand --demo`: `t` in a service's tasks view cycles
// running → stopped → all → running, the title says which, the WHY column explains each stop in
// plain words next to the containers' exit codes, and a stopped task's containers show their own.
import { describe, expect, it } from "vitest";
import { ENTER, ESC, startDeckhand, type Deckhand } from "../helpers/pty.js";

/** The title of the unfiltered view of a set. */
const TITLE = (set: string) => new RegExp(`tasks\\(prod/orders-api\\)\\[${set}\\]\\[\\d+\\]`);

async function filterFor(app: Deckhand, text: string): Promise<string[]> {
  app.press("/");
  await app.type(text);
  app.press(ENTER);
  await app.waitForText(`</${text}>`);
  return app
    .screen()
    .split("\n")
    .filter((line) => /[0-9a-f]{32}/.test(line));
}

describe("stopped tasks", () => {
  it("t toggles running → stopped → all → running; WHY says why in plain words beside the exit codes", async () => {
    const app = startDeckhand({
      args: ["--demo", "--cluster", "prod", "--service", "orders-api"],
      cols: 220,
      rows: 50,
    });
    await app.waitForText(TITLE("running"));
    await app.waitForText("RUNNING");
    // Running tasks have no exit codes or diagnosis: those columns wait for a row that has one.
    expect(app.screen()).toMatch(/AGE\s+STOP REASON/);
    expect(app.screen()).toMatch(/\sHEALTH\s/);
    expect(app.screen()).toContain("<t>");

    app.press("t");
    await app.waitForText(TITLE("stopped"));
    await app.waitForText("showing stopped tasks (ECS keeps them for about an hour)");
    await app.waitForText("STOPPED");
    await app.waitForText(/AGE\s+EXIT\s+WHY\s+STOP/);
    // A stopped task's health is only UNKNOWN: the column makes room for EXIT and WHY.
    expect(app.screen()).not.toMatch(/\sHEALTH\s/);
    await app.waitUntil(
      () => !/\s(RUNNING|PROVISIONING|PENDING)\s/.test(app.screen()),
      "only stopped (or stopping) tasks are listed",
    );

    const oom = await filterFor(app, "out of memory");
    expect(oom.length).toBeGreaterThan(0);
    for (const line of oom) expect(line).toMatch(/orders-api:137 .*out of memory: orders-api killed \(137\)/);
    app.press(ESC);
    await app.waitForText(TITLE("stopped"));

    const pulls = await filterFor(app, "image pull failed");
    expect(pulls[0]).toMatch(/image pull failed: orders-api \(orders-api:v[\d.]+\)/);
    app.press(ESC);
    await app.waitForText(TITLE("stopped"));
    for (const words of [
      "Spot capacity reclaimed by AWS",
      "stopped by a user",
      "scaled in",
      "replaced by deployment",
    ]) {
      expect((await filterFor(app, words)).length, words).toBeGreaterThan(0);
      app.press(ESC);
      await app.waitForText(TITLE("stopped"));
    }

    // A stopped task's containers: each one's exit code and reason.
    await filterFor(app, "out of memory");
    app.press(ENTER);
    await app.waitForText(/containers\([0-9a-f]{32}\)\[\d+\]/);
    await app.waitForText("OutOfMemoryError: Container killed due to memory usage");
    expect(app.screen()).toMatch(/orders-api\s+.*STOPPED\s+.*137\s+OutOfMemoryError/);
    app.press(ESC);
    await app.waitForText(/tasks\(prod\/orders-api\)\[stopped\]\[\d+\/\d+\] <\/out of memory>/);
    app.press(ESC); // the filter
    await app.waitForText(TITLE("stopped"));

    app.press("t");
    await app.waitForText(TITLE("all"));
    await app.waitForText("RUNNING");
    await app.waitForText("STOPPED");
    app.press("t");
    await app.waitForText(TITLE("running"));
    await app.waitUntil(() => !app.screen().includes(" STOPPED "), "no stopped tasks in the running view");

    app.press(":");
    await app.type("tasks stopped");
    app.press(ENTER);
    await app.waitForText(TITLE("stopped"));
    await app.close();
  });
});
