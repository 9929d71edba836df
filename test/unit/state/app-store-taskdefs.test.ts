// `t` and `=` through the store, on the simulated account: the service's revisions open on top of
// the services; `=` opens the diff pane (the describe pane showing a PaneText), or says why not.
import { describe, expect, it, vi } from "vitest";
import { EcsGateway } from "../../../source/aws/ecs-gateway.js";
import type { RevisionRow } from "../../../source/kinds/task-definition.js";
import { AppStore } from "../../../source/state/app-store.js";
import { describeOf } from "../../../source/state/overlay.js";
import type { DescribeOutputs } from "../../../source/features/describe/describe-pane.js";
import { describeLines } from "../../../source/ui/describe/json-lines.js";
import { simulatedEcs } from "../../helpers/sim-client.js";

const PROD = { clusterArn: "arn:aws:ecs:us-east-1:123456789012:cluster/prod", clusterName: "prod" };

async function servicesStore() {
  const { ecs, clock } = simulatedEcs();
  const store = new AppStore({
    refreshMs: 5_000,
    now: clock.now,
    initial: [{ kind: "services", scope: PROD }],
  });
  await store.attach(new EcsGateway(ecs), []);
  const outputs: DescribeOutputs = { lines: describeLines, copy: vi.fn() };
  return { store, outputs };
}

const rows = (store: AppStore) => store.visibleRows(store.top()) as RevisionRow[];

describe("task definitions in the store", () => {
  it("t opens the revisions of the service under the cursor; = diffs the newest with the one before", async () => {
    const { store, outputs } = await servicesStore();
    store.openDiff(outputs);
    expect(store.getState().flash?.text).toBe(
      "= diffs task definitions: in the taskdefs or deployments view",
    );

    const names = store.visibleRows(store.top()).map((row) => (row as { name: string }).name);
    store.moveCursor(names.indexOf("checkout"));
    store.openRowView("taskDefinitions");
    expect(store.top()).toMatchObject({ kind: "taskdefs", scope: { ...PROD, serviceName: "checkout" } });
    await store.refresh(false);
    const [newest, previous] = rows(store);
    expect(newest!.use).toBe("deploying");

    // The cursor is on the revision being deployed: what it changed from the one before.
    store.openDiff(outputs);
    await vi.waitFor(() => expect(describeOf(store.getState().overlay)).toBeDefined());
    const pane = describeOf(store.getState().overlay)!;
    expect(pane.heading).toBe("diff");
    expect(pane.title).toBe(`checkout:${previous!.revision} → checkout:${newest!.revision}`);
    expect(pane.lines[0]).toMatch(new RegExp(`^--- checkout:${previous!.revision} `));
    expect(pane.kinds).toContain("added");
    expect(pane.lines.filter((_, i) => pane.kinds![i] === "added").join("\n")).toContain('"image"');

    pane.handleKey("c", "c");
    expect(outputs.copy).toHaveBeenCalledWith(pane.lines.join("\n"));
    expect(describeOf(store.getState().overlay)?.getSnapshot().notice).toMatch(
      /^copied \d+ lines of the diff/,
    );
    pane.handleKey("esc", "");
    expect(describeOf(store.getState().overlay)).toBeUndefined();
  });

  it("= with three marks says to mark two, and with two compares them", async () => {
    const { store, outputs } = await servicesStore();
    const names = store.visibleRows(store.top()).map((row) => (row as { name: string }).name);
    store.moveCursor(names.indexOf("checkout"));
    store.openRowView("taskDefinitions");
    await store.refresh(false);
    // The cursor moves by these steps: rows 0, 2 and 3 are marked, then 3 again (unmarked).
    for (const delta of [0, 2, 1]) {
      store.moveCursor(delta);
      store.toggleMark();
    }
    store.openDiff(outputs);
    expect(store.getState().flash?.text).toBe("3 revisions marked: mark two to diff them");
    store.toggleMark();
    const marked = rows(store).filter((row) => store.marksOf(store.top()).has(row.arn));
    expect(marked.map((row) => row.revision)).toEqual([rows(store)[0]!.revision, rows(store)[2]!.revision]);
    store.openDiff(outputs);
    await vi.waitFor(() => expect(describeOf(store.getState().overlay)).toBeDefined());
    expect(describeOf(store.getState().overlay)!.title).toBe(
      `checkout:${rows(store)[2]!.revision} → checkout:${rows(store)[0]!.revision}`,
    );
  });
});
