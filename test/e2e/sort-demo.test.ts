// Sorting (shift + a column's letter) and wide mode (ctrl-w) in a real pseudo-terminal against the
// built `deckhand --demo`.
import { describe, expect, it } from "vitest";
import { ENTER, ESC, startDeckhand, type Deckhand } from "../helpers/pty.js";

const CTRL_W = "\u0017";

/** The cells of one column, read where its header starts (right-aligned values fit under it). */
function column(screen: string, header: string): string[] {
  const lines = screen.split("\n");
  const head = lines.findIndex((line) => line.startsWith("│") && line.includes(header));
  const start = lines[head]!.indexOf(header);
  const bottom = lines.findIndex((line, i) => i > head && line.startsWith("└"));
  return lines
    .slice(head + 1, bottom)
    .filter((line) => /^│\S/.test(line))
    .map((line) => line.slice(start).trim().split(/\s+/)[0]!);
}

const selectedName = (app: Deckhand) => app.selectedLine()?.slice(1).split(/\s+/)[0];

describe("sorting and wide mode in a real terminal", () => {
  it("shift+letter reorders the rows, again reverses them; ctrl-w shows the wide columns everywhere", async () => {
    const app = startDeckhand({ args: ["--demo"], cols: 180, rows: 44 });
    await app.waitForText(/clusters\[\d+\]/);
    await app.waitForText("prod");

    // Clusters by name, up then down; the cursor stays on the cluster it was on.
    const loaded = column(app.screen(), "NAME");
    const first = selectedName(app);
    app.press("N");
    await app.waitForText("NAME↑");
    expect(column(app.screen(), "NAME↑")).toEqual([...loaded].sort());
    app.press("N");
    await app.waitForText("NAME↓");
    expect(column(app.screen(), "NAME↓")).toEqual([...loaded].sort().reverse());
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
    await app.waitForText("DESIRED↑");
    const up = column(app.screen(), "DESIRED↑").map(Number);
    expect(up).toEqual([...up].sort((a, b) => a - b));
    expect(new Set(up).size).toBeGreaterThan(1);
    app.press("D");
    await app.waitForText("DESIRED↓");
    const down = column(app.screen(), "DESIRED↓").map(Number);
    expect(down).toEqual([...down].sort((a, b) => b - a));
    expect(down[0]).toBeGreaterThan(up[0]!);

    // Wide mode: more columns here, and in the tasks below.
    expect(app.screen()).not.toContain("CREATED");
    app.press(CTRL_W);
    await app.waitForText(/LAUNCH\s+TYPE\s+EXEC\s+CREATED\s+AGE/);
    await app.waitForText(/REPLICA\s+(on|off)\s+\d{4}-\d\d-\d\d \d\d:\d\d/);
    app.press(ENTER);
    await app.waitForText(/tasks\(prod\/[\w-]+\)\[\d+\]/);
    await app.waitForText(/HEALTH\s+TASK DEFINITION\s+REV\s+CPU\/MEM\s+LAUNCH\s+IP\s+ENI\s+AZ\s+STARTED BY/);
    await app.waitForText(/FARGATE\S*\s+\d+\.\d+\.\d+\.\d+\s+eni-[0-9a-f]+/);
    app.press(CTRL_W);
    await app.waitForNoText("ENI");
    expect(app.screen()).toMatch(/REV\s+CPU\/MEM\s+IP\s+AZ\s+AGE/);

    // Back up: the services kept their own sort.
    app.press(ESC);
    await app.waitForText(/services\(prod\)\[\d+\]/);
    expect(app.screen()).toContain("DESIRED↓");
    expect(column(app.screen(), "DESIRED↓").map(Number)).toEqual(down);
  });
});
