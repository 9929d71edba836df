// From a task and its task definition to where each container's logs are: the awslogs stream to
// follow, or a plain explanation of where else they went.
import type { ContainerDefinition, Task, TaskDefinition } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { detectLevel } from "../../../../source/features/logs/log-level.js";
import { groupNameOf, logGroupArn, logSourcesFor } from "../../../../source/features/logs/log-sources.js";

const TASK_ID = "0123456789abcdef0123456789abcdef";
const task: Task = {
  taskArn: `arn:aws:ecs:eu-west-1:123456789012:task/prod/${TASK_ID}`,
  containers: [{ name: "app", runtimeId: "f".repeat(64) }, { name: "legacy" }],
};
const definition = (...containers: ContainerDefinition[]): TaskDefinition => ({
  family: "web",
  containerDefinitions: containers,
});
const awslogs = (name: string, options: Record<string, string>): ContainerDefinition => ({
  name,
  logConfiguration: { logDriver: "awslogs", options },
});

describe("logSourcesFor", () => {
  it("computes the awslogs stream prefix/container/taskId, with the group's region", () => {
    const def = definition(
      awslogs("app", {
        "awslogs-group": "/ecs/web",
        "awslogs-region": "us-east-1",
        "awslogs-stream-prefix": "ecs",
      }),
      awslogs("sidecar", { "awslogs-group": "/ecs/sidecar", "awslogs-stream-prefix": "web" }),
    );
    expect(logSourcesFor(task, def)).toEqual([
      {
        kind: "awslogs",
        taskId: TASK_ID,
        container: "app",
        group: "/ecs/web",
        region: "us-east-1",
        stream: `ecs/app/${TASK_ID}`,
      },
      // No awslogs-region: the task's own region.
      {
        kind: "awslogs",
        taskId: TASK_ID,
        container: "sidecar",
        group: "/ecs/sidecar",
        region: "eu-west-1",
        stream: `web/sidecar/${TASK_ID}`,
      },
    ]);
    expect(logSourcesFor(task, def, "sidecar").map((s) => s.container)).toEqual(["sidecar"]);
  });

  it("without a stream prefix uses the Docker id when ECS reported it, and explains otherwise", () => {
    const def = definition(
      awslogs("app", { "awslogs-group": "/ecs/web" }),
      awslogs("legacy", { "awslogs-group": "/ecs/web" }),
    );
    const [app, legacy] = logSourcesFor(task, def);
    expect(app).toMatchObject({ kind: "awslogs", stream: "f".repeat(64) });
    expect(legacy).toMatchObject({ kind: "elsewhere", driver: "awslogs" });
    expect(legacy?.kind === "elsewhere" && legacy.explanation).toMatch(/named after the Docker container id/);
  });

  it("says where FireLens sends logs: plugin, group and stream prefix for cloudwatch_logs", () => {
    const def = definition(
      { name: "log_router", firelensConfiguration: { type: "fluentbit" } },
      {
        name: "app",
        logConfiguration: {
          logDriver: "awsfirelens",
          options: {
            Name: "cloudwatch_logs",
            region: "us-east-1",
            log_group_name: "/fl/web",
            log_stream_prefix: "from-fb-",
          },
        },
      },
      {
        name: "api",
        logConfiguration: {
          logDriver: "awsfirelens",
          options: { Name: "kinesis_firehose", delivery_stream: "logs" },
        },
      },
    );
    const [, app, api] = logSourcesFor(task, def);
    expect(app).toMatchObject({ kind: "elsewhere", driver: "awsfirelens" });
    const text = (s: typeof app) => (s?.kind === "elsewhere" ? s.explanation : "");
    expect(text(app)).toContain("FireLens (fluentbit in container log_router)");
    expect(text(app)).toContain("group /fl/web in us-east-1");
    expect(text(app)).toContain(`streams from-fb-app-firelens-${TASK_ID}`);
    expect(text(api)).toBe(
      "FireLens (fluentbit in container log_router) → kinesis_firehose output (logs): not in CloudWatch Logs",
    );
  });

  it("explains other drivers and a missing logConfiguration", () => {
    const def = definition(
      {
        name: "a",
        logConfiguration: { logDriver: "splunk", options: { "splunk-url": "https://splunk:8088" } },
      },
      { name: "b" },
      { name: "c", logConfiguration: { logDriver: "json-file" } },
    );
    const [a, b, c] = logSourcesFor(task, def);
    expect(a).toEqual({
      kind: "elsewhere",
      taskId: TASK_ID,
      container: "a",
      driver: "splunk",
      explanation: "splunk log driver (splunk-url=https://splunk:8088): not in CloudWatch Logs",
    });
    expect(b).toMatchObject({ kind: "elsewhere", driver: "none" });
    expect(b?.kind === "elsewhere" && b.explanation).toMatch(/no logConfiguration/);
    expect(c?.kind === "elsewhere" && c.explanation).toMatch(/docker logs/);
  });

  it("builds the log group ARN Live Tail wants and reads it back", () => {
    const arn = logGroupArn(task.taskArn!, "us-east-1", "/ecs/web");
    expect(arn).toBe("arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web");
    expect(groupNameOf(arn!)).toBe("/ecs/web");
    expect(groupNameOf(`${arn}:*`)).toBe("/ecs/web");
    expect(logGroupArn("not-an-arn", "us-east-1", "/ecs/web")).toBeUndefined();
  });
});

describe("detectLevel", () => {
  it.each([
    ['{"level":"error","msg":"boom"}', "error"],
    ['{"severity":"WARNING","message":"slow"}', "warn"],
    ['{"level":30,"msg":"pino info"}', "info"],
    ['{"level":20}', "debug"],
    ["level=warn msg=retrying", "warn"],
    ["2026-01-15T09:30:00Z ERROR payment declined", "error"],
    ["[INFO] listening on :8080", "info"],
    ["W0115 09:30:00 not a marker we know", undefined],
    ["DEBUG: cache miss", "debug"],
    ["retrying after error", undefined],
    ["{not json", undefined],
  ] as const)("%s → %s", (message, level) => {
    expect(detectLevel(message)).toBe(level);
  });
});
