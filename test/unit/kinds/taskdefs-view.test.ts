// The taskdefs and families views against the simulated account through the real SDK: a service's
// revisions newest first with the ones its deployments run marked, only the revisions on screen
// (and in use) described, and never one twice; the families list and its drill-down.
import { describe, expect, it } from "vitest";
import { EcsGateway } from "../../../source/aws/ecs-gateway.js";
import { taskDefinitionKind, type RevisionRow } from "../../../source/kinds/task-definition.js";
import { taskFamilyKind, type FamilyRow } from "../../../source/kinds/task-family.js";
import type { LoadContext, LoadOutcome, Scope } from "../../../source/kinds/types.js";
import { taskDefinitionDiff } from "../../../source/features/actions/task-definition-diff.js";
import type { AnyKind } from "../../../source/kinds/registry.js";
import { drawnColumns, shownColumns } from "../../../source/state/view-sort.js";
import { simulatedEcs } from "../../helpers/sim-client.js";

const PROD = "arn:aws:ecs:us-east-1:123456789012:cluster/prod";
const IN_PROD: Scope = { clusterArn: PROD, clusterName: "prod" };

function setup() {
  const env = simulatedEcs();
  const gateway = new EcsGateway(env.ecs);
  return { ...env, gateway };
}

function context<Row>(
  gateway: EcsGateway,
  scope: Scope,
  now: number,
  previous?: Row[],
  visible: (rows: readonly Row[]) => ReadonlySet<string> = () => new Set(),
  memo: Record<string, number> = {},
): LoadContext<Row> {
  return { gateway, scope, now, previous, visibleKeys: visible, forced: false, memo, publish: () => {} };
}

function rowsOf<Row>(outcome: LoadOutcome<Row>): Row[] {
  if (!outcome.ok) throw new Error(outcome.failure.message);
  return outcome.rows;
}

const value = (header: string, row: RevisionRow) =>
  taskDefinitionKind.columns.find((c) => c.header === header)!.value(row, 0);

describe("taskdefs view", () => {
  it("lists a service's revisions newest first, marks the ones its deployments run, describes those on screen", async () => {
    const { gateway, sim, clock } = setup();
    const latest = sim.world.families.get("checkout")!.latestRevision;
    // The first five rows are on screen.
    const firstFive = (rows: readonly RevisionRow[]) => new Set(rows.slice(0, 5).map((row) => row.arn));
    const memo = {};
    sim.calls.reset();
    const rows = rowsOf(
      await taskDefinitionKind.load(
        context(gateway, { ...IN_PROD, serviceName: "checkout" }, clock.now(), undefined, firstFive, memo),
      ),
    );
    expect(rows.map((row) => row.revision)).toEqual(Array.from({ length: latest }, (_, i) => latest - i));
    // checkout is rolling out its newest revision one task at a time; the one before still runs.
    expect(rows[0]!.use).toBe("deploying");
    expect(rows[1]!.use).toBe("draining");
    expect(rows.slice(2).every((row) => row.use === undefined)).toBe(true);
    expect(value("IN USE", rows[0]!)).toBe("deploying");
    expect(value("IN USE", rows[2]!)).toBe("-");
    expect(
      drawnColumns(shownColumns(taskDefinitionKind as AnyKind, false), rows, 0).map((c) => c.header),
    ).toContain("IN USE");
    expect(rows.slice(0, 5).every((row) => row.definition)).toBe(true);
    expect(rows.slice(5).some((row) => row.definition)).toBe(false);
    expect(taskDefinitionKind.isPlaceholder!(rows[6]!)).toBe(true);
    // Over 200 revisions: ListTaskDefinitions pages through ACTIVE (100 a page), then INACTIVE.
    expect(sim.calls.byOperation()).toEqual({
      DescribeServices: 1,
      ListTaskDefinitions: Math.ceil(latest / 100) + 1,
      DescribeTaskDefinition: 5,
    });
    expect(value("REVISION", rows[0]!)).toBe(`checkout:${latest}`);
    expect(value("IMAGES", rows[0]!)).toMatch(/^checkout:v\d+\.\d+\.\d+/);
    expect(taskDefinitionKind.describe(rows[0]!)).toMatchObject({ family: "checkout", revision: latest });

    // Scrolled down: only the newly visible revisions are described; the rest never again.
    sim.calls.reset();
    const scrolled = (all: readonly RevisionRow[]) => new Set(all.slice(3, 9).map((row) => row.arn));
    const again = rowsOf(
      await taskDefinitionKind.load(
        context(gateway, { ...IN_PROD, serviceName: "checkout" }, clock.now() + 1_000, rows, scrolled, memo),
      ),
    );
    expect(sim.calls.byOperation()).toEqual({ DescribeServices: 1, DescribeTaskDefinition: 4 });
    expect(again.slice(0, 9).every((row) => row.definition)).toBe(true);
  });

  it("shows something worth diffing between neighbouring revisions: image tag, flags, memory", async () => {
    const { gateway, sim } = setup();
    const latest = sim.world.families.get("checkout")!.latestRevision;
    const changed: string[] = [];
    for (let revision = latest - 12; revision <= latest; revision++) {
      const arn = (r: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/checkout:${r}`;
      const before = await gateway.describeTaskDefinition(arn(revision - 1));
      const after = await gateway.describeTaskDefinition(arn(revision));
      if (!before.ok || !after.ok) throw new Error("describe failed");
      changed.push(
        ...taskDefinitionDiff(before.value, after.value)
          .filter((line) => line.kind !== "same")
          .map((line) => line.text.trim().split(":")[0]!),
      );
    }
    // New image tags, FEATURE_FLAGS turned on one flag at a time (and the variable added), memory.
    expect([...new Set(changed)]).toEqual(
      expect.arrayContaining(['"image"', '"value"', '"name"', '"memory"']),
    );
  });

  it("lists the families; enter opens a family's revisions, none of them in use", async () => {
    const { gateway, clock } = setup();
    const families = rowsOf(await taskFamilyKind.load(context<FamilyRow>(gateway, IN_PROD, clock.now())));
    expect(families.map((row) => row.name)).toContain("checkout");
    expect(families.map((row) => row.name)).toEqual([...families.map((row) => row.name)].sort());
    const next = taskFamilyKind.drill!({ name: "checkout" }, IN_PROD)!;
    expect(next).toEqual({ kind: "taskdefs", scope: { ...IN_PROD, taskDefinitionFamily: "checkout" } });
    expect(taskDefinitionKind.title(next.scope)).toBe("taskdefs(checkout)");
    const rows = rowsOf(
      await taskDefinitionKind.load(context<RevisionRow>(gateway, next.scope, clock.now())),
    );
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.every((row) => row.family === "checkout" && row.use === undefined)).toBe(true);
    // Without a service nothing says which revisions run: IN USE is left out rather than "-" on
    // every row (checkout's newest revision does run in prod).
    const headers = drawnColumns(shownColumns(taskDefinitionKind as AnyKind, false), rows, 0).map(
      (column) => column.header,
    );
    expect(headers).toContain("REVISION");
    expect(headers).not.toContain("IN USE");
  });

  it("says so when the service is gone", async () => {
    const { gateway, clock } = setup();
    const outcome = await taskDefinitionKind.load(
      context<RevisionRow>(gateway, { ...IN_PROD, serviceName: "nope" }, clock.now()),
    );
    expect(!outcome.ok && outcome.failure.message).toBe("service nope is gone");
  });
});
