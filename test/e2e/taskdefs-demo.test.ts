// Task definitions in a real terminal against `deckhand --demo`: `t` on a service lists its
// family's revisions with the ones its deployments run marked, `d` shows one, `space` marks two
// and `=` diffs them; `=` on a deployment compares its revision with the PRIMARY one.
/* eslint-disable no-control-regex -- the test reads the colours the terminal gets */
import { describe, expect, it } from "vitest";
import { ENTER, ESC, startDeckhand } from "../helpers/pty.js";

const diffLines = (screen: string, mark: "+" | "-") =>
  screen.split("\n").filter((line) => line.startsWith(`│${mark} `) || line.startsWith(`│${mark}  `));

describe("task definitions", () => {
  it("t lists a service's revisions; d describes one; = diffs two marked ones; = on a deployment diffs old and new", async () => {
    const app = startDeckhand({ args: ["--demo", "--cluster", "prod"], cols: 160, rows: 40 });
    await app.waitForText(/services\(prod\)\[\d+\]/);
    app.press("/");
    await app.type("name:^checkout$");
    app.press(ENTER);
    await app.waitForText(/services\(prod\)\[1\/\d+\]/);
    app.press("t");
    await app.waitForText(/taskdefs\(prod\/checkout\)\[\d+\]/);
    // checkout is rolling out its newest revision; the one before it still runs.
    await app.waitForText(/checkout:(\d+)\s+ACTIVE\s+deploying\s/);
    expect(app.screen()).toMatch(/REVISION\s+STATUS\s+IN USE\s+CPU\s+MEMORY\s+IMAGES\s+AGE/);
    await app.waitForText(/checkout:\d+\s+ACTIVE\s+draining\s/);
    const newest = Number(/checkout:(\d+)\s+ACTIVE\s+deploying/.exec(app.screen())![1]);
    expect(app.selectedLine()).toContain(`checkout:${newest}`);

    app.press("d");
    await app.waitForText(`describe taskdefs/checkout:${newest}`);
    await app.waitForText(
      `"taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/checkout:${newest}",`,
    );
    app.press(ESC);
    await app.waitForText(/taskdefs\(prod\/checkout\)\[\d+\]/);

    // Mark the newest and the one two below it, then diff them.
    app.press(" ");
    await app.type("jj");
    await app.waitUntil(
      () => app.selectedLine()?.includes(`checkout:${newest - 2}`) ?? false,
      "third row selected",
    );
    app.press(" ");
    app.press("=");
    await app.waitForText(`diff checkout:${newest - 2} → checkout:${newest}`);
    await app.waitForText(/^│--- checkout:\d+ {2}registered /m);
    const screen = app.screen();
    expect(screen).toMatch(/^│@@ -\d+,\d+ \+\d+,\d+ @@/m);
    expect(diffLines(screen, "-").some((line) => /"image": ".*checkout:v/.test(line))).toBe(true);
    expect(diffLines(screen, "+").some((line) => /"image": ".*checkout:v/.test(line))).toBe(true);
    // Additions green (32), removals red (31).
    expect(app.raw()).toMatch(/\u001b\[32m\+ +"image"/);
    expect(app.raw()).toMatch(/\u001b\[31m- +"image"/);

    // The diff searches like a description.
    app.press("/");
    await app.type("image");
    app.press(ENTER);
    await app.waitForText(/search "image": match 1 of \d+/);
    app.press(ESC);
    app.press(ESC);
    await app.waitForText(/taskdefs\(prod\/checkout\)\[\d+, 2 marked\]/);

    // The deployments of the service: = on the ACTIVE one compares it with the PRIMARY one.
    app.press(ESC);
    await app.waitForText(/services\(prod\)\[1\/\d+\]/);
    app.press("z");
    await app.waitForText(/deployments\(prod\/checkout\)\[2\]/);
    app.press("j");
    await app.waitUntil(
      () => app.selectedLine()?.includes("ACTIVE") ?? false,
      "the ACTIVE deployment selected",
    );
    app.press("=");
    await app.waitForText(`diff checkout:${newest - 1} → checkout:${newest}`);
    await app.waitForText(/^│\+ +"image": ".*checkout:v/m);
    app.press(ESC);
    await app.waitForText(/deployments\(prod\/checkout\)\[2\]/);
    await app.close();
  });

  it(":td outside a service lists the families; enter opens one's revisions", async () => {
    const app = startDeckhand({ args: ["--demo", "--cluster", "prod"], cols: 140, rows: 40 });
    await app.waitForText(/services\(prod\)\[\d+\]/);
    app.press(":");
    await app.type("td");
    app.press(ENTER);
    await app.waitForText(/families\[\d+\]/);
    app.press("/");
    await app.type("^checkout$");
    app.press(ENTER);
    await app.waitForText(/families\[1\/\d+\]/);
    app.press(ENTER);
    await app.waitForText(/taskdefs\(checkout\)\[\d+\]/);
    // No service says which revisions run: no IN USE column (not "-" on every row).
    await app.waitForText(/checkout:\d+\s+ACTIVE\s+\d+\s+\d+\s/);
    expect(app.screen()).toMatch(/REVISION\s+STATUS\s+CPU\s+MEMORY\s+IMAGES\s+AGE/);
    // Nothing marked and no service here: = asks for two marks.
    app.press("=");
    await app.waitForText("mark two revisions with space to diff them");
    await app.close();
  });
});
