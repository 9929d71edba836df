// The targets view over real HTTP against moto_server: ELBv2's Query protocol (form request, XML
// answer) as moto speaks it, parsed by the real client, and each target matched to the awsvpc ECS
// task that owns its IP. moto needs real subnets for awsvpc tasks; the default VPC's are found
// with EC2 DescribeSubnets, sent as a plain Query request (deckhand has no EC2 client).
import {
  CreateTargetGroupCommand,
  ElasticLoadBalancingV2Client,
  RegisterTargetsCommand,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import {
  CreateClusterCommand,
  CreateServiceCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  type ECSClient,
  type Task,
} from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EcsGateway } from "../../source/aws/ecs-gateway.js";
import { Elbv2Gateway } from "../../source/aws/elbv2-gateway.js";
import { networkKind, type NetworkRow } from "../../source/kinds/network.js";
import { targetKind, type TargetRow } from "../../source/kinds/target.js";
import type { LoadContext, Scope } from "../../source/kinds/types.js";
import { MOTO_CREDENTIALS, MOTO_REGION, motoEcsClient, startMoto, type MotoServer } from "../helpers/moto.js";
import { value } from "../helpers/results.js";
import { loadContext } from "../helpers/load-context.js";

let moto: MotoServer;
let ecs: ECSClient;
let elbv2: ElasticLoadBalancingV2Client;
let clusterArn: string;
let targetGroupArn: string;
let tasks: Task[];
let securityGroup: string;

/** An EC2 Query call to moto, its XML answer as text. */
async function ec2(endpoint: string, action: string): Promise<string> {
  const response = await fetch(endpoint, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      authorization: `AWS4-HMAC-SHA256 Credential=testing/20260101/${MOTO_REGION}/ec2/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: `Action=${action}&Version=2016-11-15`,
  });
  return response.text();
}

const field = (xml: string, name: string) => new RegExp(`<${name}>([^<]+)<`).exec(xml)?.[1] ?? "";

/** The default VPC's subnets: { id, zone, vpc } from EC2 DescribeSubnets. */
async function defaultSubnets(endpoint: string): Promise<Array<{ id: string; zone: string; vpc: string }>> {
  const xml = await ec2(endpoint, "DescribeSubnets");
  return [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)]
    .map(([, item = ""]) => ({
      id: field(item, "subnetId"),
      zone: field(item, "availabilityZone"),
      vpc: field(item, "vpcId"),
    }))
    .filter((subnet) => subnet.id.startsWith("subnet-"));
}

const ipOf = (task: Task) =>
  task.attachments?.[0]?.details?.find((detail) => detail.name === "privateIPv4Address")?.value;

function context<Row>(scope: Scope): LoadContext<Row> {
  return loadContext(
    new EcsGateway(ecs),
    { clusterArn, clusterName: "lb", ...scope },
    {
      elbv2: new Elbv2Gateway(elbv2),
    },
  );
}

beforeAll(async () => {
  moto = await startMoto();
  await moto.reset();
  ecs = motoEcsClient(moto.endpoint);
  elbv2 = new ElasticLoadBalancingV2Client({
    endpoint: moto.endpoint,
    region: MOTO_REGION,
    credentials: MOTO_CREDENTIALS,
    maxAttempts: 1,
  });
  const subnets = (await defaultSubnets(moto.endpoint)).slice(0, 2);
  if (subnets.length < 2) throw new Error(`moto has no default subnets: ${moto.log()}`);
  const group = await elbv2.send(
    new CreateTargetGroupCommand({
      Name: "lb-web",
      Protocol: "HTTP",
      Port: 8080,
      VpcId: subnets[0]!.vpc,
      TargetType: "ip",
      HealthCheckPath: "/healthz",
    }),
  );
  targetGroupArn = group.TargetGroups?.[0]?.TargetGroupArn ?? "";
  clusterArn = (await ecs.send(new CreateClusterCommand({ clusterName: "lb" }))).cluster?.clusterArn ?? "";
  await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: "web",
      requiresCompatibilities: ["FARGATE"],
      networkMode: "awsvpc",
      cpu: "256",
      memory: "512",
      containerDefinitions: [
        {
          name: "web",
          image: "nginx",
          essential: true,
          cpu: 256,
          memory: 512,
          portMappings: [{ containerPort: 8080 }],
        },
      ],
    }),
  );
  securityGroup = field(await ec2(moto.endpoint, "DescribeSecurityGroups"), "groupId");
  const awsvpcConfiguration = {
    subnets: subnets.map((subnet) => subnet.id),
    securityGroups: [securityGroup],
  };
  await ecs
    .send(
      new CreateServiceCommand({
        cluster: "lb",
        serviceName: "web",
        taskDefinition: "web",
        desiredCount: 2,
        launchType: "FARGATE",
        loadBalancers: [{ targetGroupArn, containerName: "web", containerPort: 8080 }],
        networkConfiguration: { awsvpcConfiguration },
      }),
    )
    .catch((error: unknown) => {
      throw new Error(`CreateService: ${String(error)}\n${moto.log().slice(-3000)}`);
    });
  tasks = [];
  for (const subnet of subnets) {
    const run = await ecs.send(
      new RunTaskCommand({
        cluster: "lb",
        taskDefinition: "web",
        launchType: "FARGATE",
        group: "service:web",
        networkConfiguration: {
          awsvpcConfiguration: { subnets: [subnet.id], securityGroups: [securityGroup] },
        },
      }),
    );
    tasks.push(...(run.tasks ?? []));
  }
  await elbv2.send(
    new RegisterTargetsCommand({
      TargetGroupArn: targetGroupArn,
      Targets: tasks.map((task) => ({ Id: ipOf(task), Port: 8080 })),
    }),
  );
}, 60_000);

afterAll(async () => {
  ecs?.destroy();
  elbv2?.destroy();
  await moto?.stop();
});

describe("ELBv2 on moto", () => {
  it("describes the target group through the gateway", async () => {
    const groups = value(await new Elbv2Gateway(elbv2).describeTargetGroups([targetGroupArn]));
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({
      TargetGroupName: "lb-web",
      Protocol: "HTTP",
      Port: 8080,
      HealthCheckPath: "/healthz",
    });
  });

  it("reports a missing target group as not found", async () => {
    const missing = targetGroupArn.replace(/\/[0-9a-f]+$/, "/0000000000000000");
    const result = await new Elbv2Gateway(elbv2).describeTargetHealth(missing);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.failure.kind).toBe("not-found");
  });

  it("lists the service's targets, each matched to the task that owns its IP", async () => {
    const outcome = await targetKind.load(context<TargetRow>({ serviceName: "web" }));
    if (!outcome.ok) throw new Error(`${outcome.failure.code}: ${outcome.failure.message}\n${moto.log()}`);
    expect(outcome.rows.map((row) => row.health.Target?.Id).sort()).toEqual(tasks.map(ipOf).sort());
    for (const row of outcome.rows) {
      expect(row.task?.taskArn).toBe(tasks.find((task) => ipOf(task) === row.health.Target?.Id)?.taskArn);
      expect(row.health.TargetHealth?.State).toMatch(
        /^(healthy|initial|unhealthy|unused|draining|unavailable)$/,
      );
      expect(row.group?.TargetGroupName).toBe("lb-web");
    }
    // moto's tasks do not name their zone: each counts under its subnet, one task in each.
    expect(targetKind.caption!(outcome.rows)?.text).toMatch(/^zones: subnet-\w+ 1 · subnet-\w+ 1$/);
  });

  it("shows a task's ENI with the service's subnets and security groups", async () => {
    const task = tasks[0]!;
    const outcome = await networkKind.load(
      context<NetworkRow>({ serviceName: "web", taskArn: task.taskArn }),
    );
    if (!outcome.ok) throw new Error(`${outcome.failure.code}: ${outcome.failure.message}`);
    expect(outcome.rows[0]).toMatchObject({
      mode: "awsvpc",
      privateIp: ipOf(task),
      securityGroups: [securityGroup],
      publicIp: "none",
    });
    expect(outcome.rows[0]?.subnet).toMatch(/^subnet-/);
  });
});
