// Load balancer targets and task networking in a real terminal against `deckhand --demo`: `b` on a
// service opens its targets with their health and the zone spread in the title line (web-frontend
// is lopsided: two zones of three, and a target that times out); enter on a target opens its
// task; `n` on a task lists its network interface; `b` on a worker says it has no load balancer.
import { describe, expect, it } from "vitest";
import { ENTER, ESC, startDeckhand } from "../helpers/pty.js";

describe("load balancer targets and task network", () => {
  it("b on a service shows target health and the AZ spread; n on a task shows its ENI", async () => {
    const app = startDeckhand({ args: ["--demo", "--cluster", "prod"], cols: 200 });
    await app.waitForText(/services\(prod\)\[\d+\]/);

    app.press("/");
    await app.type("name:^web-frontend$");
    app.press(ENTER);
    await app.waitForText(/services\(prod\)\[1\/\d+\]/);
    app.press("b");
    await app.waitForText(/targets\(prod\/web-frontend\)\[\d+\]/);
    // Its tasks sit in zones a and b only (here both in a): the service's other subnets, whose zone
    // no task names, count 0 and the line warns.
    await app.waitForText(
      /zones: us-east-1a \d+ (· us-east-1b \d+ )?· subnet-0[0-9a-f]{16} 0 .*\((all in us-east-1a|none in subnet-0)/,
    );
    expect(app.screen()).toMatch(/TARGET\s+PORT\s+AZ\s+STATE\s+REASON\s+TASK\s+TARGET GROUP/);
    const rows = app
      .screen()
      .split("\n")
      .filter((line) => /\b10\.0\.\d+\.\d+\s+8080\b/.test(line));
    expect(rows.length).toBeGreaterThan(1);
    // Trouble first: the target that times out heads the list, then healthy ones; each names its task.
    expect(rows[0]).toMatch(
      /unhealthy\s+Target\.Timeout\s+[0-9a-f]{32}\s+prod-web-frontend\s+Request timed out/,
    );
    expect(rows.some((line) => /\bhealthy\s+-\s+[0-9a-f]{32}\s+prod-web-frontend/.test(line))).toBe(true);
    expect(rows.every((line) => !line.includes("us-east-1c"))).toBe(true);

    // enter on a target opens its task's containers
    app.press(ENTER);
    await app.waitForText(/containers\(/);
    app.press(ESC);
    await app.waitForText(/targets\(prod\/web-frontend\)/);
    app.press(ESC);
    await app.waitForText(/services\(prod\)\[1\/\d+\]/);

    // A worker has no load balancer: b says so and stays.
    app.press(ESC);
    // The filter gone before "/" is pressed: an ESC and a key that reach deckhand together read
    // as alt-key.
    await app.waitForText(/services\(prod\)\[\d+\] ─/);
    app.press("/");
    await app.type("name:^orders-worker$");
    app.press(ENTER);
    await app.waitForText(/services\(prod\)\[1\/\d+\]/);
    app.press("b");
    await app.waitForText("orders-worker has no load balancer target group");

    // A task's network: n on the first task of the service.
    app.press(ENTER);
    await app.waitForText(/tasks\(prod\/orders-worker\)\[running\]\[\d+\]/);
    app.press("n");
    await app.waitForText(/network\([0-9a-f]{32}\)\[1\]/);
    await app.waitForText("awsvpc: the task's own network interface");
    expect(app.screen()).toMatch(
      /awsvpc\s+eni-0[0-9a-f]{16}\s+ATTACHED\s+10\.0\.\d+\.\d+\s+none\s+subnet-0[0-9a-f]{16}\s+us-east-1[abc]\s+sg-0[0-9a-f]{16}/,
    );
    await app.close();
  });

  it("n on a bridge task on EC2 shows its network mode and host port bindings", async () => {
    const app = startDeckhand({ args: ["--demo", "--cluster", "batch-ec2"], cols: 200 });
    await app.waitForText(/services\(batch-ec2\)\[\d+\]/);
    // Described, not placeholders: enter on a row still loading opens nothing.
    await app.waitForText("ACTIVE");
    app.press(ENTER);
    await app.waitForText(/tasks\(batch-ec2\/[^)]+\)\[running\]\[\d+\]/);
    app.press("n");
    await app.waitForText("bridge network mode: the containers' host ports");
    expect(app.screen()).toMatch(
      /bridge\s+\S+\s+RUNNING\s+-\s+-\s+-\s+us-east-1[abc]\s+-\s+(\d+->\d+\/tcp|-)/,
    );
    await app.close();
  });
});
