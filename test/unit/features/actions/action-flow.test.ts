// The steps from an action key to an AWS call, with fake gateways: prompts validated as typed,
// confirmations that only y (or the exact typed text) passes, cancellation, and the runner's
// read-only refusal even when the UI lets an action through.
import type { Service, TaskDefinition } from "@aws-sdk/client-ecs";
import { describe, expect, it, vi } from "vitest";
import { ActionRunner } from "../../../../source/features/actions/runner.js";
import type { AutoScalingGateway } from "../../../../source/aws/autoscaling-gateway.js";
import type { EcsGateway } from "../../../../source/aws/ecs-gateway.js";
import { fail, ok } from "../../../../source/aws/failure.js";
import {
  ActionFlow,
  type DialogView,
  type FlashLevel,
} from "../../../../source/features/actions/action-flow.js";
import type { PendingChange } from "../../../../source/state/pending.js";
import { SCOPE, failure, fakeGateways, memoryLog, scalableTarget, service, task, tdArn } from "./fixtures.js";

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(options: { readOnly?: string; denied?: boolean } = {}) {
  const { gateways, sent } = fakeGateways(() =>
    options.denied
      ? fail(
          failure(
            "denied",
            "AccessDeniedException",
            "User: arn:aws:iam::123456789012:user/demo is not authorized to perform: ecs:UpdateService on resource: x",
            "UpdateService",
          ),
        )
      : ok({}),
  );
  const log = memoryLog();
  const runner = new ActionRunner({ gateways, log, scope: SCOPE, readOnly: options.readOnly });
  const definitions = new Map<string, TaskDefinition>(
    [1, 2, 3].map((revision) => [
      tdArn(`web:${revision}`),
      {
        taskDefinitionArn: tdArn(`web:${revision}`),
        family: "web",
        revision,
        containerDefinitions: [{ name: "app", image: `web:v${revision}` }],
      },
    ]),
  );
  const ecs = {
    listTaskDefinitionArns: async () => ok([3, 2, 1].map((revision) => tdArn(`web:${revision}`))),
    describeTaskDefinition: async (arn: string) => ok(definitions.get(arn)!),
    listServiceDeployments: async () => ok([]),
  } as unknown as EcsGateway;
  const autoscaling = {
    describeScalableTarget: async () => ok(scalableTarget(2, 6)),
  } as unknown as AutoScalingGateway;
  const shown: (DialogView | undefined)[] = [];
  const flashes: { text: string; level: FlashLevel }[] = [];
  const applied: PendingChange[] = [];
  const flow = new ActionFlow({ runner, autoscaling, scope: SCOPE, user: "tester" }, ecs, {
    showDialog: (view) => shown.push(view),
    flash: (text, level) => flashes.push({ text, level }),
    applied: (changes) => applied.push(...changes),
    now: () => 0,
  });
  const dialog = () => shown.at(-1);
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      flow.handleKey(key, key.length === 1 ? key : "");
      await settle();
    }
  };
  return { flow, sent, log, dialog, flashes, applied, press };
}

describe("action flow", () => {
  it("scale: pre-filled with the desired count, replaced by what is typed, validated as typed", async () => {
    const { flow, dialog, press } = setup();
    flow.scale(service({ desiredCount: 3 }));
    await settle();
    expect(dialog()).toMatchObject({
      kind: "prompt",
      title: "Scale web",
      fields: [{ label: "desired count", value: "3", fresh: true }],
      error: undefined, // an untouched prompt does not complain
    });
    expect(dialog()).toMatchObject({
      notes: [expect.any(String), "auto scaling: keeps web between 2 and 6"],
    });

    await press("x");
    expect(dialog()).toMatchObject({
      fields: [{ value: "x" }],
      error: 'desired count must be a number, not "x"',
    });
    await press("ctrl-u", "-", "1");
    expect(dialog()).toMatchObject({ error: "desired count cannot be negative (-1): enter 0 or more" });
    await press("enter");
    expect(dialog()?.kind).toBe("prompt"); // not accepted

    await press("ctrl-u", "9");
    expect(dialog()).toMatchObject({
      error: undefined,
      preview: "Scale web from 3 to 9",
      warnings: [expect.stringContaining("auto scaling keeps web between 2 and 6")],
    });
    await press("enter");
    expect(dialog()).toMatchObject({ kind: "confirm", action: { title: "Scale web from 3 to 9" } });
  });

  it("scale: control characters are dropped from the count, as in every prompt", async () => {
    const { flow, dialog, press } = setup();
    flow.scale(service({ desiredCount: 3 }));
    await settle();
    await press("\u001c", "4", "\u001d", "2");
    expect(dialog()).toMatchObject({ fields: [{ value: "42" }], preview: "Scale web from 3 to 42" });
  });

  it("scale: the count is edited with the line editor's keys, the cursor where it is drawn", async () => {
    const { flow, dialog, press } = setup();
    flow.scale(service({ desiredCount: 35 }));
    await settle();
    await press("home", "1", "end", "backspace");
    expect(dialog()).toMatchObject({
      fields: [{ value: "13", cursor: 2 }],
      preview: "Scale web from 35 to 13",
    });
  });

  it("confirm: enter never sends; y does, once; the outcome and the pending rows follow", async () => {
    const { flow, dialog, press, sent, flashes, applied, log } = setup();
    flow.restart(service());
    await press("enter");
    expect(dialog()).toMatchObject({ kind: "confirm", error: expect.stringContaining("press y") });
    expect(sent).toEqual([]);
    await press("y");
    expect(dialog()).toBeUndefined();
    expect(sent).toEqual([
      {
        service: "ecs",
        operation: "UpdateService",
        parameters: { cluster: "prod", service: "web", forceNewDeployment: true },
      },
    ]);
    expect(flashes.at(-1)).toEqual({ text: "web: new deployment started", level: "info" });
    expect(applied.map((change) => change.key)).toEqual([service().serviceArn]);
    expect(log.entries.map((entry) => entry.result)).toEqual(["ok"]);
  });

  it.each([["n"], ["esc"]])(
    "confirm: %s cancels; nothing is sent and the cancellation is logged",
    async (key) => {
      const { flow, dialog, press, sent, flashes, log } = setup();
      flow.toggleExec(service());
      await press(key);
      expect(dialog()).toBeUndefined();
      expect(sent).toEqual([]);
      expect(flashes.at(-1)?.text).toBe("cancelled: Enable ECS Exec for web; nothing was sent");
      expect(log.entries.map((entry) => entry.result)).toEqual(["cancelled"]);
    },
  );

  it("scale to 0 with running tasks: y types, only the exact name and enter send", async () => {
    const { flow, dialog, press, sent } = setup();
    flow.scale(service({ desiredCount: 3, runningCount: 3 }));
    await press("0", "enter");
    expect(dialog()).toMatchObject({
      kind: "confirm",
      action: { confirmation: { kind: "typed", expected: "web" } },
    });
    await press("y", "enter");
    expect(dialog()).toMatchObject({ typed: "y", error: "type web exactly to confirm" });
    expect(sent).toEqual([]);
    await press("backspace", "w", "e", "b", "enter");
    expect(sent).toMatchObject([{ operation: "UpdateService", parameters: { desiredCount: 0 } }]);
  });

  it("read-only: the runner refuses even if the dialog was reached, and logs the refusal", async () => {
    const { flow, press, sent, flashes, log } = setup({ readOnly: "deckhand was started with --readonly" });
    flow.restart(service());
    await press("y");
    expect(sent).toEqual([]);
    expect(flashes.at(-1)).toEqual({
      text: "read-only: deckhand was started with --readonly; nothing was sent",
      level: "warn",
    });
    expect(log.entries.map((entry) => entry.result)).toEqual(["refused"]);
  });

  it("read-only: an action key is refused at once and the refusal is logged", async () => {
    const { flow, sent, log } = setup({ readOnly: "profile prod-admin matches prod*" });
    const refused = flow.start("scale", { kind: "services", row: undefined, rows: [], marked: new Set() });
    expect(refused).toEqual({
      text: "read-only: profile prod-admin matches prod*; no scaling, nothing was sent",
      level: "warn",
    });
    await vi.waitFor(() => expect(log.entries).toHaveLength(1));
    expect(log.entries[0]).toMatchObject({
      action: "scale",
      call: null,
      parameters: null,
      result: "refused",
      reason: "profile prod-admin matches prod*",
    });
    expect(sent).toEqual([]);
  });

  it("a denied call is an error naming the IAM action to ask for", async () => {
    const { flow, press, flashes } = setup({ denied: true });
    flow.restart(service());
    await press("y");
    expect(flashes.at(-1)?.level).toBe("error");
    expect(flashes.at(-1)?.text).toContain("AWS denied UpdateService: your identity lacks ecs:UpdateService");
  });

  it("revision: a list of the family's revisions; the current one cannot be chosen; another shows the diff", async () => {
    const { flow, dialog, press } = setup();
    await flow.revision(service({ taskDefinition: tdArn("web:3") }));
    expect(dialog()).toMatchObject({
      kind: "pick",
      cursor: 0,
      items: [{ label: "web:3", note: "current" }, { label: "web:2" }, { label: "web:1" }],
    });
    await press("enter");
    expect(dialog()).toMatchObject({ kind: "pick", error: "web already uses web:3" });
    await press("j", "j", "enter");
    await settle();
    const view = dialog();
    expect(view).toMatchObject({ kind: "confirm", action: { title: "Change web from web:3 to web:1" } });
    const diff = view?.kind === "confirm" ? view.action.diff : undefined;
    // Keys are sorted (image comes before name), so the image line is not the container's last.
    expect(diff?.filter((line) => line.kind !== "same").map((line) => line.text.trim())).toEqual([
      '"image": "web:v3",',
      '"image": "web:v1",',
    ]);
  });

  it("edit min/max: two fields, tab between them, min above max refused", async () => {
    const { flow, dialog, press } = setup();
    const s: Service = service({ desiredCount: 4 });
    flow.editScaling(s, scalableTarget(2, 6));
    expect(dialog()).toMatchObject({ fields: [{ value: "2" }, { value: "6" }], focus: 0 });
    await press("9");
    expect(dialog()).toMatchObject({ error: "min (9) cannot be above max (6)" });
    await press("backspace", "1", "tab", "8");
    expect(dialog()).toMatchObject({
      focus: 1,
      preview: "Set auto scaling of web from min 2, max 6 to min 1, max 8",
    });
  });

  it("stop tasks: one call per task, with deckhand and the user in the reason", async () => {
    const { flow, dialog, press, sent } = setup();
    flow.stopTasks([task("aaaa1111"), task("bbbb2222")]);
    expect(dialog()).toMatchObject({ kind: "confirm", action: { title: "Stop 2 tasks" } });
    await press("y");
    expect(sent.map((call) => call.parameters)).toEqual([
      expect.objectContaining({ reason: "Stopped by deckhand (tester)" }),
      expect.objectContaining({ reason: "Stopped by deckhand (tester)" }),
    ]);
  });

  it("a key acts on the resource the view's rows stand for: marked tasks, the cursor's, else nothing", () => {
    const { flow, dialog } = setup();
    const rows = ["aaaa1111", "bbbb2222", "cccc3333"].map((id) => ({
      arn: task(id).taskArn!,
      task: task(id),
    }));
    const at = (marked: string[], row: unknown = rows[0]) => ({
      kind: "tasks" as const,
      row,
      rows,
      marked: new Set(marked),
    });
    flow.start("stopTasks", at([rows[1]!.arn, rows[2]!.arn]));
    expect(dialog()).toMatchObject({ kind: "confirm", action: { title: "Stop 2 tasks" } });
    flow.start("stopTasks", at([]));
    expect(dialog()).toMatchObject({
      kind: "confirm",
      action: { title: expect.stringContaining("aaaa1111") },
    });
    const before = dialog();
    const services = { kind: "services" as const, row: rows[0], rows, marked: new Set<string>() };
    expect(flow.start("stopTasks", services)).toBeUndefined();
    expect(flow.start("scale", { ...services, kind: "tasks" })).toBeUndefined();
    expect(dialog()).toBe(before);
  });

  it("auto scaling min/max reads the target row wherever the cursor is; without it says so", () => {
    const { flow, dialog } = setup();
    const policy = { key: "policy:cpu", type: "policy", name: "cpu", policy: {} };
    const target = {
      key: "target:service/prod/web",
      type: "target",
      name: "service/prod/web",
      resourceId: "service/prod/web",
      service: service(),
      target: scalableTarget(2, 6),
    };
    const at = (rows: unknown[]) => ({
      kind: "autoscaling" as const,
      row: policy,
      rows,
      marked: new Set<string>(),
    });
    expect(flow.start("editScaling", at([policy]))).toEqual({
      text: "auto scaling is not loaded yet",
      level: "warn",
    });
    expect(flow.start("editScaling", at([policy, target]))).toBeUndefined();
    expect(dialog()).toMatchObject({ kind: "prompt", fields: [{ value: "2" }, { value: "6" }] });
  });
});
