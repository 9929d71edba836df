// EcsGateway over real HTTP against moto_server: the SDK's serialisation, the JSON 1.1 protocol and
// error shapes all run for real. moto does not paginate and does not enforce the DescribeServices
// limit of 10 (docs/aws.md, "moto 5.2.1: limits and paging"), so batching is checked on the
// requests we send.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  DescribeServicesCommand,
  ListServiceDeploymentsCommand,
  ListTasksCommand,
  type ECSClient,
} from "@aws-sdk/client-ecs";
import { connect } from "../../source/aws/connection.js";
import { EcsGateway } from "../../source/aws/ecs-gateway.js";
import { classifyError } from "../../source/aws/failure.js";
import { motoEcsClient, startMoto, stubMotoCredentialEnv, type MotoServer } from "../helpers/moto.js";
import { value } from "../helpers/results.js";
import { BIG_SERVICE_COUNT, seedMoto, type Seed } from "../helpers/seed-moto.js";

let moto: MotoServer;
let ecs: ECSClient;
let seed: Seed;

beforeAll(async () => {
  moto = await startMoto();
  ecs = motoEcsClient(moto.endpoint);
  seed = await seedMoto(ecs);
});

afterAll(async () => {
  ecs?.destroy();
  await moto?.stop();
});

const running = (tasks: { lastStatus?: string }[]) => tasks.filter((t) => t.lastStatus === "RUNNING");

describe("connection", () => {
  it("connect() with an endpoint URL reaches moto through the default credential chain", async () => {
    const unstubEnv = stubMotoCredentialEnv();
    try {
      const connection = await connect({ endpointUrl: moto.endpoint, region: "us-east-1" });
      expect(connection.region).toBe("us-east-1");
      const arns = value(await new EcsGateway(connection.ecs).listClusterArns());
      expect(arns).toHaveLength(seed.clusters.length);
      connection.ecs.destroy();
    } finally {
      unstubEnv();
    }
  });
});

describe("clusters", () => {
  it("lists and describes every seeded cluster", async () => {
    const gateway = new EcsGateway(ecs);
    const arns = value(await gateway.listClusterArns());
    expect(arns.sort()).toEqual(seed.clusters.map((c) => c.arn).sort());

    const clusters = value(await gateway.describeClusters(arns));
    expect(clusters.map((c) => c.clusterName).sort()).toEqual(seed.clusters.map((c) => c.name).sort());
    expect(clusters.every((c) => c.status === "ACTIVE")).toBe(true);
  });
});

describe("services", () => {
  it(`lists all ${BIG_SERVICE_COUNT} services of the big cluster`, async () => {
    const arns = value(await new EcsGateway(ecs).listServiceArns(seed.big.name));
    expect(arns).toHaveLength(BIG_SERVICE_COUNT);
    expect(new Set(arns)).toEqual(new Set(seed.big.services.map((s) => s.arn)));
  });

  it("describes them all in batches of at most 10", async () => {
    const send = vi.spyOn(ecs, "send");
    try {
      const gateway = new EcsGateway(ecs);
      const arns = value(await gateway.listServiceArns(seed.big.name));
      const batches: number[] = [];
      const services = value(
        await gateway.describeServices(seed.big.name, arns, (b) => batches.push(b.length)),
      );

      expect(services).toHaveLength(BIG_SERVICE_COUNT);
      expect(new Set(services.map((s) => s.serviceName))).toEqual(
        new Set(seed.big.services.map((s) => s.name)),
      );
      const sent = send.mock.calls
        .map(([command]) => command)
        .filter((command) => command instanceof DescribeServicesCommand)
        .map((command) => (command as DescribeServicesCommand).input.services ?? []);
      expect(sent).toHaveLength(Math.ceil(BIG_SERVICE_COUNT / 10));
      expect(Math.max(...sent.map((names) => names.length))).toBeLessThanOrEqual(10);
      expect(batches.reduce((a, b) => a + b, 0)).toBe(BIG_SERVICE_COUNT);
    } finally {
      send.mockRestore();
    }
  });

  it("returns the fields the service table needs", async () => {
    const gateway = new EcsGateway(ecs);
    const [web] = value(await gateway.describeServices(seed.small.name, ["web"]));
    expect(web).toMatchObject({
      serviceName: "web",
      status: "ACTIVE",
      desiredCount: 2,
      runningCount: 2,
      launchType: "FARGATE",
      taskDefinition: seed.taskDefinitions.web?.at(-1),
    });
    expect(web?.deployments?.[0]).toMatchObject({ status: "PRIMARY" });
  });
});

describe("tasks", () => {
  it("lists a service's tasks by startedBy, and RUNNING/STOPPED by desiredStatus", async () => {
    const svc = seed.big.services[0];
    if (!svc) throw new Error("no seeded service");
    const byStartedBy = await ecs.send(
      new ListTasksCommand({ cluster: seed.big.name, startedBy: svc.deploymentId }),
    );
    expect(new Set(byStartedBy.taskArns)).toEqual(new Set(svc.tasks.map((t) => t.arn)));

    const gateway = new EcsGateway(ecs);
    const stopped = value(await gateway.listTaskArns(seed.big.name, { desiredStatus: "STOPPED" }));
    expect(stopped).toEqual(svc.tasks.filter((t) => t.lastStatus === "STOPPED").map((t) => t.arn));

    const runningArns = value(await gateway.listTaskArns(seed.big.name, { desiredStatus: "RUNNING" }));
    const seededRunning = seed.big.services.flatMap((s) => s.tasks.filter((t) => t.lastStatus === "RUNNING"));
    expect(new Set(runningArns)).toEqual(new Set(seededRunning.map((t) => t.arn)));
  });

  it("lists by serviceName (moto ignores that filter, so only containment is checked)", async () => {
    const svc = seed.big.services[2];
    if (!svc) throw new Error("no seeded service");
    const arns = value(
      await new EcsGateway(ecs).listTaskArns(seed.big.name, {
        serviceName: svc.name,
        desiredStatus: "RUNNING",
      }),
    );
    expect(arns).toEqual(expect.arrayContaining(svc.tasks.map((t) => t.arn)));
  });

  it("describes tasks with their container, and they stay RUNNING across polls", async () => {
    const web = seed.small.services.find((s) => s.name === "web");
    if (!web) throw new Error("no seeded web service");
    const gateway = new EcsGateway(ecs);
    const arns = web.tasks.map((t) => t.arn);
    for (let poll = 0; poll < 5; poll += 1) {
      const tasks = value(await gateway.describeTasks(seed.small.name, arns));
      expect(running(tasks)).toHaveLength(arns.length);
    }
    const tasks = value(await gateway.describeTasks(seed.small.name, arns));
    for (const task of tasks) {
      expect(task).toMatchObject({
        group: "service:web",
        startedBy: web.deploymentId,
        launchType: "FARGATE",
      });
      expect(task.containers?.map((c) => c.name)).toEqual(["web"]);
    }
  });

  it("describes a stopped task as STOPPED with its reason", async () => {
    const stopped = seed.big.services.flatMap((s) => s.tasks).find((t) => t.lastStatus === "STOPPED");
    if (!stopped) throw new Error("no seeded stopped task");
    const [task] = value(await new EcsGateway(ecs).describeTasks(seed.big.name, [stopped.arn]));
    expect(task).toMatchObject({
      lastStatus: "STOPPED",
      desiredStatus: "STOPPED",
      stoppedReason: "Seeded stop",
    });
  });
});

describe("task definitions", () => {
  it("describes a revision once and then serves it from the cache", async () => {
    const send = vi.spyOn(ecs, "send");
    try {
      const gateway = new EcsGateway(ecs);
      const arn = seed.taskDefinitions.web?.[1];
      if (!arn) throw new Error("no seeded web:2");
      const first = value(await gateway.describeTaskDefinition(arn));
      expect(first).toMatchObject({ family: "web", revision: 2 });
      expect(first.containerDefinitions?.[0]).toMatchObject({
        name: "web",
        image: "nginx:1.27",
        memory: 512,
      });
      expect(send).toHaveBeenCalledTimes(1);

      const second = value(await gateway.describeTaskDefinition(arn));
      expect(second).toEqual(first);
      expect(send).toHaveBeenCalledTimes(1);
    } finally {
      send.mockRestore();
    }
  });
});

describe("failures", () => {
  it("maps an unknown cluster to not-found", async () => {
    const result = await new EcsGateway(ecs).listServiceArns("no-such-cluster");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failure).toMatchObject({
      kind: "not-found",
      code: "ClusterNotFoundException",
      operation: "ListServices",
    });
  });

  it("maps moto's HTTP 500 for an unimplemented operation to unavailable", async () => {
    // ListServiceDeployments is not implemented in moto 5.2.1: Flask answers 500 with an HTML page.
    const error = await ecs
      .send(new ListServiceDeploymentsCommand({ cluster: seed.small.name, service: "web" }))
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeDefined();
    expect((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode).toBe(500);
    expect(classifyError("ListServiceDeployments", error).kind).toBe("unavailable");
  });
});
