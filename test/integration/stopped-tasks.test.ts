// The tasks view's running / stopped / all sets over real HTTP against moto_server: tasks run for
// two services of one cluster, some stopped with StopTask, and the view's own load for each set.
//
// What moto 5.2.1 does with it (docs/aws.md, "moto 5.2.1: services and tasks"), checked here rather
// than assumed:
// - ListTasks honours desiredStatus (RUNNING or STOPPED), but ignores serviceName and returns the
//   whole cluster: the view keeps to the service by the task's group ("service:<name>").
// - StopTask sets lastStatus and desiredStatus to STOPPED and the stoppedReason, but no stopCode
//   and no container exit code: the STOP REASON column shows the reason, and WHY stays empty
//   rather than guessing (only a stopCode says a user stopped it).
// - ListTasks does not page, so paging beyond 100 is unit-tested with a fake (task-set.test.ts);
//   here 105 running tasks go through DescribeTasks in batches of at most 100.
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeTasksCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
  type ECSClient,
} from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { EcsGateway } from "../../source/aws/ecs-gateway.js";
import { diagnoseStop } from "../../source/kinds/stop-diagnosis.js";
import { taskKind, type TaskRow } from "../../source/kinds/task.js";
import { withTaskSet } from "../../source/kinds/task-set.js";
import type { TaskSet } from "../../source/kinds/types.js";
import { motoEcsClient, startMoto, type MotoServer } from "../helpers/moto.js";
import { loadContext } from "../helpers/load-context.js";

const CLUSTER = "stops";
const API_RUNNING = 105;
const STOP_REASON = "Stopped by jane@example.com: stuck connection pool";

let moto: MotoServer;
let ecs: ECSClient;
let clusterArn: string;
const api: string[] = [];
const web: string[] = [];
let stoppedApi: string[];

beforeAll(async () => {
  moto = await startMoto();
  ecs = motoEcsClient(moto.endpoint);
  const cluster = await ecs.send(new CreateClusterCommand({ clusterName: CLUSTER }));
  clusterArn = cluster.cluster!.clusterArn!;
  await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: "app",
      containerDefinitions: [{ name: "app", image: "nginx:1.27", memory: 256, essential: true }],
    }),
  );
  for (const [name, arns, count] of [
    ["api", api, API_RUNNING + 3],
    ["web", web, 4],
  ] as const) {
    const service = await ecs.send(
      new CreateServiceCommand({
        cluster: CLUSTER,
        serviceName: name,
        taskDefinition: "app",
        desiredCount: 1,
      }),
    );
    const deployment = service.service!.deployments![0]!.id!;
    // run_task starts at most 10 at a time; service tasks carry the group ECS gives them.
    for (let left = count; left > 0; left -= 10) {
      const out = await ecs.send(
        new RunTaskCommand({
          cluster: CLUSTER,
          taskDefinition: "app",
          count: Math.min(10, left),
          launchType: "FARGATE",
          startedBy: deployment,
          group: `service:${name}`,
        }),
      );
      arns.push(...(out.tasks ?? []).map((task) => task.taskArn!));
    }
  }
  stoppedApi = api.slice(0, 3);
  for (const task of [...stoppedApi, web[0]!]) {
    await ecs.send(new StopTaskCommand({ cluster: CLUSTER, task, reason: STOP_REASON }));
  }
}, 120_000);

afterAll(async () => {
  ecs?.destroy();
  await moto?.stop();
});

async function load(set: TaskSet): Promise<TaskRow[]> {
  const scope = withTaskSet({ clusterArn, clusterName: CLUSTER, serviceName: "api" }, set);
  const outcome = await taskKind.load(loadContext(new EcsGateway(ecs), scope));
  if (!outcome.ok) throw new Error(outcome.failure.message);
  return outcome.rows;
}

const arnsOf = (rows: readonly TaskRow[]) => rows.map((row) => row.arn).sort();

describe("moto's ListTasks, as it really is", () => {
  it("honours desiredStatus but not serviceName", async () => {
    const stopped = await ecs.send(
      new ListTasksCommand({ cluster: CLUSTER, serviceName: "api", desiredStatus: "STOPPED" }),
    );
    expect(stopped.taskArns?.sort()).toEqual([...stoppedApi, web[0]!].sort());
    const described = await ecs.send(new DescribeTasksCommand({ cluster: CLUSTER, tasks: stoppedApi }));
    for (const task of described.tasks ?? []) {
      expect(task).toMatchObject({
        lastStatus: "STOPPED",
        desiredStatus: "STOPPED",
        stoppedReason: STOP_REASON,
      });
      expect(task.stopCode).toBeUndefined();
    }
  });
});

describe("the tasks view's load", () => {
  it("running (the default): the service's tasks that were not stopped, sent as ListTasks(serviceName, RUNNING)", async () => {
    const send = vi.spyOn(ecs, "send");
    try {
      const rows = await load("running");
      expect(arnsOf(rows)).toEqual(api.slice(3).sort());
      expect(rows).toHaveLength(API_RUNNING);
      expect(rows.every((row) => row.task.lastStatus === "RUNNING")).toBe(true);
      // moto says exitCode 0 for containers that are running: not an exit.
      const exit = taskKind.columns.find((column) => column.header === "EXIT")!;
      expect(rows.map((row) => exit.value(row, 0))).toEqual(rows.map(() => ""));
      const lists = send.mock.calls.map(([command]) => command).filter((c) => c instanceof ListTasksCommand);
      expect(lists.map((c) => c.input)).toEqual([
        expect.objectContaining({ cluster: clusterArn, serviceName: "api", desiredStatus: "RUNNING" }),
      ]);
      const batches = send.mock.calls
        .map(([command]) => command)
        .filter((c) => c instanceof DescribeTasksCommand)
        .map((c) => (c.input as { tasks: string[] }).tasks.length);
      expect(Math.max(...batches)).toBeLessThanOrEqual(100);
      expect(batches.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(API_RUNNING + 1); // web's too: moto
    } finally {
      send.mockRestore();
    }
  });

  it("stopped: only the api tasks StopTask stopped, with the reason it was given", async () => {
    const rows = await load("stopped");
    expect(arnsOf(rows)).toEqual([...stoppedApi].sort());
    const reason = taskKind.columns.find((column) => column.header === "STOP REASON")!;
    const why = taskKind.columns.find((column) => column.header === "WHY")!;
    for (const row of rows) {
      expect(reason.value(row, 0)).toBe(STOP_REASON);
      // No stopCode from moto: no diagnosis is better than a guess.
      expect(diagnoseStop(row.task, row.essential)).toBeUndefined();
      expect(why.value(row, 0)).toBe("");
    }
  });

  it("all: both, running first, still none of web's", async () => {
    const rows = await load("all");
    expect(arnsOf(rows)).toEqual([...api].sort());
    expect(rows.slice(0, API_RUNNING).every((row) => row.task.lastStatus === "RUNNING")).toBe(true);
    expect(rows.slice(API_RUNNING).every((row) => row.task.lastStatus === "STOPPED")).toBe(true);
  });
});
