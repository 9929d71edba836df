import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  ListServicesCommand,
  ListTasksCommand,
  ECSServiceException,
} from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { EcsGateway } from "../../../source/aws/ecs-gateway.js";
import { RequestBudget } from "../../../source/aws/request-budget.js";
import { fakeAwsHttp, fakeClientConfig } from "../../helpers/fake-aws-http.js";
import { tdArn } from "../features/actions/fixtures.js";

const arn = (name: string) => `arn:aws:ecs:us-east-1:123456789012:service/prod/${name}`;
const names = Array.from({ length: 253 }, (_, i) => `svc-${String(i).padStart(3, "0")}`);

/** A fake ECS that pages like AWS (opaque tokens, maxResults) and records every call. */
function fakeEcs() {
  const calls: { name: string; input: Record<string, unknown> }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const send = async (command: { input: object; constructor: { name: string } }) => {
    const input = command.input as Record<string, unknown>;
    calls.push({ name: command.constructor.name, input });
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 1));
    inFlight -= 1;
    if (command instanceof ListServicesCommand) {
      const start = input.nextToken ? Number(Buffer.from(input.nextToken as string, "base64").toString()) : 0;
      const size = Number(input.maxResults ?? 10);
      const end = Math.min(names.length, start + size);
      return {
        serviceArns: names.slice(start, end).map(arn),
        nextToken: end < names.length ? Buffer.from(String(end)).toString("base64") : undefined,
      };
    }
    if (command instanceof DescribeServicesCommand) {
      const services = input.services as string[];
      if (services.length > 10) throw new Error("service names can have at most 10 items.");
      return {
        services: services.map((s) => ({ serviceArn: s, serviceName: s.split("/").pop() })),
        failures: [],
      };
    }
    if (command instanceof DescribeTasksCommand) {
      const tasks = input.tasks as string[];
      if (tasks.length > 100 || tasks.length === 0) throw new Error("bad batch");
      return { tasks: tasks.map((t) => ({ taskArn: t })) };
    }
    if (command instanceof ListTasksCommand) {
      throw new ECSServiceException({
        name: "ClusterNotFoundException",
        $fault: "client",
        $metadata: { httpStatusCode: 400 },
        message: "Cluster not found.",
      });
    }
    if (command instanceof DescribeTaskDefinitionCommand) {
      return { taskDefinition: { taskDefinitionArn: input.taskDefinition, revision: 3 } };
    }
    throw new Error(`unexpected ${command.constructor.name}`);
  };
  return { send: send as never, calls, maxInFlight: () => maxInFlight };
}

describe("EcsGateway", () => {
  it("pages ListServices to the end with maxResults 100", async () => {
    const ecs = fakeEcs();
    const result = await new EcsGateway(ecs).listServiceArns("prod");
    expect(result.ok && result.value.length).toBe(253);
    expect(result.ok && new Set(result.value).size).toBe(253);
    const pages = ecs.calls.filter((c) => c.name === "ListServicesCommand");
    expect(pages.map((c) => c.input.maxResults)).toEqual([100, 100, 100]);
    expect(pages[0]!.input.nextToken).toBeUndefined();
    expect(pages[1]!.input.nextToken).toBeDefined();
  });

  it("describes services in batches of at most 10, concurrently but bounded", async () => {
    const ecs = fakeEcs();
    const gateway = new EcsGateway(ecs, new RequestBudget({ concurrency: 4 }));
    const batches: number[] = [];
    const result = await gateway.describeServices("prod", names.map(arn), (batch) =>
      batches.push(batch.length),
    );
    expect(result.ok && result.value.length).toBe(253);
    const calls = ecs.calls.filter((c) => c.name === "DescribeServicesCommand");
    expect(calls).toHaveLength(26);
    expect(Math.max(...calls.map((c) => (c.input.services as string[]).length))).toBe(10);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(253);
    expect(ecs.maxInFlight()).toBeLessThanOrEqual(4);
    expect(ecs.maxInFlight()).toBeGreaterThan(1);
  });

  it("describes tasks in batches of at most 100 and skips the call for an empty list", async () => {
    const ecs = fakeEcs();
    const gateway = new EcsGateway(ecs);
    const tasks = Array.from({ length: 250 }, (_, i) => `task-${i}`);
    const result = await gateway.describeTasks("prod", tasks);
    expect(result.ok && result.value.length).toBe(250);
    expect(ecs.calls.map((c) => (c.input.tasks as string[]).length)).toEqual([100, 100, 50]);
    expect((await gateway.describeTasks("prod", [])).ok).toBe(true);
    expect(ecs.calls).toHaveLength(3);
  });

  it("returns AWS errors as typed failures instead of throwing", async () => {
    const result = await new EcsGateway(fakeEcs()).listTaskArns("nope", { serviceName: "x" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failure).toMatchObject({
      kind: "not-found",
      operation: "ListTasks",
      code: "ClusterNotFoundException",
      message: "Cluster not found.",
    });
  });

  it("caches task definitions by ARN: they are immutable", async () => {
    const ecs = fakeEcs();
    const gateway = new EcsGateway(ecs);
    const td = "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3";
    await gateway.describeTaskDefinition(td);
    const second = await gateway.describeTaskDefinition(td);
    expect(second.ok && second.value.revision).toBe(3);
    expect(ecs.calls.filter((c) => c.name === "DescribeTaskDefinitionCommand")).toHaveLength(1);
  });

  it("ListTaskDefinitions asks for the family's ACTIVE revisions and returns them newest first", async () => {
    // Out of order, as moto answers (it ignores sort).
    const arns = [tdArn("web:2"), tdArn("web:10"), tdArn("web:9")];
    const { handler, sent } = fakeAwsHttp(() => ({ status: 200, body: { taskDefinitionArns: arns } }));
    const result = await new EcsGateway(new ECSClient(fakeClientConfig(handler, 2))).listTaskDefinitionArns(
      "web",
    );
    expect(sent[0]?.body).toMatchObject({ familyPrefix: "web", status: "ACTIVE", sort: "DESC" });
    expect(result).toEqual({ ok: true, value: [tdArn("web:10"), tdArn("web:9"), tdArn("web:2")] });
  });
});
