// Sorting (shift + a column's letter) and wide mode (ctrl-w) in a real pseudo-terminal against the
// built `deckhand --demo`.
import { describe, expect, it } from "vitest";
import { ENTER, ESC, startDeckhand, type Deckhand } from "../helpers/pty.js";

const CTRL_W = "\u0017";

/** The cells of one column, read where its header starts (right-aligned values fit under it). */
function column(screen: string, header: string): string[] {
  const lines = screen.split("\n");
  const head = lines.findIndex((line) => line.startsWith("│") && line.includes(header));
  if (head < 0) return [];
  const start = lines[head]!.indexOf(header);
  const bottom = lines.findIndex((line, i) => i > head && line.startsWith("└"));
  return lines
    .slice(head + 1, bottom)
    .filter((line) => /^│\S/.test(line))
    .map((line) => line.slice(start).trim().split(/\s+/)[0]!);
}

const selectedName = (app: Deckhand) => app.selectedLine()?.slice(1).split(/\s+/)[0];

/** A frame can reach the terminal in pieces: waits until the column reads as `accept` wants. */
async function columnWhen(
  app: Deckhand,
  header: string,
  accept: (cells: string[]) => boolean,
  what: string,
): Promise<string[]> {
  await app.waitUntil(() => accept(column(app.screen(), header)), what);
  return column(app.screen(), header);
}

const same = (expected: readonly string[]) => (cells: readonly string[]) =>
  cells.join(" ") === expected.join(" ");
const ordered = (direction: 1 | -1) => (cells: readonly string[]) =>
  cells.length > 5 &&
  cells.every((cell, i) => i === 0 || direction * (Number(cell) - Number(cells[i - 1])) >= 0);

describe("sorting and wide mode in a real terminal", () => {
  it("shift+letter reorders the rows, again reverses them; ctrl-w shows the wide columns everywhere", async () => {
    const app = startDeckhand({ args: ["--demo"], cols: 180, rows: 44 });
    await app.waitForText(/clusters\[\d+\]/);
    await app.waitForText("prod");

    // Clusters by name, up then down; the cursor stays on the cluster it was on.
    const clusters = Number(/clusters\[(\d+)\]/.exec(app.screen())![1]);
    const loaded = await columnWhen(app, "NAME", (cells) => cells.length === clusters, "every cluster");
    const first = selectedName(app);
    app.press("N");
    await columnWhen(app, "NAME↑", same([...loaded].sort()), "clusters by name, up");
    app.press("N");
    await columnWhen(app, "NAME↓", same([...loaded].sort().reverse()), "clusters by name, down");
    expect(selectedName(app)).toBe(first);

    // Into prod's services: by desired count, up then down.
    app.press("/");
    await app.type("name:^prod$");
    app.press(ENTER);
    await app.waitForText(/clusters\[1\/\d+\]/);
    app.press(ENTER);
    await app.waitForText(/services\(prod\)\[\d+\]/);
    await app.waitUntil(() => /│checkout\s+ACTIVE\s+\d/.test(app.screen()), "services are described");
    app.press("D");
    const up = await columnWhen(app, "DESIRED↑", ordered(1), "services by desired count, up");
    app.press("D");
    const down = await columnWhen(
      app,
      "DESIRED↓",
      (cells) => ordered(-1)(cells) && cells.length === up.length,
      "services by desired count, down",
    );
    expect(Number(down[0])).toBeGreaterThan(Number(up[0]));

    // Wide mode: more columns here, and in the tasks below.
    expect(app.screen()).not.toContain("CREATED");
    app.press(CTRL_W);
    await app.waitForText(/LAUNCH\s+TYPE\s+EXEC\s+CREATED\s+AGE/);
    await app.waitForText(/REPLICA\s+(on|off)\s+\d{4}-\d\d-\d\d \d\d:\d\d/);
    app.press(ENTER);
    await app.waitForText(/tasks\(prod\/[\w-]+\)\[running\]\[\d+\]/);
    await app.waitForText(/HEALTH\s+TASK DEFINITION\s+REV\s+CPU\/MEM\s+LAUNCH\s+IP\s+ENI\s+AZ\s+STARTED BY/);
    await app.waitForText(/FARGATE\S*\s+\d+\.\d+\.\d+\.\d+\s+eni-[0-9a-f]+/);
    app.press(CTRL_W);
    await app.waitForNoText("ENI");
    expect(app.screen()).toMatch(/REV\s+CPU\/MEM\s+IP\s+AZ\s+AGE/);

    // Back up: the services kept their own sort.
    app.press(ESC);
    await app.waitForText(/services\(prod\)\[\d+\]/);
    await columnWhen(
      app,
      "DESIRED↓",
      (cells) => ordered(-1)(cells) && cells.length === down.length,
      "the services still by desired count, down",
    );
  });
});
