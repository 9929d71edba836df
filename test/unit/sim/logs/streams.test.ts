// The simulated account's log groups and streams follow the task definitions: awslogs streams are
// <prefix>/<container>/<taskId> in /ecs/<family>, FireLens routes the app through fluent-bit,
// Splunk sends it elsewhere, and streams outlive the tasks ECS forgets.
import {
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  GetLogEventsCommand,
  type LogGroup,
  type LogStream,
} from "@aws-sdk/client-cloudwatch-logs";
import {
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ListTasksCommand,
  type ECSClient,
  type Task,
} from "@aws-sdk/client-ecs";
import type { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { describe, expect, it } from "vitest";
import { failure, simulatedLogs } from "../../../helpers/sim-logs-client.js";

function setup() {
  return simulatedLogs({ throttle: false });
}

async function serviceTasks(ecs: ECSClient, service: string, desiredStatus?: "STOPPED"): Promise<Task[]> {
  const listed = await ecs.send(
    new ListTasksCommand({ cluster: "prod", serviceName: service, desiredStatus }),
  );
  if ((listed.taskArns ?? []).length === 0) return [];
  const described = await ecs.send(new DescribeTasksCommand({ cluster: "prod", tasks: listed.taskArns }));
  return described.tasks ?? [];
}

async function allStreams(
  logs: CloudWatchLogsClient,
  logGroupName: string,
  limit = 50,
): Promise<LogStream[]> {
  const out: LogStream[] = [];
  let nextToken: string | undefined;
  do {
    const page = await logs.send(new DescribeLogStreamsCommand({ logGroupName, limit, nextToken }));
    out.push(...(page.logStreams ?? []));
    nextToken = page.nextToken;
  } while (nextToken !== undefined);
  return out;
}

const taskId = (task: Task): string => task.taskArn?.split("/").pop() ?? "";

describe("simulated CloudWatch Logs: groups and streams", () => {
  it("names a stream for every container of every running task, as its task definition says", async () => {
    const { ecs, logs } = setup();
    const tasks = (await serviceTasks(ecs, "checkout")).filter((task) => task.startedAt !== undefined);
    expect(tasks.length).toBeGreaterThanOrEqual(6);
    const names = new Set((await allStreams(logs, "/ecs/checkout")).map((stream) => stream.logStreamName));
    for (const task of tasks) {
      const { taskDefinition } = await ecs.send(
        new DescribeTaskDefinitionCommand({ taskDefinition: task.taskDefinitionArn }),
      );
      for (const definition of taskDefinition?.containerDefinitions ?? []) {
        const options = definition.logConfiguration?.options ?? {};
        expect(definition.logConfiguration?.logDriver).toBe("awslogs");
        expect(options["awslogs-group"]).toBe("/ecs/checkout");
        expect(options["awslogs-region"]).toBe("us-east-1");
        expect(names).toContain(`${options["awslogs-stream-prefix"]}/${definition.name}/${taskId(task)}`);
      }
    }
  });

  it("routes a FireLens app through its fluent-bit router, and a Splunk app out of CloudWatch", async () => {
    const { ecs, logs } = setup();
    const orders = (await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: "orders-api" })))
      .taskDefinition;
    const app = orders?.containerDefinitions?.find((definition) => definition.name === "orders-api");
    const router = orders?.containerDefinitions?.find((definition) => definition.firelensConfiguration);
    expect(app?.logConfiguration).toEqual({
      logDriver: "awsfirelens",
      options: {
        Name: "cloudwatch_logs",
        region: "us-east-1",
        log_group_name: "/ecs/firelens/orders-api",
        log_stream_prefix: "fluent-bit/",
        auto_create_group: "true",
      },
    });
    expect(router?.name).toBe("log-router");
    expect(router?.firelensConfiguration?.type).toBe("fluentbit");
    expect(router?.logConfiguration?.logDriver).toBe("awslogs");
    expect(orders?.requiresAttributes).toContainEqual({
      name: "com.amazonaws.ecs.capability.logging-driver.awsfirelens",
    });

    const task = (await serviceTasks(ecs, "orders-api")).find((candidate) => candidate.startedAt);
    const id = taskId(task ?? {});
    const firelens = await allStreams(logs, "/ecs/firelens/orders-api");
    expect(firelens.map((stream) => stream.logStreamName)).toContain(`fluent-bit/orders-api-firelens-${id}`);
    const routerStreams = await allStreams(logs, "/ecs/orders-api");
    expect(routerStreams.map((stream) => stream.logStreamName)).toContain(`ecs/log-router/${id}`);

    const inventory = (await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: "inventory" })))
      .taskDefinition?.containerDefinitions?.[0];
    expect(inventory?.logConfiguration?.logDriver).toBe("splunk");
    expect(inventory?.logConfiguration?.options?.["splunk-url"]).toMatch(/^https:\/\//);
    expect(inventory?.logConfiguration?.secretOptions?.[0]?.name).toBe("splunk-token");
    const inventoryStreams = await allStreams(logs, "/ecs/inventory");
    expect(inventoryStreams.some((stream) => stream.logStreamName?.startsWith("ecs/inventory/"))).toBe(false);
  });

  it("lists log groups by name, 50 a page, with both ARN forms, by prefix or pattern", async () => {
    const { logs } = setup();
    const groups: LogGroup[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = await logs.send(new DescribeLogGroupsCommand({ nextToken }));
      groups.push(...(page.logGroups ?? []));
      nextToken = page.nextToken;
      pages++;
    } while (nextToken !== undefined);
    expect(pages).toBeGreaterThan(1);
    const names = groups.map((group) => group.logGroupName ?? "");
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(names.length);
    const checkout = groups.find((group) => group.logGroupName === "/ecs/checkout");
    expect(checkout?.logGroupArn).toBe("arn:aws:logs:us-east-1:123456789012:log-group:/ecs/checkout");
    expect(checkout?.arn).toBe(`${checkout?.logGroupArn}:*`);
    expect(checkout?.retentionInDays).toBeGreaterThan(0);

    const prefixed = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: "/ecs/firelens/" }));
    expect(prefixed.logGroups?.map((group) => group.logGroupName)).toContain("/ecs/firelens/orders-api");
    const pattern = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePattern: "CHECKOUT" }));
    const matched = pattern.logGroups?.map((group) => group.logGroupName) ?? [];
    expect(matched).toEqual(expect.arrayContaining(["/ecs/checkout", "/ecs/staging-checkout"]));
    expect(matched.every((name) => name?.includes("checkout"))).toBe(true);
    const both = await failure(
      logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: "/ecs", logGroupNamePattern: "x" })),
    );
    expect(both.name).toBe("InvalidParameterException");
    expect((await failure(logs.send(new DescribeLogGroupsCommand({ limit: 51 })))).name).toBe(
      "InvalidParameterException",
    );
  });

  it("pages streams by name or last event time, ascending or descending", async () => {
    const { logs } = setup();
    const group = "/ecs/payments-worker";
    const all = await allStreams(logs, group);
    const paged = await allStreams(logs, group, 5);
    expect(all.length).toBeGreaterThan(10);
    expect(paged.map((stream) => stream.logStreamName)).toEqual(all.map((stream) => stream.logStreamName));
    expect(all.map((stream) => stream.logStreamName)).toEqual(
      all.map((stream) => stream.logStreamName).sort(),
    );

    const descending = await logs.send(
      new DescribeLogStreamsCommand({ logGroupName: group, descending: true }),
    );
    expect(descending.logStreams?.[0]?.logStreamName).toBe(all[all.length - 1]?.logStreamName);

    const recent: LogStream[] = [];
    let nextToken: string | undefined;
    do {
      const page = await logs.send(
        new DescribeLogStreamsCommand({
          logGroupName: group,
          orderBy: "LastEventTime",
          descending: true,
          limit: 4,
          nextToken,
        }),
      );
      recent.push(...(page.logStreams ?? []));
      nextToken = page.nextToken;
    } while (nextToken !== undefined);
    expect(recent).toHaveLength(all.length);
    const times = recent.map((stream) => stream.lastEventTimestamp ?? -1);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    for (const stream of recent) {
      expect(stream.firstEventTimestamp).toBe(stream.creationTime);
      expect(stream.lastIngestionTime).toBeGreaterThan(stream.lastEventTimestamp ?? Infinity);
      expect(stream.arn).toBe(
        `arn:aws:logs:us-east-1:123456789012:log-group:${group}:log-stream:${stream.logStreamName}`,
      );
    }

    const prefixed = await logs.send(
      new DescribeLogStreamsCommand({ logGroupName: group, logStreamNamePrefix: "ecs/payments-worker/" }),
    );
    expect(
      prefixed.logStreams?.every((stream) => stream.logStreamName?.startsWith("ecs/payments-worker/")),
    ).toBe(true);
    const byTimeWithPrefix = await failure(
      logs.send(
        new DescribeLogStreamsCommand({
          logGroupName: group,
          logStreamNamePrefix: "ecs/",
          orderBy: "LastEventTime",
        }),
      ),
    );
    expect(byTimeWithPrefix.name).toBe("InvalidParameterException");
    expect(
      (await failure(logs.send(new DescribeLogStreamsCommand({ logGroupName: group, limit: 51 })))).name,
    ).toBe("InvalidParameterException");
  });

  it("takes a group by name or identifier (name or ARN), never both, and says when it does not exist", async () => {
    const { logs } = setup();
    const arn = "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/cart";
    for (const logGroupIdentifier of ["/ecs/cart", arn, `${arn}:*`]) {
      const page = await logs.send(new DescribeLogStreamsCommand({ logGroupIdentifier, limit: 1 }));
      expect(page.logStreams).toHaveLength(1);
    }
    const both = await failure(
      logs.send(new DescribeLogStreamsCommand({ logGroupName: "/ecs/cart", logGroupIdentifier: arn })),
    );
    expect(both.name).toBe("InvalidParameterException");
    const missing = await failure(logs.send(new DescribeLogStreamsCommand({ logGroupName: "/ecs/nope" })));
    expect(missing.name).toBe("ResourceNotFoundException");
    expect(missing.message).toBe("The specified log group does not exist.");
    const foreign = await failure(
      logs.send(
        new DescribeLogStreamsCommand({
          logGroupIdentifier: "arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/cart",
        }),
      ),
    );
    expect(foreign.name).toBe("ResourceNotFoundException");
  });

  it("keeps a stopped task's stream and lines after ECS has forgotten the task", async () => {
    const { ecs, logs, clock } = setup();
    const stopped = (await serviceTasks(ecs, "payments-worker", "STOPPED")).find((task) => task.startedAt);
    expect(stopped).toBeDefined();
    const logStreamName = `ecs/payments-worker/${taskId(stopped ?? {})}`;
    const before = await logs.send(
      new GetLogEventsCommand({ logGroupName: "/ecs/payments-worker", logStreamName, startFromHead: true }),
    );
    expect(before.events?.length).toBeGreaterThan(0);

    clock.advance(2 * 60 * 60 * 1000);
    const gone = await ecs.send(
      new DescribeTasksCommand({ cluster: "prod", tasks: [stopped?.taskArn ?? ""] }),
    );
    expect(gone.failures?.[0]?.reason).toBe("MISSING");
    const after = await logs.send(
      new GetLogEventsCommand({ logGroupName: "/ecs/payments-worker", logStreamName, startFromHead: true }),
    );
    expect(after.events).toEqual(before.events);
  });
});
