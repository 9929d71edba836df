// --cluster, --service and --task in a real terminal against `deckhand --demo`: it opens where the
// link points, esc climbs the stack with the cursor on the row each level drilled into, and a link
// to something that is not there says so and opens as deep as it can.
import { describe, it } from "vitest";
import { ESC, startDeckhand, type Deckhand } from "../helpers/pty.js";

async function escTo(app: Deckhand, title: RegExp): Promise<void> {
  app.press(ESC);
  await app.waitForText(title);
  // The cursor is placed once the level's rows have loaded.
  await app.waitUntil(() => app.selectedLine() !== undefined, "a row is selected");
}

describe("deep links", () => {
  it("--cluster prod --service checkout opens its tasks; esc goes back through services and clusters", async () => {
    const app = startDeckhand({ args: ["--demo", "--cluster", "prod", "--service", "checkout"], cols: 150 });
    await app.waitForText(/tasks\(prod\/checkout\)\[running\]\[\d+\]/);
    await app.waitForText("RUNNING");
    await escTo(app, /services\(prod\)\[\d+\]/);
    await app.waitUntil(() => /^│checkout\s/.test(app.selectedLine() ?? ""), "the cursor is on checkout");
    await escTo(app, /clusters\[\d+\]/);
    await app.waitUntil(() => /^│prod\s/.test(app.selectedLine() ?? ""), "the cursor is on prod");
    await app.close();
  });

  it("--task opens the task's containers, under the service it belongs to", async () => {
    const first = startDeckhand({
      args: ["--demo", "--cluster", "prod", "--service", "checkout"],
      cols: 150,
    });
    await first.waitForText(/tasks\(prod\/checkout\)\[running\]\[\d+\]/);
    await first.waitForText("RUNNING");
    const taskId = /│\s*([0-9a-f]{32})\s/.exec(first.screen())![1]!;
    await first.close();

    const app = startDeckhand({ args: ["--demo", "--cluster", "prod", "--task", taskId], cols: 150 });
    await app.waitForText(`containers(${taskId})`);
    await escTo(app, /tasks\(prod\/checkout\)\[running\]\[\d+\]/);
    await app.waitUntil(() => (app.selectedLine() ?? "").includes(taskId), "the cursor is on the task");
    await app.close();
  });

  it("a service that is not there: says so, and opens the cluster's services", async () => {
    const app = startDeckhand({ args: ["--demo", "--cluster", "prod", "--service", "nope"], cols: 150 });
    await app.waitForText("no service nope in cluster prod");
    await app.waitForText(/services\(prod\)\[\d+\]/);
    await app.close();
  });
});
