// The targets view loaded from the simulated account through the real ECS and ELBv2 clients:
// every target of the service's target group, trouble first, matched to the task that owns its
// IP, with the zone spread; a refused DescribeTargetHealth explains which permission is missing.
import { ElasticLoadBalancingV2Client } from "@aws-sdk/client-elastic-load-balancing-v2";
import { describe, expect, it } from "vitest";
import { EcsGateway } from "../../../source/aws/ecs-gateway.js";
import { Elbv2Gateway } from "../../../source/aws/elbv2-gateway.js";
import { describeFailure } from "../../../source/aws/failure.js";
import { networkKind, type NetworkRow } from "../../../source/kinds/network.js";
import { targetKind, type TargetRow } from "../../../source/kinds/target.js";
import type { LoadContext, Scope } from "../../../source/kinds/types.js";
import type { SimOptions } from "../../../source/sim/index.js";
import { simulatedEcs } from "../../helpers/sim-client.js";
import { loadContext } from "../../helpers/load-context.js";

const PROD = "arn:aws:ecs:us-east-1:123456789012:cluster/prod";

function setup(options: SimOptions = {}) {
  const { ecs, sim, clock } = simulatedEcs({ throttle: false, ...options });
  const elbv2 = new ElasticLoadBalancingV2Client({
    region: sim.region,
    credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "test" },
    requestHandler: sim.requestHandler,
    maxAttempts: 1,
  });
  const context = <Row>(scope: Scope, withElb = true): LoadContext<Row> =>
    loadContext(
      new EcsGateway(ecs),
      { clusterArn: PROD, clusterName: "prod", ...scope },
      {
        now: clock.now(),
        ...(withElb ? { elbv2: new Elbv2Gateway(elbv2) } : {}),
      },
    );
  return { sim, context, clock };
}

const column = (header: string) => targetKind.columns.find((c) => c.header === header)!;

describe("targets view", () => {
  it("lists web-frontend's targets trouble first, each matched to its task, with the lopsided spread", async () => {
    const { sim, context, clock } = setup();
    const outcome = await targetKind.load(context<TargetRow>({ serviceName: "web-frontend" }));
    if (!outcome.ok) throw new Error(outcome.failure.message);
    const rows = outcome.rows;
    expect(rows.length).toBeGreaterThan(1);
    const values = (row: TargetRow) =>
      Object.fromEntries(targetKind.columns.map((c) => [c.header, c.value(row, clock.now())]));
    expect(values(rows[0]!)).toMatchObject({
      STATE: "unhealthy",
      REASON: "Target.Timeout",
      "TARGET GROUP": "prod-web-frontend",
      "LOAD BALANCER": "prod-alb",
      LISTENS: "HTTP:8080",
      "HEALTH CHECK": "HTTP /healthz",
      CONTAINER: "web-frontend:8080",
      DESCRIPTION: "Request timed out",
    });
    expect(column("STATE").tone!(rows[0]!)).toBe("bad");
    const service = sim.world.clustersByName.get("prod")!.servicesByName.get("web-frontend")!;
    for (const row of rows) {
      const owner = service.tasks.find((task) => task.network?.privateIp === row.health.Target?.Id);
      expect(owner, row.health.Target?.Id).toBeDefined();
      expect(column("TASK").value(row, 0)).toBe(owner!.id);
      expect(row.health.Target?.AvailabilityZone).toBe(owner!.availabilityZone);
    }
    const caption = targetKind.caption!(rows);
    expect(caption?.tone).toBe("warn");
    expect(caption?.text).toMatch(/^zones: us-east-1a \d+ /);
    expect(targetKind.drill!(rows[0]!, { clusterArn: PROD })).toEqual({
      kind: "containers",
      scope: { clusterArn: PROD, taskArn: rows[0]!.task!.taskArn },
    });
  });

  it("shows a spread as even as its task count allows without a warning", async () => {
    const { context } = setup();
    const outcome = await targetKind.load(context<TargetRow>({ serviceName: "api-gateway" }));
    if (!outcome.ok) throw new Error(outcome.failure.message);
    expect(outcome.rows.every((row) => row.health.TargetHealth?.State === "healthy")).toBe(true);
    const caption = targetKind.caption!(outcome.rows);
    expect(caption?.tone).toBeUndefined();
    // Two tasks in two zones; the third subnet has none, which two tasks cannot help.
    expect(caption?.text).toMatch(/^zones: us-east-1[abc] 1 · us-east-1[abc] 1 · subnet-0[0-9a-f]{16} 0$/);
  });

  it("describes the target groups once, and again on ctrl-r", async () => {
    const { sim, context } = setup();
    const count = () => sim.calls.byOperation().DescribeTargetGroups ?? 0;
    const first = await targetKind.load(context<TargetRow>({ serviceName: "web-frontend" }));
    if (!first.ok) throw new Error(first.failure.message);
    expect(count()).toBe(1);
    const again = await targetKind.load({
      ...context<TargetRow>({ serviceName: "web-frontend" }),
      previous: first.rows,
    });
    if (!again.ok) throw new Error(again.failure.message);
    expect(count()).toBe(1);
    expect(again.rows[0]?.group?.TargetGroupName).toBe("prod-web-frontend");
    await targetKind.load({
      ...context<TargetRow>({ serviceName: "web-frontend" }),
      previous: first.rows,
      forced: true,
    });
    expect(count()).toBe(2);
  });

  it("describes a stopped task once: it owns no target, and stays listed for an hour", async () => {
    const { context, clock } = setup();
    const base = context<TargetRow>({ serviceName: "checkout" });
    const asked: string[][] = [];
    const gateway = base.gateway;
    const describeTasks = gateway.describeTasks.bind(gateway);
    gateway.describeTasks = (cluster, arns) => {
      asked.push(arns);
      return describeTasks(cluster, arns);
    };
    const memo = {};
    const stoppedSeen = new Set<string>();
    let previous: TargetRow[] | undefined;
    // checkout rolls its tasks over: within ten minutes some stop, and stay listed as STOPPED.
    for (let step = 0; step < 40; step++) {
      const before = asked.length;
      const outcome = await targetKind.load({ ...base, now: clock.now(), memo, previous });
      if (!outcome.ok) throw new Error(outcome.failure.message);
      previous = outcome.rows;
      const described = asked.slice(before).flat();
      for (const arn of described) expect(stoppedSeen, `${arn} described again`).not.toContain(arn);
      const tasks = await gateway.describeTasks(PROD, described);
      asked.pop();
      if (!tasks.ok) throw new Error(tasks.failure.message);
      for (const task of tasks.value) if (task.lastStatus === "STOPPED") stoppedSeen.add(task.taskArn!);
      clock.advance(15_000);
    }
    expect(stoppedSeen.size).toBeGreaterThan(0);
  });

  it("says which permission is missing when DescribeTargetHealth is refused", async () => {
    const { context } = setup({ deny: "DescribeTargetHealth" });
    const outcome = await targetKind.load(context<TargetRow>({ serviceName: "web-frontend" }));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.failure).toMatchObject({ kind: "denied", code: "AccessDenied" });
    expect(describeFailure(outcome.failure)).toContain("elasticloadbalancing:DescribeTargetHealth");
  });

  it("fails plainly without an ELB client, and lists nothing for a service without a load balancer", async () => {
    const { context } = setup();
    const without = await targetKind.load(context<TargetRow>({ serviceName: "web-frontend" }, false));
    expect(without.ok).toBe(false);
    const worker = await targetKind.load(context<TargetRow>({ serviceName: "orders-worker" }));
    expect(worker).toEqual({ ok: true, rows: [] });
  });
});

describe("network view", () => {
  it("shows an awsvpc task's ENI with the service's security groups and public IP setting", async () => {
    const { sim, context } = setup();
    const task = sim.world.clustersByName
      .get("prod")!
      .servicesByName.get("orders-worker")!
      .tasks.find((candidate) => candidate.lastStatus === "RUNNING")!;
    const outcome = await networkKind.load(context<NetworkRow>({ taskArn: task.arn }));
    if (!outcome.ok) throw new Error(outcome.failure.message);
    expect(outcome.rows).toHaveLength(1);
    const row = outcome.rows[0]!;
    expect(row).toMatchObject({
      mode: "awsvpc",
      name: expect.stringMatching(/^eni-0[0-9a-f]{16}$/),
      status: "ATTACHED",
      privateIp: task.network!.privateIp,
      publicIp: "none",
      subnet: task.network!.subnetId,
      zone: task.availabilityZone,
      securityGroups: [task.cluster.securityGroupId],
      dns: `ip-${task.network!.privateIp.replaceAll(".", "-")}.ec2.internal`,
    });
    expect(networkKind.caption!(outcome.rows)?.text).toBe("awsvpc: the task's own network interface");
    // l there follows the task's logs, as it does on the task.
    const scope = {
      clusterArn: "arn:c",
      clusterName: "prod",
      serviceName: "orders-worker",
      taskArn: task.arn,
    };
    expect(networkKind.logs!(row, scope)).toEqual({
      follow: { kind: "task", cluster: "arn:c", taskArn: task.arn },
      title: `logs(orders-worker/${task.arn.split("/").pop()})`,
    });
  });

  it("shows a bridge task's network mode and its containers' host port bindings", async () => {
    const { sim, context } = setup();
    const batch = sim.world.clustersByName.get("batch-ec2")!;
    const task = batch.tasks.find((candidate) => candidate.lastStatus === "RUNNING" && candidate.service)!;
    const outcome = await networkKind.load(
      context<NetworkRow>({ clusterArn: batch.arn, clusterName: "batch-ec2", taskArn: task.arn }),
    );
    if (!outcome.ok) throw new Error(outcome.failure.message);
    expect(outcome.rows.map((row) => row.mode)).toEqual(task.containers.map(() => "bridge"));
    const app = task.containers.findIndex((container) => container.spec.ports.length > 0);
    expect(outcome.rows[app]?.ports).toBe(
      `${task.containers[app]!.hostPorts[0]}->${task.containers[app]!.spec.ports[0]}/tcp`,
    );
    expect(networkKind.caption!(outcome.rows)?.text).toBe("bridge network mode: the containers' host ports");
  });
});
