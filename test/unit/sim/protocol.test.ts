// The simulated account speaks the real ECS JSON 1.1 protocol: drive it through a real ECSClient
// and check error names and messages, failures, batch limits and timestamps as AWS returns them.
import {
  DescribeClustersCommand,
  DescribeContainerInstancesCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ListClustersCommand,
  ListContainerInstancesCommand,
  ListServicesCommand,
  ListServicesByNamespaceCommand,
  ListTasksCommand,
} from "@aws-sdk/client-ecs";
import { HttpRequest } from "@smithy/core/transport";
import { describe, expect, it } from "vitest";
import type { SimOptions } from "../../../source/sim/index.js";
import { simulatedEcs } from "../../helpers/sim-client.js";

function setup(options: SimOptions = {}) {
  return simulatedEcs({ throttle: false, ...options });
}

async function failure(
  promise: Promise<unknown>,
): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the call to fail");
}

describe("simulated ECS: protocol and errors", () => {
  it("lists the account's clusters and describes them with counts", async () => {
    const { ecs, sim } = setup();
    const listed = await ecs.send(new ListClustersCommand({}));
    expect(listed.clusterArns).toEqual(
      ["prod", "staging", "batch-ec2", "legacy"].map(
        (name) => `arn:aws:ecs:us-east-1:${sim.accountId}:cluster/${name}`,
      ),
    );
    expect(listed.nextToken).toBeUndefined();
    const described = await ecs.send(
      new DescribeClustersCommand({
        clusters: listed.clusterArns,
        include: ["STATISTICS", "SETTINGS", "TAGS"],
      }),
    );
    const byName = new Map(described.clusters?.map((cluster) => [cluster.clusterName, cluster]));
    const prod = byName.get("prod");
    expect(prod?.status).toBe("ACTIVE");
    expect(prod?.activeServicesCount).toBe(42);
    expect(prod?.runningTasksCount).toBeGreaterThan(90);
    expect(prod?.settings).toEqual([{ name: "containerInsights", value: "enabled" }]);
    expect(prod?.statistics?.find((stat) => stat.name === "runningFargateTasksCount")?.value).toBe(
      String(prod?.runningTasksCount),
    );
    expect(prod?.capacityProviders).toEqual(["FARGATE", "FARGATE_SPOT"]);
    expect(byName.get("staging")?.activeServicesCount).toBe(10);
    expect(byName.get("batch-ec2")?.registeredContainerInstancesCount).toBe(3);
    expect(byName.get("legacy")?.runningTasksCount).toBe(0);
  });

  it("answers unknown clusters with failures MISSING in DescribeClusters and ClusterNotFoundException elsewhere", async () => {
    const { ecs } = setup();
    const described = await ecs.send(new DescribeClustersCommand({ clusters: ["prod", "nope"] }));
    expect(described.clusters?.map((cluster) => cluster.clusterName)).toEqual(["prod"]);
    expect(described.failures).toEqual([
      { arn: "arn:aws:ecs:us-east-1:123456789012:cluster/nope", reason: "MISSING" },
    ]);
    const noDefault = await ecs.send(new DescribeClustersCommand({}));
    expect(noDefault.failures?.[0]?.reason).toBe("MISSING");

    for (const call of [
      ecs.send(new ListServicesCommand({ cluster: "nope" })),
      ecs.send(new DescribeServicesCommand({ cluster: "nope", services: ["checkout"] })),
      ecs.send(new ListTasksCommand({ cluster: "nope" })),
      ecs.send(new DescribeTasksCommand({ cluster: "nope", tasks: ["abc"] })),
      ecs.send(new ListServicesCommand({})),
    ]) {
      const error = await failure(call);
      expect(error.name).toBe("ClusterNotFoundException");
      expect(error.message).toBe("Cluster not found.");
      expect(error.$metadata?.httpStatusCode).toBe(400);
    }
  });

  it("enforces the Describe batch limits with ECS's messages", async () => {
    const { ecs } = setup();
    const eleven = Array.from({ length: 11 }, (_, i) => `service-${i}`);
    const tooMany = await failure(
      ecs.send(new DescribeServicesCommand({ cluster: "prod", services: eleven })),
    );
    expect(tooMany.name).toBe("InvalidParameterException");
    expect(tooMany.message).toBe("service names can have at most 10 items.");

    const empty = await failure(ecs.send(new DescribeTasksCommand({ cluster: "prod", tasks: [] })));
    expect(empty.name).toBe("InvalidParameterException");
    expect(empty.message).toBe("Tasks cannot be empty.");

    const ids = Array.from({ length: 101 }, (_, i) => `${i}`.padStart(32, "0"));
    const tooManyTasks = await failure(ecs.send(new DescribeTasksCommand({ cluster: "prod", tasks: ids })));
    expect(tooManyTasks.message).toBe("taskIds can have at most 100 items.");

    const clusters = Array.from({ length: 101 }, (_, i) => `c${i}`);
    expect((await failure(ecs.send(new DescribeClustersCommand({ clusters })))).name).toBe(
      "InvalidParameterException",
    );
  });

  it("rejects maxResults out of range and foreign or corrupt nextTokens", async () => {
    const { ecs } = setup();
    for (const maxResults of [0, 101]) {
      const error = await failure(ecs.send(new ListServicesCommand({ cluster: "prod", maxResults })));
      expect(error.name).toBe("InvalidParameterException");
    }
    expect((await failure(ecs.send(new ListTasksCommand({ cluster: "prod", maxResults: 101 })))).name).toBe(
      "InvalidParameterException",
    );
    expect(
      (await failure(ecs.send(new ListServicesCommand({ cluster: "prod", nextToken: "garbage" })))).name,
    ).toBe("InvalidParameterException");
    const page = await ecs.send(new ListServicesCommand({ cluster: "prod" }));
    const foreign = await failure(
      ecs.send(new ListServicesCommand({ cluster: "staging", nextToken: page.nextToken })),
    );
    expect(foreign.name).toBe("InvalidParameterException");
  });

  it("describes services by name or ARN and reports unknown ones as MISSING", async () => {
    const { ecs } = setup();
    const arn = "arn:aws:ecs:us-east-1:123456789012:service/prod/payments-api";
    const result = await ecs.send(
      new DescribeServicesCommand({
        cluster: "prod",
        services: [
          "checkout",
          arn,
          "no-such-service",
          "arn:aws:ecs:us-east-1:123456789012:service/staging/checkout",
        ],
        include: ["TAGS"],
      }),
    );
    expect(result.services?.map((service) => service.serviceName)).toEqual(["checkout", "payments-api"]);
    expect(result.failures).toEqual([
      { arn: "arn:aws:ecs:us-east-1:123456789012:service/prod/no-such-service", reason: "MISSING" },
      { arn: "arn:aws:ecs:us-east-1:123456789012:service/staging/checkout", reason: "MISSING" },
    ]);
    const checkout = result.services?.[0];
    expect(checkout?.createdAt).toBeInstanceOf(Date);
    expect(checkout?.launchType).toBe("FARGATE");
    expect(checkout?.deploymentConfiguration?.deploymentCircuitBreaker?.enable).toBe(true);
    expect(checkout?.loadBalancers?.[0]?.targetGroupArn).toMatch(/^arn:aws:elasticloadbalancing:us-east-1:/);
    expect(checkout?.networkConfiguration?.awsvpcConfiguration?.subnets).toHaveLength(3);
    expect(checkout?.events?.length).toBeGreaterThan(0);
    expect(checkout?.tags?.map((tag) => tag.key)).toContain("team");
    expect(checkout?.taskDefinition).toMatch(
      /^arn:aws:ecs:us-east-1:123456789012:task-definition\/checkout:\d+$/,
    );
  });

  it("describes tasks by id or ARN, with containers, ENI and exec agent", async () => {
    const { ecs, clock } = setup();
    const listed = await ecs.send(new ListTasksCommand({ cluster: "prod", serviceName: "api-gateway" }));
    const arns = listed.taskArns ?? [];
    expect(arns.length).toBeGreaterThan(0);
    const id = arns[0]?.split("/").pop() ?? "";
    const result = await ecs.send(
      new DescribeTasksCommand({ cluster: "prod", tasks: [id, ...arns.slice(1), "0".repeat(32)] }),
    );
    expect(result.tasks).toHaveLength(arns.length);
    expect(result.failures).toEqual([
      { arn: `arn:aws:ecs:us-east-1:123456789012:task/prod/${"0".repeat(32)}`, reason: "MISSING" },
    ]);
    const task = result.tasks?.find((candidate) => candidate.lastStatus === "RUNNING");
    expect(task?.group).toBe("service:api-gateway");
    expect(task?.startedBy).toMatch(/^ecs-svc\/\d{19}$/);
    expect(task?.taskDefinitionArn).toMatch(/task-definition\/api-gateway:\d+$/);
    expect(task?.availabilityZone).toMatch(/^us-east-1[abc]$/);
    expect(task?.startedAt?.getTime()).toBeLessThan(clock.now());
    const eni = task?.attachments?.[0];
    expect(eni?.type).toBe("ElasticNetworkInterface");
    expect(eni?.details?.find((detail) => detail.name === "privateIPv4Address")?.value).toMatch(
      /^10\.0\.\d+\.\d+$/,
    );
    const app = task?.containers?.find((container) => container.name === "api-gateway");
    expect(app?.image).toMatch(
      /^123456789012\.dkr\.ecr\.us-east-1\.amazonaws\.com\/api-gateway:v\d+\.\d+\.\d+$/,
    );
    expect(app?.runtimeId).toBeTruthy();
    expect(app?.networkInterfaces?.[0]?.privateIpv4Address).toMatch(/^10\./);
  });

  it("answers the EC2 cluster's container instances and bridge-mode port bindings", async () => {
    const { ecs } = setup();
    const listed = await ecs.send(new ListContainerInstancesCommand({ cluster: "batch-ec2" }));
    expect(listed.containerInstanceArns).toHaveLength(3);
    const described = await ecs.send(
      new DescribeContainerInstancesCommand({
        cluster: "batch-ec2",
        containerInstances: listed.containerInstanceArns,
        include: ["CONTAINER_INSTANCE_HEALTH"],
      }),
    );
    const instances = described.containerInstances ?? [];
    expect(instances.every((instance) => instance.ec2InstanceId?.startsWith("i-0"))).toBe(true);
    expect(instances.every((instance) => instance.healthStatus?.overallStatus === "OK")).toBe(true);

    const tasks = await ecs.send(new ListTasksCommand({ cluster: "batch-ec2" }));
    const detail = await ecs.send(new DescribeTasksCommand({ cluster: "batch-ec2", tasks: tasks.taskArns }));
    const running = (detail.tasks ?? []).filter((task) => task.lastStatus === "RUNNING");
    const pending = (detail.tasks ?? []).filter((task) => task.lastStatus === "PENDING");
    expect(instances.reduce((sum, instance) => sum + (instance.runningTasksCount ?? 0), 0)).toBe(
      running.length,
    );
    expect(instances.reduce((sum, instance) => sum + (instance.pendingTasksCount ?? 0), 0)).toBe(
      pending.length,
    );
    // image-resizer runs through the cluster's capacity provider; report-generator asks for launchType EC2.
    const task = running.find((candidate) => candidate.group === "service:image-resizer");
    expect(task?.launchType).toBe("EC2");
    expect(task?.capacityProviderName).toBe("batch-ec2-asg");
    expect(
      running.find((candidate) => candidate.group === "service:report-generator")?.capacityProviderName,
    ).toBeUndefined();
    expect(listed.containerInstanceArns).toContain(task?.containerInstanceArn);
    const binding = task?.containers?.[0]?.networkBindings?.[0];
    expect(binding?.hostPort).toBeGreaterThanOrEqual(32768);
    expect(binding?.containerPort).toBeGreaterThan(0);
  });

  it("describes task definitions by family, family:revision or ARN", async () => {
    const { ecs } = setup();
    const latest = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: "checkout" }));
    const definition = latest.taskDefinition;
    expect(definition?.family).toBe("checkout");
    expect(definition?.requiresCompatibilities).toEqual(["FARGATE"]);
    expect(definition?.containerDefinitions?.[0]?.logConfiguration?.options?.["awslogs-group"]).toBe(
      "/ecs/checkout",
    );
    const revision = (definition?.revision ?? 2) - 1;
    const older = await ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: `checkout:${revision}` }),
    );
    expect(older.taskDefinition?.revision).toBe(revision);
    const byArn = await ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: definition?.taskDefinitionArn }),
    );
    expect(byArn.taskDefinition?.revision).toBe(definition?.revision);
    for (const taskDefinition of ["nope", `checkout:${(definition?.revision ?? 0) + 1}`]) {
      const error = await failure(ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition })));
      expect(error.name).toBe("ClientException");
      expect(error.message).toBe("Unable to describe task definition.");
    }
  });

  it("answers operations it does not know with UnknownOperationException", async () => {
    const { ecs, sim } = setup();
    const error = await failure(ecs.send(new ListServicesByNamespaceCommand({ namespace: "shop" })));
    expect(error.name).toBe("UnknownOperationException");
    expect(sim.calls.byOperation()).toEqual({ ListServicesByNamespace: 1 });
  });

  it("returns wire responses shaped like AWS's: JSON 1.1 headers, request id, error type, bytes", async () => {
    const { sim } = setup();
    const request = (target: string, body: unknown) =>
      sim.requestHandler.handle(
        new HttpRequest({
          method: "POST",
          protocol: "https:",
          hostname: "ecs.us-east-1.amazonaws.com",
          path: "/",
          headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": target },
          body: JSON.stringify(body),
        }),
      );
    const ok = (
      await request("AmazonEC2ContainerServiceV20141113.DescribeServices", {
        cluster: "prod",
        services: ["cart"],
      })
    ).response;
    expect(ok.statusCode).toBe(200);
    expect(ok.headers["content-type"]).toBe("application/x-amz-json-1.1");
    expect(ok.headers["x-amzn-requestid"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ok.body).toBeInstanceOf(Uint8Array);
    const parsed = JSON.parse(new TextDecoder().decode(ok.body as Uint8Array)) as {
      services: Array<{ createdAt: unknown }>;
    };
    expect(typeof parsed.services[0]?.createdAt).toBe("number");

    const bad = (await request("AmazonEC2ContainerServiceV20141113.ListServices", { cluster: "nope" }))
      .response;
    expect(bad.statusCode).toBe(400);
    expect(bad.headers["x-amzn-errortype"]).toBe("ClusterNotFoundException");
    expect(JSON.parse(new TextDecoder().decode(bad.body as Uint8Array))).toEqual({
      __type: "ClusterNotFoundException",
      message: "Cluster not found.",
    });
    const unknown = (await request("SomethingElse_20200101.DoThing", {})).response;
    expect(unknown.headers["x-amzn-errortype"]).toBe("UnknownOperationException");
  });

  it("waits latencyMs per call, overlapping concurrent calls, and honours abort signals", async () => {
    const { ecs } = setup({ latencyMs: 200 });
    await ecs.send(new ListClustersCommand({})); // warm the SDK up
    const started = performance.now();
    await Promise.all(Array.from({ length: 5 }, () => ecs.send(new ListClustersCommand({}))));
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(195);
    // One after the other would take 1,000 ms; overlapping calls take one latency plus noise.
    expect(elapsed).toBeLessThan(3 * 200);

    const controller = new AbortController();
    const pending = ecs.send(new ListClustersCommand({}), { abortSignal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    const error = await failure(pending);
    expect(error.name).toBe("AbortError");
  });
});
