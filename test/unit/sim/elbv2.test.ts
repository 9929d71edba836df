// Elastic Load Balancing v2 in the simulated account, through the real SDK client (AWS Query
// protocol: form-encoded requests, XML answers): the demo services' target groups, their targets
// being the services' task IPs with states that follow the tasks, and the lopsided demo service.
import {
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { DescribeTasksCommand, ListTasksCommand, type Task } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { describeService, simulatedEcs } from "../../helpers/sim-client.js";

function setup() {
  const { sim, ecs, clock } = simulatedEcs({ throttle: false });
  const elbv2 = new ElasticLoadBalancingV2Client({
    region: sim.region,
    credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "test" },
    requestHandler: sim.requestHandler,
    maxAttempts: 1,
  });
  return { sim, ecs, elbv2, clock };
}

async function runningTasks(ecs: ReturnType<typeof setup>["ecs"], service: string): Promise<Task[]> {
  const arns =
    (await ecs.send(new ListTasksCommand({ cluster: "prod", serviceName: service }))).taskArns ?? [];
  return (await ecs.send(new DescribeTasksCommand({ cluster: "prod", tasks: arns }))).tasks ?? [];
}

const ipOf = (task: Task) =>
  task.attachments?.[0]?.details?.find((detail) => detail.name === "privateIPv4Address")?.value;

describe("simulated Elastic Load Balancing v2", () => {
  it("describes a service's target group, parsed by the real client from XML", async () => {
    const { ecs, elbv2 } = setup();
    const service = await describeService(ecs, "api-gateway");
    const arn = service.loadBalancers?.[0]?.targetGroupArn ?? "";
    expect(arn).toMatch(
      /^arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup\/prod-api-gateway\//,
    );
    const out = await elbv2.send(new DescribeTargetGroupsCommand({ TargetGroupArns: [arn] }));
    expect(out.TargetGroups).toHaveLength(1);
    expect(out.TargetGroups?.[0]).toMatchObject({
      TargetGroupArn: arn,
      TargetGroupName: "prod-api-gateway",
      Protocol: "HTTP",
      Port: service.loadBalancers?.[0]?.containerPort,
      HealthCheckPath: "/healthz",
      HealthCheckEnabled: true,
      TargetType: "ip",
      Matcher: { HttpCode: "200" },
    });
    expect(out.TargetGroups?.[0]?.LoadBalancerArns?.[0]).toMatch(/loadbalancer\/app\/prod-alb\//);
  });

  it("pages target groups with Marker and PageSize", async () => {
    const { elbv2 } = setup();
    const all = (await elbv2.send(new DescribeTargetGroupsCommand({}))).TargetGroups ?? [];
    expect(all.length).toBeGreaterThan(4);
    const first = await elbv2.send(new DescribeTargetGroupsCommand({ PageSize: 3 }));
    expect(first.TargetGroups).toHaveLength(3);
    expect(first.NextMarker).toBeTruthy();
    const second = await elbv2.send(
      new DescribeTargetGroupsCommand({ PageSize: 3, Marker: first.NextMarker }),
    );
    expect(second.TargetGroups?.[0]?.TargetGroupArn).toBe(all[3]?.TargetGroupArn);
  });

  it("takes a Marker only from the request it came from", async () => {
    const { elbv2 } = setup();
    const first = await elbv2.send(new DescribeTargetGroupsCommand({ PageSize: 3 }));
    await expect(
      elbv2.send(new DescribeTargetGroupsCommand({ Names: ["prod-checkout"], Marker: first.NextMarker })),
    ).rejects.toMatchObject({ name: "ValidationError", message: "Invalid marker" });
  });

  it("answers TargetGroupNotFound as the SDK's own exception", async () => {
    const { elbv2 } = setup();
    const missing = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/nope/0123456789abcdef";
    await expect(
      elbv2.send(new DescribeTargetGroupsCommand({ TargetGroupArns: [missing] })),
    ).rejects.toMatchObject({ name: "TargetGroupNotFoundException", $metadata: { httpStatusCode: 400 } });
    await expect(
      elbv2.send(new DescribeTargetHealthCommand({ TargetGroupArn: missing })),
    ).rejects.toMatchObject({
      name: "TargetGroupNotFoundException",
    });
  });

  it("has the service's running task IPs as targets, with their zones", async () => {
    const { ecs, elbv2 } = setup();
    const service = await describeService(ecs, "api-gateway");
    const arn = service.loadBalancers?.[0]?.targetGroupArn ?? "";
    const health = await elbv2.send(new DescribeTargetHealthCommand({ TargetGroupArn: arn }));
    const targets = health.TargetHealthDescriptions ?? [];
    const tasks = (await runningTasks(ecs, "api-gateway")).filter((task) => task.lastStatus === "RUNNING");
    expect(tasks.length).toBeGreaterThan(0);
    expect(targets).toHaveLength(tasks.length);
    for (const task of tasks) {
      const target = targets.find((entry) => entry.Target?.Id === ipOf(task));
      expect(target?.Target?.AvailabilityZone).toBe(task.availabilityZone);
      expect(target?.Target?.Port).toBe(service.loadBalancers?.[0]?.containerPort);
    }
    expect(targets.every((entry) => entry.TargetHealth?.State === "healthy")).toBe(true);
  });

  it("reports the lopsided service: never the third zone, and a target that times out", async () => {
    const { ecs, elbv2 } = setup();
    const service = await describeService(ecs, "web-frontend");
    const arn = service.loadBalancers?.[0]?.targetGroupArn ?? "";
    const targets =
      (await elbv2.send(new DescribeTargetHealthCommand({ TargetGroupArn: arn }))).TargetHealthDescriptions ??
      [];
    const zones = new Set(targets.map((entry) => entry.Target?.AvailabilityZone));
    // Its subnet cycle is a, a, b: its two tasks both land in us-east-1a, a third would go to b.
    expect(targets).toHaveLength(2);
    expect([...zones]).toEqual(["us-east-1a"]);
    expect(targets.map((entry) => entry.TargetHealth)).toContainEqual({
      State: "unhealthy",
      Reason: "Target.Timeout",
      Description: "Request timed out",
    });
  });

  it("answers unused for a target asked about that is not registered", async () => {
    const { ecs, elbv2 } = setup();
    const arn = (await describeService(ecs, "api-gateway")).loadBalancers?.[0]?.targetGroupArn ?? "";
    const out = await elbv2.send(
      new DescribeTargetHealthCommand({ TargetGroupArn: arn, Targets: [{ Id: "10.9.9.9", Port: 8080 }] }),
    );
    expect(out.TargetHealthDescriptions).toEqual([
      {
        Target: { Id: "10.9.9.9", Port: 8080 },
        TargetHealth: {
          State: "unused",
          Reason: "Target.NotRegistered",
          Description: "Target is not registered to the target group",
        },
      },
    ]);
  });

  it("shows a rolling service's new targets as initial and the replaced ones as draining", async () => {
    const { ecs, elbv2, clock } = setup();
    const arn = (await describeService(ecs, "checkout")).loadBalancers?.[0]?.targetGroupArn ?? "";
    const seen = new Set<string>();
    for (let step = 0; step < 40 && !(seen.has("initial") && seen.has("draining")); step++) {
      const out = await elbv2.send(new DescribeTargetHealthCommand({ TargetGroupArn: arn }));
      for (const entry of out.TargetHealthDescriptions ?? []) seen.add(entry.TargetHealth?.State ?? "");
      clock.advance(5_000);
    }
    expect(seen).toContain("initial");
    expect(seen).toContain("draining");
  });
});
