// The container instances and image views, loaded from the simulated account through the real
// SDK: an EC2 cluster's hosts (one with its agent disconnected), a Fargate cluster that has none,
// a container's ECR image with its scan, a Docker Hub image that is only named, and the `i` key's
// target views.
import { ECRClient } from "@aws-sdk/client-ecr";
import { ListTasksCommand, DescribeTasksCommand } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { EcrGateway } from "../../../source/aws/ecr-gateway.js";
import { EcsGateway, DESCRIBE_CONTAINER_INSTANCES_LIMIT } from "../../../source/aws/ecs-gateway.js";
import { instanceKind, noInstancesText, type InstanceRow } from "../../../source/kinds/container-instance.js";
import { taskKind, type TaskRow } from "../../../source/kinds/task.js";
import { imageKind, IMAGE_REFRESH_MS, type ImageRow } from "../../../source/kinds/image.js";
import type { LoadContext, Scope } from "../../../source/kinds/types.js";
import { rowView } from "../../../source/state/row-views.js";
import { loadContext } from "../../helpers/load-context.js";
import { simulatedEcs } from "../../helpers/sim-client.js";

const CLUSTER = (name: string) => `arn:aws:ecs:us-east-1:123456789012:cluster/${name}`;

function context<Row>(
  setup: ReturnType<typeof simulatedEcs>,
  scope: Scope,
  extra: Partial<LoadContext<Row>> = {},
): LoadContext<Row> {
  const { sim, ecs, clock } = setup;
  const ecr = new EcrGateway(
    (region) =>
      new ECRClient({
        region,
        credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "test" },
        requestHandler: sim.requestHandler,
        maxAttempts: 1,
      }),
  );
  return loadContext(new EcsGateway(ecs), scope, { ecr, now: clock.now(), ...extra });
}

const column = <Row>(kind: { columns: { header: string }[] }, header: string) =>
  kind.columns.find((c) => c.header === header) as import("../../../source/kinds/types.js").Column<Row>;

/** The first running task of a service and the name of its app container. */
async function taskOf(setup: ReturnType<typeof simulatedEcs>, cluster: string, service: string) {
  const listed = await setup.ecs.send(new ListTasksCommand({ cluster, serviceName: service }));
  const arn = listed.taskArns?.[0];
  if (!arn) throw new Error(`no task of ${service}`);
  const described = await setup.ecs.send(new DescribeTasksCommand({ cluster, tasks: [arn] }));
  return described.tasks![0]!;
}

describe("container instances view", () => {
  it("lists an EC2 cluster's instances: agent, versions, CPU and memory used, tasks, AZ and type", async () => {
    const setup = simulatedEcs({ throttle: false });
    const scope = { clusterArn: CLUSTER("batch-ec2"), clusterName: "batch-ec2" };
    const outcome = await instanceKind.load(context<InstanceRow>(setup, scope));
    if (!outcome.ok) throw new Error(outcome.failure.message);
    expect(outcome.rows).toHaveLength(3);
    const now = setup.clock.now();
    const cell = (header: string, row: InstanceRow) =>
      column<InstanceRow>(instanceKind, header).value(row, now);
    const agents = outcome.rows.map((row) => cell("AGENT", row));
    expect(agents.filter((a) => a === "disconnected")).toHaveLength(1);
    const lost = outcome.rows.find((row) => !row.instance.agentConnected)!;
    expect(column<InstanceRow>(instanceKind, "AGENT").tone!(lost)).toBe("bad");
    expect(cell("AGENT VERSION", lost)).toBe("1.79.2");
    for (const row of outcome.rows) {
      expect(cell("INSTANCE", row)).toMatch(/^i-0[0-9a-f]{16}$/);
      expect(cell("CPU USED", row)).toMatch(/^\d+\/4096 \d+%$/);
      expect(cell("MEM USED", row)).toMatch(/^\d+\/15578 \d+%$/);
      expect(cell("AZ", row)).toMatch(/^us-east-1[abc]$/);
      expect(cell("TYPE", row)).toBe("m6i.xlarge");
      expect(cell("DOCKER", row)).toBe("25.0.6");
      expect(cell("CAPACITY PROVIDER", row)).toBe("batch-ec2-asg");
      expect(cell("AGE", row)).toMatch(/^\d+d/);
    }
    const running = outcome.rows.reduce((sum, row) => sum + (row.instance.runningTasksCount ?? 0), 0);
    expect(running).toBeGreaterThan(0);
    expect(instanceKind.describe(outcome.rows[0]!)).toHaveProperty("containerInstanceArn");
  });

  it("opens the tasks placed on an instance with enter", async () => {
    const setup = simulatedEcs({ throttle: false });
    const scope = { clusterArn: CLUSTER("batch-ec2"), clusterName: "batch-ec2" };
    const outcome = await instanceKind.load(context<InstanceRow>(setup, scope));
    if (!outcome.ok) throw new Error(outcome.failure.message);
    const busy = outcome.rows.find((row) => (row.instance.runningTasksCount ?? 0) > 0)!;
    const target = instanceKind.drill!(busy, scope)!;
    expect(target).toEqual({
      kind: "tasks",
      scope: { ...scope, containerInstanceArn: busy.arn, instanceId: busy.instance.ec2InstanceId },
    });
    expect(taskKind.title(target.scope)).toBe(`tasks(batch-ec2/${busy.instance.ec2InstanceId})[running]`);
    const tasks = await taskKind.load(context<TaskRow>(setup, target.scope));
    if (!tasks.ok) throw new Error(tasks.failure.message);
    const live = tasks.rows.filter((row) => row.task.lastStatus === "RUNNING");
    expect(live).toHaveLength(busy.instance.runningTasksCount!);
    expect(tasks.rows.every((row) => row.task.containerInstanceArn === busy.arn)).toBe(true);
  });

  it("describes a cluster's instances in batches of 100 after paging the list", async () => {
    const calls: { name: string; size: number }[] = [];
    const arns = Array.from({ length: 230 }, (_, i) => `arn:ci/${i}`);
    const ecs = {
      send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
        const name = command.constructor.name;
        if (name === "ListContainerInstancesCommand") {
          const start = Number(command.input.nextToken ?? 0);
          calls.push({ name, size: 0 });
          const next = start + 100 < arns.length ? String(start + 100) : undefined;
          return { containerInstanceArns: arns.slice(start, start + 100), nextToken: next };
        }
        const batch = command.input.containerInstances as string[];
        calls.push({ name, size: batch.length });
        return { containerInstances: batch.map((arn) => ({ containerInstanceArn: arn })) };
      },
    };
    const gateway = new EcsGateway(ecs as never);
    const listed = await gateway.listContainerInstanceArns("c");
    if (!listed.ok) throw new Error(listed.failure.message);
    expect(listed.value).toHaveLength(230);
    const described = await gateway.describeContainerInstances("c", listed.value);
    if (!described.ok) throw new Error(described.failure.message);
    expect(described.value).toHaveLength(230);
    const sizes = calls.filter((c) => c.name === "DescribeContainerInstancesCommand").map((c) => c.size);
    expect(sizes.sort((a, b) => b - a)).toEqual([DESCRIBE_CONTAINER_INSTANCES_LIMIT, 100, 30]);
    expect(calls.filter((c) => c.name === "ListContainerInstancesCommand")).toHaveLength(3);
  });

  it("says a Fargate-only cluster runs on Fargate instead of showing an empty table", async () => {
    const setup = simulatedEcs({ throttle: false });
    const outcome = await instanceKind.load(
      context<InstanceRow>(setup, { clusterArn: CLUSTER("prod"), clusterName: "prod" }),
    );
    expect(outcome).toEqual({
      ok: true,
      rows: [],
      empty: "no container instances: this cluster runs on Fargate",
    });
    expect(noInstancesText({ capacityProviders: [] }, "legacy")).toBe(
      "no container instances are registered to legacy (its tasks can only run on Fargate)",
    );
    expect(noInstancesText(undefined, "unread")).toBe("no container instances are registered to unread");
    // An Auto Scaling group provider scaled to zero: hosts come when tasks need them, not never.
    expect(noInstancesText({ capacityProviders: ["FARGATE", "batch-asg"] }, "batch")).toBe(
      "no container instances are registered to batch yet: its capacity providers (batch-asg) start them when tasks need them",
    );
  });
});

describe("image view", () => {
  it("shows a container's ECR image: tags, digest, size, push time and scan counts", async () => {
    const setup = simulatedEcs({ throttle: false });
    const task = await taskOf(setup, "batch-ec2", "image-resizer");
    const scope = {
      clusterArn: CLUSTER("batch-ec2"),
      clusterName: "batch-ec2",
      serviceName: "image-resizer",
      taskArn: task.taskArn!,
      containerName: "image-resizer",
    };
    const memo: Record<string, number> = {};
    const outcome = await imageKind.load(context<ImageRow>(setup, scope, { memo }));
    if (!outcome.ok) throw new Error(outcome.failure.message);
    expect(outcome.rows).toHaveLength(1);
    const row = outcome.rows[0]!;
    const now = setup.clock.now();
    const cell = (header: string) => column<ImageRow>(imageKind, header).value(row, now);
    const container = task.containers!.find((c) => c.name === "image-resizer")!;
    expect(row.image.detail.imageDigest).toBe(container.imageDigest);
    expect(cell("REPOSITORY")).toBe("image-resizer");
    expect(cell("TAGS")).toBe(container.image!.split(":").pop());
    expect(cell("DIGEST")).toBe(container.imageDigest!.slice(7, 19));
    expect(cell("SIZE")).toMatch(/^\d+\.\d MB$/);
    expect(cell("SCAN")).toBe("COMPLETE");
    expect(Number(cell("CRITICAL"))).toBeGreaterThan(0);
    expect(column<ImageRow>(imageKind, "CRITICAL").tone!(row)).toBe("bad");
    expect(imageKind.describe(row)).toMatchObject({ scan: { status: "COMPLETE" } });
    // The row is the image pinned to its digest: what c copies, and what o finds the repository by.
    const repository = container.image!.slice(0, container.image!.lastIndexOf(":"));
    expect(imageKind.key(row)).toBe(`${repository}@${container.imageDigest}`);

    // Re-read at most once a minute unless forced: the next refresh reuses the row.
    const again = await imageKind.load(
      context<ImageRow>(setup, scope, { memo, previous: outcome.rows, now: now + IMAGE_REFRESH_MS - 1 }),
    );
    expect(again.ok && again.rows[0]).toBe(row);
    const forced = await imageKind.load(
      context<ImageRow>(setup, scope, { memo, previous: outcome.rows, forced: true }),
    );
    expect(forced.ok && forced.rows[0]).not.toBe(row);
  });

  it("names a Docker Hub image's registry and says deckhand cannot inspect it", async () => {
    const setup = simulatedEcs({ throttle: false });
    const task = await taskOf(setup, "batch-ec2", "clamav-scanner");
    const outcome = await imageKind.load(
      context<ImageRow>(setup, {
        clusterArn: CLUSTER("batch-ec2"),
        clusterName: "batch-ec2",
        taskArn: task.taskArn!,
        containerName: "clamav-scanner",
      }),
    );
    expect(outcome).toEqual({
      ok: true,
      rows: [],
      empty:
        "clamav/clamav:1.3.1 comes from Docker Hub: deckhand can inspect only images in private Amazon ECR registries",
    });
  });

  it("shows a never-scanned image as such, with no counts", async () => {
    const setup = simulatedEcs({ throttle: false });
    const task = await taskOf(setup, "batch-ec2", "report-generator");
    const outcome = await imageKind.load(
      context<ImageRow>(setup, {
        clusterArn: CLUSTER("batch-ec2"),
        taskArn: task.taskArn!,
        containerName: "report-generator",
      }),
    );
    if (!outcome.ok) throw new Error(outcome.failure.message);
    const row = outcome.rows[0]!;
    expect(column<ImageRow>(imageKind, "SCAN").value(row, 0)).toBe("never scanned");
    expect(column<ImageRow>(imageKind, "CRITICAL").value(row, 0)).toBe("-");
  });
});

describe("the i key's views", () => {
  it("opens a cluster's instances and a container's image; nothing elsewhere", () => {
    const cluster = { arn: CLUSTER("batch-ec2"), cluster: { clusterName: "batch-ec2" } };
    expect(rowView("instances", { kind: "clusters", scope: {} }, cluster)).toEqual({
      kind: "instances",
      scope: { clusterArn: CLUSTER("batch-ec2"), clusterName: "batch-ec2" },
    });
    const taskScope = { clusterArn: CLUSTER("prod"), clusterName: "prod", serviceName: "web", taskArn: "t" };
    expect(rowView("image", { kind: "containers", scope: taskScope }, { name: "app" })).toEqual({
      kind: "images",
      scope: { ...taskScope, containerName: "app" },
    });
    expect(rowView("image", { kind: "tasks", scope: taskScope }, { name: "app" })).toBeUndefined();
    expect(rowView("instances", { kind: "clusters", scope: {} }, undefined)).toBeUndefined();
  });
});
