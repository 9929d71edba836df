// Actions in a real terminal against `deckhand --demo`: every action confirmed and seen applied,
// cancel paths, an AccessDenied answer, and read-only sessions. What was (or was not) sent is read
// from the simulator's call log, which records each mutating call before it is answered.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BACKSPACE, ENTER, ESC, startDeckhand, type Deckhand } from "../helpers/pty.js";

const CTRL_K = "\u000b";
const CTRL_L = "\u000c";

interface Mutation {
  operation: string;
  input: Record<string, unknown>;
  outcome: string;
}

/** A demo session with its own call log, state directory (action log) and config directory. */
function session(options: { args?: string[]; env?: Record<string, string>; config?: object } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "deckhand-actions-"));
  const callLog = join(dir, "calls.json");
  const config = join(dir, "config");
  if (options.config) {
    mkdirSync(join(config, "deckhand"), { recursive: true });
    writeFileSync(join(config, "deckhand", "config.json"), JSON.stringify(options.config));
  }
  const app = startDeckhand({
    args: ["--demo", ...(options.args ?? [])],
    cols: 140,
    rows: 42,
    env: {
      DECKHAND_SIM_CALL_LOG: callLog,
      XDG_STATE_HOME: join(dir, "state"),
      XDG_CONFIG_HOME: config,
      AWS_PROFILE: undefined,
      ...options.env,
    },
  });
  const mutations = () => (JSON.parse(readFileSync(callLog, "utf8")) as { mutations: Mutation[] }).mutations;
  const actionLog = () => {
    const path = join(dir, "state", "deckhand", "actions.log");
    if (!existsSync(path)) return [];
    return readFileSync(path, "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { action: string; call: string; result: string });
  };
  return { app, mutations, actionLog };
}

async function openCluster(app: Deckhand, cluster: string): Promise<void> {
  await app.waitForText(/clusters\[\d+\]/);
  app.press("/");
  await app.type(cluster);
  app.press(ENTER);
  app.press(ENTER);
  await app.waitForText(new RegExp(`services\\(${cluster}\\)\\[\\d+\\]`));
}

/** Filters the services view down to one service and waits for its described row under the cursor. */
async function selectService(app: Deckhand, name: string): Promise<void> {
  app.press("/");
  await app.type(BACKSPACE.repeat(12) + name);
  app.press(ENTER);
  await app.waitUntil(
    () => new RegExp(`^│${name}\\s+ACTIVE\\s+\\d+`).test(app.selectedLine() ?? ""),
    `${name} is described and selected`,
  );
}

describe("actions on --demo in a real terminal", () => {
  it("cancel, scale, scale to 0, roll back, restart, change revision, exec, auto scaling, stop tasks", async () => {
    const { app, mutations, actionLog } = session();
    await openCluster(app, "prod");

    // Cancel paths first: nothing may have been sent.
    await selectService(app, "checkout");
    app.press("s");
    await app.waitForText("Scale checkout");
    app.press(ESC); // at the prompt
    await app.waitForText("cancelled: Scale checkout; nothing was sent");
    app.press("s");
    await app.waitForText("desired count:");
    await app.type("5");
    app.press(ENTER);
    await app.waitForText('ecs:UpdateService {"cluster":"prod","service":"checkout","desiredCount":5}');
    await app.waitForText("$ aws ecs update-service --cluster prod --service checkout --desired-count 5");
    app.press(ENTER); // enter alone never confirms
    await app.waitForText("enter does not confirm");
    app.press("n");
    await app.waitForText("cancelled: Scale checkout from 6 to 5; nothing was sent");
    app.press("r");
    await app.waitForText("Restart checkout (force a new deployment)");
    app.press(ESC);
    await app.waitForText("cancelled: Restart checkout");
    expect(mutations()).toEqual([]);

    // Roll back the deployment checkout is rolling out: StopServiceDeployment with ROLLBACK.
    app.press(CTRL_L);
    await app.waitForText("ecs:StopServiceDeployment");
    app.press("y");
    await app.waitForText("checkout: rollback started");
    await app.waitForText("⟳ rolling back");
    expect(mutations().at(-1)).toMatchObject({
      operation: "StopServiceDeployment",
      input: { stopType: "ROLLBACK" },
      outcome: "ok",
    });

    // Scale, then see the desired count change in the row.
    await selectService(app, "pricing");
    app.press("s");
    await app.waitForText("desired count:");
    await app.type("6");
    app.press(ENTER);
    await app.waitForText("Scale pricing from 4 to 6");
    app.press("y");
    await app.waitForText("pricing: desired count 4 → 6");
    await app.waitUntil(() => /^│pricing\s+ACTIVE\s+6\s/.test(app.selectedLine() ?? ""), "pricing wants 6");
    await app.waitForText("⟳ scaling 4→6");

    // Scale to 0 a service with a running task: only its typed name confirms.
    await selectService(app, "coupons");
    app.press("s");
    await app.waitForText("desired count:");
    await app.type("0");
    app.press(ENTER);
    await app.waitForText("Type coupons to confirm");
    await app.type("y");
    app.press(ENTER);
    await app.waitForText("type coupons exactly to confirm");
    await app.type(BACKSPACE + "coupons");
    app.press(ENTER);
    // Its task stops at once, so the row may already confirm it ("0 tasks running").
    await app.waitForText(/coupons: (desired count 1 → 0|0 tasks running)/);
    await app.waitUntil(() => /^│coupons\s+ACTIVE\s+0\s/.test(app.selectedLine() ?? ""), "coupons wants 0");

    // Restart: a forced new deployment, watched in the row.
    await selectService(app, "shipping");
    app.press("r");
    await app.waitForText("--force-new-deployment");
    app.press("y");
    await app.waitForText("shipping: new deployment started");
    await app.waitForText(/⟳ restarting: (requested|\d+\/\d+ new)/);

    // Change revision: pick the previous one; the confirmation shows what differs.
    await selectService(app, "returns");
    app.press("v");
    await app.waitForText("Change the task definition of returns");
    await app.waitForText("(current)");
    app.press("j");
    app.press(ENTER);
    await app.waitForText(/Change returns from returns:\d+ to returns:\d+/);
    await app.waitForText(/Task definition changes:|have the same content/);
    app.press("y");
    await app.waitForText(/returns: deployment of returns:\d+ started/);

    // ECS Exec off (it is on for ledger), with the deployment it needs.
    await selectService(app, "ledger");
    app.press("X");
    await app.waitForText("Disable ECS Exec for ledger");
    await app.waitForText("--disable-execute-command --force-new-deployment");
    app.press("y");
    await app.waitForText("ledger: ECS Exec disabled, new deployment started");
    await app.waitUntil(() => /^│ledger\s+ACTIVE.*\soff\s/.test(app.selectedLine() ?? ""), "exec is off");

    // Auto scaling: the view, then min/max edited and seen in the target row.
    await selectService(app, "cart");
    app.press("a");
    await app.waitForText(/autoscaling\(prod\/cart\)\[\d+\]/);
    await app.waitForText(/target\s+service\/prod\/cart\s+2\s+8/);
    await app.waitForText("cart-cpu-target-tracking");
    app.press("e");
    await app.waitForText("Auto scaling of cart");
    await app.type("3\t9");
    app.press(ENTER);
    await app.waitForText("application-autoscaling:RegisterScalableTarget");
    await app.waitForText("aws application-autoscaling register-scalable-target");
    app.press("y");
    await app.waitForText("cart: auto scaling min 3, max 9");
    await app.waitForText(/target\s+service\/prod\/cart\s+3\s+9/);
    app.press(ESC);

    // Tasks: stop the two marked ones, then the one under the cursor.
    await selectService(app, "inventory");
    app.press(ENTER);
    await app.waitForText(/tasks\(prod\/inventory\)\[running\]\[\d+\]/);
    await app.waitForText("RUNNING");
    app.press(" ");
    app.press("j");
    app.press(" ");
    await app.waitForText(/tasks\(prod\/inventory\)\[running\]\[\d+, 2 marked\]/);
    app.press(CTRL_K);
    await app.waitForText("Stop 2 tasks");
    app.press("y");
    await app.waitForText("2 tasks stopping (reason: Stopped by deckhand");
    await app.waitUntil(
      () => (app.screen().match(/^│⟳ {2}[0-9a-f]{32}/gm) ?? []).length === 2,
      "2 rows stopping",
    );
    app.press("g");
    app.press("j");
    app.press("j");
    await app.waitUntil(
      () => / RUNNING\s+RUNNING /.test(app.selectedLine() ?? ""),
      "a running task is selected",
    );
    app.press(CTRL_K);
    await app.waitForText(/Stop task [0-9a-f]{8}/);
    app.press("y");
    await app.waitForText("Task stopping (reason: Stopped by deckhand");

    const sent = mutations();
    expect(sent.map((m) => m.operation)).toEqual([
      "StopServiceDeployment",
      "UpdateService",
      "UpdateService",
      "UpdateService",
      "UpdateService",
      "UpdateService",
      "RegisterScalableTarget",
      "StopTask",
      "StopTask",
      "StopTask",
    ]);
    expect(sent.every((m) => m.outcome === "ok")).toBe(true);
    expect(sent.slice(1, 6).map((m) => m.input)).toEqual([
      { cluster: "prod", service: "pricing", desiredCount: 6 },
      { cluster: "prod", service: "coupons", desiredCount: 0 },
      { cluster: "prod", service: "shipping", forceNewDeployment: true },
      {
        cluster: "prod",
        service: "returns",
        taskDefinition: expect.stringMatching(/task-definition\/returns:\d+$/),
      },
      { cluster: "prod", service: "ledger", enableExecuteCommand: false, forceNewDeployment: true },
    ]);
    const logged = actionLog();
    expect(logged.filter((entry) => entry.result === "cancelled").map((entry) => entry.action)).toEqual([
      "scale",
      "restart",
    ]);
    expect(logged.filter((entry) => entry.result === "ok")).toHaveLength(10);
  });

  it("AccessDenied: the flash names the IAM action; the refused call is the only one sent", async () => {
    const { app, mutations, actionLog } = session({ env: { DECKHAND_SIM_DENY: "UpdateService" } });
    await openCluster(app, "prod");
    await selectService(app, "pricing");
    app.press("s");
    await app.waitForText("desired count:");
    await app.type("5");
    app.press(ENTER);
    await app.waitForText("Scale pricing from 4 to 5");
    app.press("y");
    await app.waitForText("AWS denied UpdateService: your identity lacks ecs:UpdateService");
    await app.waitUntil(
      () => /^│pricing\s+ACTIVE\s+4\s/.test(app.selectedLine() ?? ""),
      "pricing still wants 4",
    );
    expect(mutations()).toMatchObject([{ operation: "UpdateService", outcome: "AccessDeniedException" }]);
    expect(actionLog()).toMatchObject([{ action: "scale", result: "error" }]);
  });

  it("--readonly: an RO badge; action keys are refused and nothing is sent", async () => {
    const { app, mutations, actionLog } = session({ args: ["--readonly"] });
    await openCluster(app, "prod");
    expect(app.screen()).toMatch(/ RO \s*\n.*read-only/);
    await selectService(app, "pricing");
    for (const [key, what] of [
      ["s", "no scaling"],
      ["r", "no restarting"],
      [CTRL_L, "no rolling back"],
      ["X", "no turning ECS Exec on or off"],
    ] as const) {
      app.press(key);
      await app.waitForText(`read-only: deckhand was started with --readonly; ${what}, nothing was sent`);
    }
    app.press(ENTER);
    await app.waitForText(/tasks\(prod\/pricing\)\[running\]\[\d+\]/);
    await app.waitForText("RUNNING");
    app.press(CTRL_K);
    await app.waitForText("no stopping tasks, nothing was sent");
    expect(app.screen()).not.toContain("Sends:");
    expect(mutations()).toEqual([]);
    // Every refused attempt is in the action log.
    await app.waitUntil(() => actionLog().length === 5, "five refusals in the action log");
    expect(actionLog().map((entry) => [entry.action, entry.result])).toEqual([
      ["scale", "refused"],
      ["restart", "refused"],
      ["rollback", "refused"],
      ["toggle-exec", "refused"],
      ["stop-tasks", "refused"],
    ]);
  });

  it("a config file's readOnlyProfiles pattern makes a matching profile read-only", async () => {
    const { app, mutations } = session({
      config: { readOnlyProfiles: ["prod*"] },
      env: { AWS_PROFILE: "prod-admin" },
    });
    await openCluster(app, "prod");
    await app.waitForText("read-only");
    await selectService(app, "pricing");
    app.press("s");
    await app.waitForText('read-only: profile prod-admin matches "prod*" in readOnlyProfiles');
    expect(mutations()).toEqual([]);
  });

  it("a bad config file stops start-up with exit code 2 and says what is wrong", async () => {
    const { app } = session({ config: { readOnlyProfiles: "prod*" } });
    const exit = await app.waitForExit();
    expect(exit.exitCode).toBe(2);
    expect(app.screen()).toMatch(/config\.json: readOnlyProfiles must be array/);
    expect(app.raw()).not.toContain("\u001b[?1049h");
  });
});
