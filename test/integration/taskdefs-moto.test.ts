// Task definition revisions over real HTTP against moto_server: three revisions of a family
// registered (the first then deregistered), listed as the taskdefs view loads them, described, and
// diffed; a service on one revision marks it in use. The families view lists the family.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DeregisterTaskDefinitionCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type ECSClient,
} from "@aws-sdk/client-ecs";
import { EcsGateway } from "../../source/aws/ecs-gateway.js";
import { taskDefinitionKind, type RevisionRow } from "../../source/kinds/task-definition.js";
import { taskFamilyKind, type FamilyRow } from "../../source/kinds/task-family.js";
import type { LoadContext, LoadOutcome, Scope } from "../../source/kinds/types.js";
import { diffPair, diffText } from "../../source/features/describe/revision-diff.js";
import { motoEcsClient, startMoto, type MotoServer } from "../helpers/moto.js";

const FAMILY = "td-diff-web";
let moto: MotoServer;
let ecs: ECSClient;
const arns: string[] = [];

async function register(image: string, memory: number, flags: string): Promise<string> {
  const out = await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: FAMILY,
      containerDefinitions: [
        {
          name: "web",
          image,
          memory,
          essential: true,
          environment: [{ name: "FEATURE_FLAGS", value: flags }],
        },
        { name: "sidecar", image: "public.ecr.aws/datadog/agent:7", memory: 128, essential: false },
      ],
    }),
  );
  return out.taskDefinition!.taskDefinitionArn!;
}

beforeAll(async () => {
  moto = await startMoto();
  ecs = motoEcsClient(moto.endpoint);
  arns.push(await register("nginx:1.25", 512, "a"));
  arns.push(await register("nginx:1.26", 512, "a"));
  arns.push(await register("nginx:1.26", 1024, "a,b"));
  await ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: arns[0] }));
});

afterAll(async () => {
  ecs?.destroy();
  await moto?.stop();
});

function context<Row>(gateway: EcsGateway, scope: Scope, visible: "all" | "none" = "all"): LoadContext<Row> {
  return {
    gateway,
    scope,
    now: Date.now(),
    previous: undefined,
    visibleKeys: (rows) => new Set(visible === "all" ? rows.map((row) => (row as RevisionRow).arn) : []),
    forced: false,
    memo: {},
    publish: () => {},
  };
}

function rowsOf<Row>(outcome: LoadOutcome<Row>): Row[] {
  if (!outcome.ok) throw new Error(outcome.failure.message);
  return outcome.rows;
}

const toLines = (value: object) => JSON.stringify(value, null, 2).split("\n");

describe("task definitions on moto", () => {
  it("lists the family's revisions newest first, ACTIVE and INACTIVE, and describes them", async () => {
    const gateway = new EcsGateway(ecs);
    const families = rowsOf(await taskFamilyKind.load(context<FamilyRow>(gateway, {})));
    expect(families.map((row) => row.name)).toContain(FAMILY);

    const scope = taskFamilyKind.drill!({ name: FAMILY }, {})!.scope;
    const rows = rowsOf(await taskDefinitionKind.load(context<RevisionRow>(gateway, scope)));
    expect(rows.map((row) => [row.revision, row.status])).toEqual([
      [3, "ACTIVE"],
      [2, "ACTIVE"],
      [1, "INACTIVE"],
    ]);
    expect(rows.map((row) => row.arn)).toEqual([...arns].reverse());
    const described = taskDefinitionKind.describe(rows[0]!) as { containerDefinitions: { memory: number }[] };
    expect(described.containerDefinitions[0]!.memory).toBe(1024);
    const column = (header: string) => taskDefinitionKind.columns.find((c) => c.header === header)!;
    expect(column("IMAGES").value(rows[2]!, 0)).toBe("nginx:1.25, agent:7");
    // From a family nothing says which revisions run: the column is empty, and so left out.
    expect(column("IN USE").value(rows[0]!, 0)).toBe("");
  });

  it("diffs two marked revisions: the image, the memory and the flags that changed", async () => {
    const gateway = new EcsGateway(ecs);
    const scope: Scope = { taskDefinitionFamily: FAMILY };
    const rows = rowsOf(await taskDefinitionKind.load(context<RevisionRow>(gateway, scope, "none")));
    expect(rows.every((row) => !row.definition)).toBe(true);
    const pair = diffPair({ kind: "taskdefs", rows, row: rows[0], marked: new Set([arns[2]!, arns[0]!]) });
    if (!pair.ok) throw new Error(pair.message);
    expect(pair).toEqual({ ok: true, before: arns[0], after: arns[2] });
    const before = await gateway.describeTaskDefinition(pair.before);
    const after = await gateway.describeTaskDefinition(pair.after);
    if (!before.ok || !after.ok) throw new Error("describe failed");
    const text = diffText(before.value, after.value, pair, toLines);
    const changed = (kind: "added" | "removed") =>
      text.lines.filter((_, i) => text.kinds[i] === kind).map((line) => line.slice(1).trim());
    // Revision 1 was deregistered: its status is a real difference, and the diff says so.
    expect(changed("removed")).toEqual([
      '"value": "a"',
      '"image": "nginx:1.25",',
      '"memory": 512,',
      '"status": "INACTIVE",',
    ]);
    expect(changed("added")).toEqual([
      '"value": "a,b"',
      '"image": "nginx:1.26",',
      '"memory": 1024,',
      '"status": "ACTIVE",',
    ]);
    expect(text.lines[0]).toBe(`--- ${FAMILY}:1`);

    const same = diffText(before.value, before.value, { before: pair.before, after: pair.before }, toLines);
    expect(same.lines.at(-1)).toMatch(/^identical: /);
  });

  it("from a service: marks the revision it runs, and diffs the cursor's against it", async () => {
    await ecs.send(new CreateClusterCommand({ clusterName: "td" }));
    await ecs.send(
      new CreateServiceCommand({
        cluster: "td",
        serviceName: "web",
        taskDefinition: arns[1],
        desiredCount: 0,
      }),
    );
    const gateway = new EcsGateway(ecs);
    const scope: Scope = {
      clusterArn: "arn:aws:ecs:us-east-1:123456789012:cluster/td",
      clusterName: "td",
      serviceName: "web",
    };
    let rows = rowsOf(await taskDefinitionKind.load(context<RevisionRow>(gateway, scope)));
    expect(rows.map((row) => row.use ?? "-")).toEqual(["-", "running", "-"]);
    expect(diffPair({ kind: "taskdefs", rows, row: rows[0], marked: new Set() })).toEqual({
      ok: true,
      before: arns[1],
      after: arns[2],
    });

    // moto keeps the task definition as given ("family:revision") and leaves the PRIMARY deployment
    // on the old one: the service's own field says which revision runs.
    await ecs.send(
      new UpdateServiceCommand({ cluster: "td", service: "web", taskDefinition: `${FAMILY}:3` }),
    );
    rows = rowsOf(await taskDefinitionKind.load(context<RevisionRow>(gateway, scope)));
    expect(rows.filter((row) => row.use === "running").map((row) => row.revision)).toEqual([3]);

    // Deregistered while in the list: the next listing says so, though its description is kept.
    await ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: arns[1] }));
    const again = rowsOf(
      await taskDefinitionKind.load({ ...context<RevisionRow>(gateway, scope), previous: rows }),
    );
    expect(again.map((row) => row.status)).toEqual(["ACTIVE", "INACTIVE", "INACTIVE"]);
    expect(again[1]!.definition).toBe(rows[1]!.definition);
  });
});
