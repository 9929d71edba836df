// The action runner: nothing is sent without a confirmation token, nothing at all in read-only
// mode, every attempt lands in the action log, and outcomes read as one clear line.
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { actionLogPath, fileActionLog } from "../../../../source/features/actions/action-log.js";
import { outcomeText } from "../../../../source/features/actions/outcome-text.js";
import {
  ActionRunner,
  type ActionOutcome,
  type ConfirmToken,
} from "../../../../source/features/actions/runner.js";
import { scaleAction } from "../../../../source/features/actions/scale.js";
import { stopTasksAction } from "../../../../source/features/actions/stop-tasks.js";
import type { Action, Built } from "../../../../source/features/actions/types.js";
import { fail, ok, type Result } from "../../../../source/aws/failure.js";
import { ACCOUNT, SCOPE, failure, fakeGateways, memoryLog, service, task } from "./fixtures.js";

const NOW = new Date("2026-03-01T12:00:00.000Z");

function action(built: Built): Action {
  if (!built.ok) throw new Error(built.message);
  return built.action;
}

function setup(options: { readOnly?: string; answer?: Parameters<typeof fakeGateways>[0] } = {}) {
  const { gateways, sent } = fakeGateways(options.answer);
  const log = memoryLog();
  const runner = new ActionRunner({
    gateways,
    log,
    scope: SCOPE,
    readOnly: options.readOnly,
    now: () => NOW,
  });
  return { runner, sent, log };
}

async function confirmed(runner: ActionRunner, a: Action, typed?: string): Promise<ConfirmToken> {
  const result = await runner.confirm(a, typed);
  if (!result.ok) throw new Error(result.message);
  return result.token;
}

const scaleTo5 = () => action(scaleAction(SCOPE, service(), "5"));
const stopThree = () => action(stopTasksAction(SCOPE, [task("t1"), task("t2"), task("t3")], "alice"));

describe("read-only", () => {
  const reason = 'profile prod-admin matches "prod*" in readOnlyProfiles (~/.config/deckhand/config.json)';

  it("refuses at confirm, logs the refusal, and never calls the gateway", async () => {
    const { runner, sent, log } = setup({ readOnly: reason });
    const result = await runner.confirm(scaleTo5());
    expect(result).toEqual({ ok: false, refused: true, message: `read-only: ${reason}; nothing was sent` });
    expect(sent).toEqual([]);
    expect(log.entries).toEqual([
      {
        time: NOW.toISOString(),
        profile: "prod-admin",
        account: ACCOUNT,
        region: "us-east-1",
        action: "scale",
        title: "Scale web from 3 to 5",
        call: "UpdateService",
        parameters: { cluster: "prod", service: "web", desiredCount: 5 },
        result: "refused",
        reason,
      },
    ]);
  });

  it("logs one refusal per call of a multi-call action", async () => {
    const { runner, sent, log } = setup({ readOnly: "deckhand was started with --readonly" });
    await runner.confirm(stopThree());
    expect(sent).toEqual([]);
    expect(log.entries.map((e) => [e.call, e.result])).toEqual([
      ["StopTask", "refused"],
      ["StopTask", "refused"],
      ["StopTask", "refused"],
    ]);
  });

  it("cannot be bypassed with a token from a writable runner", async () => {
    const { runner, sent } = setup({ readOnly: "deckhand was started with --readonly" });
    const writable = new ActionRunner({
      ...fakeGateways(),
      log: memoryLog(),
      scope: SCOPE,
      readOnly: undefined,
    });
    const token = await confirmed(writable, scaleTo5());
    await expect(runner.run(token)).rejects.toThrow(/token from this runner/);
    expect(sent).toEqual([]);
    expect(runner.readOnlyReason).toBe("deckhand was started with --readonly");
  });
});

describe("confirmation tokens", () => {
  it("sends the confirmed action's calls, exactly, once", async () => {
    const { runner, sent, log } = setup();
    const token = await confirmed(runner, scaleTo5());
    const outcome = await runner.run(token);
    expect(outcome.kind).toBe("done");
    expect(sent).toEqual([
      {
        service: "ecs",
        operation: "UpdateService",
        parameters: { cluster: "prod", service: "web", desiredCount: 5 },
      },
    ]);
    expect(log.entries.map((e) => e.result)).toEqual(["ok"]);
    await expect(runner.run(token)).rejects.toThrow(/used once/);
    expect(sent).toHaveLength(1);
  });

  it("cannot be forged", async () => {
    const { runner, sent } = setup();
    await expect(runner.run({ title: "Scale web from 3 to 5" })).rejects.toThrow();
    expect(sent).toEqual([]);
  });

  it("sends what was confirmed, even if the action object changes afterwards", async () => {
    const { runner, sent } = setup();
    const scale = scaleTo5();
    const token = await confirmed(runner, scale);
    const call = scale.calls[0]!;
    if (call.operation === "UpdateService") call.parameters.desiredCount = 500;
    await runner.run(token);
    expect(sent[0]?.parameters).toEqual({ cluster: "prod", service: "web", desiredCount: 5 });
  });

  it("needs the exact text for a typed confirmation", async () => {
    const { runner, sent } = setup();
    const toZero = action(scaleAction(SCOPE, service(), "0"));
    for (const typed of [undefined, "", "Web", "we"]) {
      expect(await runner.confirm(toZero, typed)).toEqual({
        ok: false,
        refused: false,
        message: "type web exactly to confirm",
      });
    }
    const token = await confirmed(runner, toZero, " web ");
    expect((await runner.run(token)).kind).toBe("done");
    expect(sent).toHaveLength(1);
  });

  it("logs a cancellation and sends nothing", async () => {
    const { runner, sent, log } = setup();
    const outcome = await runner.cancel(scaleTo5());
    expect(outcomeText(outcome)).toBe("cancelled: Scale web from 3 to 5; nothing was sent");
    expect(sent).toEqual([]);
    expect(log.entries.map((e) => [e.call, e.result])).toEqual([["UpdateService", "cancelled"]]);
  });
});

describe("failures", () => {
  it("stops at the first failed call and says how far it got", async () => {
    const throttled = failure("throttled", "ThrottlingException", "Rate exceeded", "StopTask");
    const { runner, sent, log } = setup({
      answer: (_call, index): Result<unknown> => (index === 1 ? fail(throttled) : ok({})),
    });
    const outcome = await runner.run(await confirmed(runner, stopThree()));
    expect(sent).toHaveLength(2);
    expect(outcome).toMatchObject({ kind: "failed", succeeded: 1, notSent: 1 });
    expect(log.entries.map((e) => [e.result, e.error])).toEqual([
      ["ok", undefined],
      ["error", { code: "ThrottlingException", message: "Rate exceeded" }],
    ]);
    expect(outcomeText(outcome)).toBe(
      "Stop 3 tasks failed after 1 of 3 calls succeeded: AWS is rate limiting StopTask for this account " +
        "(Rate exceeded). It was not retried: wait a few seconds and try again; other tools on this account " +
        "share the limit. The other 1 were not sent.",
    );
  });

  async function failedWith(f: ReturnType<typeof failure>): Promise<ActionOutcome> {
    const { runner } = setup({ answer: () => fail(f) });
    return runner.run(await confirmed(runner, scaleTo5()));
  }

  it("names the IAM permission AWS says is missing, even when it is not the call itself", async () => {
    const passRole = await failedWith(
      failure(
        "denied",
        "AccessDeniedException",
        "User: arn:aws:sts::123456789012:assumed-role/dev/alice is not authorized to perform: iam:PassRole on resource: arn:aws:iam::123456789012:role/web-task",
        "UpdateService",
      ),
    );
    expect(outcomeText(passRole)).toBe(
      "Scale web from 3 to 5 failed: AWS denied UpdateService: your identity lacks iam:PassRole. " +
        "Ask for it, or use a profile that has it.",
    );
    const bare = await failedWith(
      failure("denied", "AccessDeniedException", "Access denied", "UpdateService"),
    );
    expect(outcomeText(bare)).toContain("your identity lacks ecs:UpdateService.");
  });

  it("says a timed-out or 5xx mutation may have happened", async () => {
    const outcome = await failedWith(failure("network", "TimeoutError", "socket hang up", "UpdateService"));
    expect(outcomeText(outcome)).toBe(
      "Scale web from 3 to 5 failed: TimeoutError: socket hang up. The request may still have reached AWS: " +
        "refresh and check before trying again.",
    );
  });

  it("shows other AWS errors with their code and message", async () => {
    const outcome = await failedWith(
      failure("not-found", "ServiceNotFoundException", "Service not found.", "UpdateService"),
    );
    expect(outcomeText(outcome)).toBe(
      "Scale web from 3 to 5 failed: ServiceNotFoundException: Service not found.",
    );
  });

  it("reports success with the action's own words", async () => {
    const { runner } = setup();
    expect(outcomeText(await runner.run(await confirmed(runner, scaleTo5())))).toBe(
      "web: desired count 3 → 5",
    );
  });
});

describe("action log file", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it("lives under $XDG_STATE_HOME, else ~/.local/state", () => {
    expect(actionLogPath({ XDG_STATE_HOME: "/x/state" }, "/home/alice")).toBe(
      "/x/state/deckhand/actions.log",
    );
    expect(actionLogPath({}, "/home/alice")).toBe("/home/alice/.local/state/deckhand/actions.log");
    expect(actionLogPath({ XDG_STATE_HOME: "relative" }, "/home/alice")).toBe(
      "/home/alice/.local/state/deckhand/actions.log",
    );
  });

  it("gets one JSON line per attempted call, private to the user", async () => {
    dir = mkdtempSync(join(tmpdir(), "deckhand-log-"));
    const path = actionLogPath({ XDG_STATE_HOME: dir }, "/nowhere");
    const denied = failure("denied", "AccessDeniedException", "no", "UpdateService");
    const { gateways } = fakeGateways((call) => (call.operation === "UpdateService" ? fail(denied) : ok({})));
    const runner = new ActionRunner({
      gateways,
      log: fileActionLog(path),
      scope: SCOPE,
      readOnly: undefined,
      now: () => NOW,
    });

    await runner.run(await confirmed(runner, stopThree()));
    await runner.run(await confirmed(runner, scaleTo5()));
    await runner.cancel(scaleTo5());

    const lines = readFileSync(path, "utf8")
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as { call: string; result: string; error?: { code: string } });
    expect(lines.map((l) => [l.call, l.result, l.error?.code])).toEqual([
      ["StopTask", "ok", undefined],
      ["StopTask", "ok", undefined],
      ["StopTask", "ok", undefined],
      ["UpdateService", "error", "AccessDeniedException"],
      ["UpdateService", "cancelled", undefined],
    ]);
    expect(lines[0]).toEqual({
      time: "2026-03-01T12:00:00.000Z",
      profile: "prod-admin",
      account: ACCOUNT,
      region: "us-east-1",
      action: "stop-tasks",
      title: "Stop 3 tasks",
      call: "StopTask",
      parameters: {
        cluster: "prod",
        task: `arn:aws:ecs:us-east-1:${ACCOUNT}:task/prod/t1`,
        reason: "Stopped by deckhand (alice)",
      },
      result: "ok",
    });
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it("reports a log it cannot write, after the action went out", async () => {
    dir = mkdtempSync(join(tmpdir(), "deckhand-log-"));
    // A directory where the file should be: appendFile fails with EISDIR.
    const { gateways, sent } = fakeGateways();
    const runner = new ActionRunner({ gateways, log: fileActionLog(dir), scope: SCOPE, readOnly: undefined });
    const outcome = await runner.run(await confirmed(runner, scaleTo5()));
    expect(sent).toHaveLength(1);
    expect(outcome.kind).toBe("done");
    expect(outcomeText(outcome)).toMatch(
      /^web: desired count 3 → 5 \(could not write the action log .*EISDIR/,
    );
  });
});
