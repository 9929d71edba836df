// Actions through the store: the read-only refusal at the key, marks, and rows that wait for a
// refresh to confirm a change (and only a refresh that read them after the change was sent).
import { describe, expect, it } from "vitest";
import { ActionRunner } from "../../../source/features/actions/runner.js";
import type { AutoScalingGateway } from "../../../source/aws/autoscaling-gateway.js";
import { ok } from "../../../source/aws/failure.js";
import { AppStore } from "../../../source/state/app-store.js";
import { dialogOf } from "../../../source/state/overlay.js";
import { fakeGateway, serviceArn, taskArn } from "../../helpers/fake-gateway.js";
import { SCOPE, fakeGateways, memoryLog } from "../features/actions/fixtures.js";

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

async function storeWithActions(readOnly?: string) {
  let now = 1_000_000;
  const { world, gateway } = fakeGateway();
  // ECS takes a new desired count at once; its tasks start later (world.running).
  const { gateways, sent } = fakeGateways((call) => {
    if (call.operation === "UpdateService" && call.parameters.desiredCount !== undefined) {
      world.running.set(call.parameters.service, world.desired.get(call.parameters.service) ?? 1);
      world.desired.set(call.parameters.service, call.parameters.desiredCount);
    }
    return ok({});
  });
  const log = memoryLog();
  const runner = new ActionRunner({ gateways, log, scope: SCOPE, readOnly });
  const autoscaling = { describeScalableTarget: async () => ok(undefined) } as unknown as AutoScalingGateway;
  const store = new AppStore({ refreshMs: 5_000, now: () => now });
  await store.attach(gateway, [], undefined, { runner, autoscaling, scope: SCOPE, user: "tester" });
  store.moveCursor(1); // prod
  store.drill();
  await store.refresh(false);
  store.moveCursor(2); // checkout
  const keys = async (...pressed: string[]) => {
    for (const key of pressed) {
      store.dialogKey(key, key.length === 1 ? key : "");
      await settle();
    }
  };
  return { store, world, gateway, sent, log, keys, advance: (ms: number) => (now += ms) };
}

describe("AppStore actions", () => {
  it("read-only: an action key flashes why and opens nothing; the state says read-only", async () => {
    const { store, sent } = await storeWithActions("deckhand was started with --readonly");
    expect(store.getState().readOnly).toBe("deckhand was started with --readonly");
    store.startAction("scale");
    expect(dialogOf(store.getState().overlay)).toBeUndefined();
    expect(store.getState().flash).toMatchObject({
      level: "warn",
      text: "read-only: deckhand was started with --readonly; no scaling, nothing was sent",
    });
    expect(sent).toEqual([]);
  });

  it("a scaled row shows the change until a refresh shows the desired count running", async () => {
    const { store, world, sent, keys } = await storeWithActions();
    store.startAction("scale");
    await settle();
    expect(dialogOf(store.getState().overlay)).toMatchObject({ kind: "prompt", title: "Scale checkout" });
    await keys("3", "enter", "y");
    expect(sent).toMatchObject([{ operation: "UpdateService", parameters: { desiredCount: 3 } }]);
    expect(store.getState().flash?.text).toBe("checkout: desired count 1 → 3");
    const label = () =>
      store.pendingLabel("services", serviceArn("checkout"), store.visibleRows(store.top())[2]);
    expect(label()).toBe("⟳ scaling 1→3 (1 running)");

    // Tasks are starting.
    world.running.set("checkout", 2);
    await store.refresh(true);
    expect(label()).toBe("⟳ scaling 1→3 (2 running)");
    world.running.set("checkout", 3);
    await store.refresh(true);
    expect(label()).toBeUndefined();
    expect(store.getState().flash?.text).toBe("checkout: 3 tasks running");
  });

  it("rows read before the change was sent do not settle it", async () => {
    const { store, gateway, keys } = await storeWithActions();
    // A refresh reads the services, then the action goes through, then the refresh's rows land.
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const describe = gateway.describeServices.bind(gateway);
    gateway.describeServices = async (cluster, arns, onBatch) => {
      const read = await describe(cluster, arns);
      await gate;
      if (read.ok) onBatch?.(read.value);
      return read;
    };
    const before = store.refresh(true);
    await settle();
    store.startAction("scale");
    await settle();
    await keys("3", "enter", "y");
    release();
    await before;
    await store.refresh(true);
    // The old rows (desired 1) would have read as "someone else changed it".
    expect(store.getState().pending.size).toBe(1);
    expect(store.getState().flash?.level).toBe("info");
  });

  it("tasks: space marks rows; a stop sends the marked ones, clears the marks and marks the rows stopping", async () => {
    const { store, world, sent, keys } = await storeWithActions();
    store.drill(); // checkout's tasks
    await store.refresh(false);
    expect(store.top().kind).toBe("tasks");
    store.toggleMark();
    store.moveCursor(1);
    store.toggleMark();
    store.toggleMark(); // unmark
    store.moveCursor(1);
    store.toggleMark();
    expect([...store.marksOf(store.top())]).toEqual([taskArn("aaaa1111"), taskArn("cccc3333")]);
    store.startAction("stopTasks");
    expect(dialogOf(store.getState().overlay)).toMatchObject({
      kind: "confirm",
      action: { title: "Stop 2 tasks" },
    });
    await keys("y");
    expect(sent.map((call) => (call.parameters as { task: string }).task)).toEqual([
      taskArn("aaaa1111"),
      taskArn("cccc3333"),
    ]);
    expect(store.marksOf(store.top()).size).toBe(0);
    expect(store.getState().pending.size).toBe(2);
    world.tasks.set("aaaa1111", "STOPPED");
    world.tasks.set("cccc3333", "STOPPED");
    await store.refresh(true);
    expect(store.getState().pending.size).toBe(0);
  });

  it("pending changes are forgotten after 15 minutes, confirmed or not", async () => {
    const { store, keys, advance } = await storeWithActions();
    store.startAction("scale");
    await settle();
    await keys("3", "enter", "y");
    await store.refresh(true);
    expect(store.getState().pending.size).toBe(1);
    advance(16 * 60_000);
    store.tick();
    expect(store.getState().pending.size).toBe(0);
  });

  it("action errors stay in the flash longer than news; a refresh failure clears when refreshes work", async () => {
    const { store, advance } = await storeWithActions();
    store.showFlash("something failed", "error");
    advance(10_000);
    store.tick();
    expect(store.getState().flash?.text).toBe("something failed");
    advance(25_000);
    store.tick();
    expect(store.getState().flash).toBeUndefined();
  });
});
