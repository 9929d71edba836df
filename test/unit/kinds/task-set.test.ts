// The tasks view loads the set the toggle shows (running, stopped, all) of one service: ListTasks by
// serviceName and desiredStatus, paged to the end, DescribeTasks in batches of at most 100.
import {
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ListTasksCommand,
  type Task,
} from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { EcsGateway } from "../../../source/aws/ecs-gateway.js";
import { RequestBudget } from "../../../source/aws/request-budget.js";
import { taskKind, type TaskRow } from "../../../source/kinds/task.js";
import { nextTaskSet, withTaskSet } from "../../../source/kinds/task-set.js";
import type { Scope, TaskSet } from "../../../source/kinds/types.js";
import { runCommand, stackFor } from "../../../source/features/commands/commands.js";
import { AppStore, cacheKey } from "../../../source/state/app-store.js";
import type { AnyKind } from "../../../source/kinds/registry.js";
import { drawnColumns, shownColumns } from "../../../source/state/view-sort.js";
import { fakeGateway } from "../../helpers/fake-gateway.js";
import { loadContext } from "../../helpers/load-context.js";

const CLUSTER = "arn:aws:ecs:us-east-1:123456789012:cluster/prod";
const arnOf = (id: string) => `arn:aws:ecs:us-east-1:123456789012:task/prod/${id}`;
const DEFINITION = "arn:aws:ecs:us-east-1:123456789012:task-definition/api:7";

interface FakeTask extends Task {
  taskArn: string;
}

/** A cluster's tasks behind an ECS that pages like AWS, or like moto (no serviceName filter). */
function fakeEcs(options: { ignoreServiceName?: boolean } = {}) {
  const tasks = new Map<string, FakeTask>();
  const add = (service: string, count: number, status: "RUNNING" | "STOPPED") => {
    for (let i = 0; i < count; i++) {
      const id = `${service}-${status.toLowerCase()}-${String(i).padStart(4, "0")}`;
      tasks.set(arnOf(id), {
        taskArn: arnOf(id),
        group: `service:${service}`,
        lastStatus: status,
        desiredStatus: status,
        taskDefinitionArn: DEFINITION,
        startedAt: new Date(1_000_000 + i * 1000),
        ...(status === "STOPPED"
          ? {
              stopCode: "EssentialContainerExited",
              stoppedReason: "Essential container in task exited",
              stoppedAt: new Date(2_000_000 + i * 1000),
              containers: [
                {
                  name: "app",
                  exitCode: 137,
                  reason: "OutOfMemoryError: Container killed due to memory usage",
                },
                { name: "log-router", exitCode: 1 },
              ],
            }
          : { containers: [{ name: "app" }, { name: "log-router" }] }),
      });
    }
  };
  const calls: { name: string; input: Record<string, unknown> }[] = [];
  const send = async (command: { input: object; constructor: { name: string } }) => {
    const input = command.input as Record<string, unknown>;
    calls.push({ name: command.constructor.name, input });
    if (command instanceof ListTasksCommand) {
      const matching = [...tasks.values()].filter(
        (task) =>
          (options.ignoreServiceName || task.group === `service:${String(input.serviceName)}`) &&
          task.desiredStatus === (input.desiredStatus ?? "RUNNING"),
      );
      const start = input.nextToken ? Number(input.nextToken) : 0;
      const end = Math.min(matching.length, start + Number(input.maxResults ?? 100));
      return {
        taskArns: matching.slice(start, end).map((task) => task.taskArn),
        nextToken: end < matching.length ? String(end) : undefined,
      };
    }
    if (command instanceof DescribeTasksCommand) {
      const wanted = input.tasks as string[];
      if (wanted.length > 100 || wanted.length === 0) throw new Error(`bad batch of ${wanted.length}`);
      // Copies, as over the wire: a later change must not reach rows already loaded.
      const found = wanted.flatMap((arn) => tasks.get(arn) ?? []);
      return { tasks: found.map((task) => structuredClone(task)), failures: [] };
    }
    if (command instanceof DescribeTaskDefinitionCommand) {
      return {
        taskDefinition: {
          taskDefinitionArn: DEFINITION,
          containerDefinitions: [
            { name: "app", essential: true },
            { name: "log-router", essential: false },
          ],
        },
      };
    }
    throw new Error(`unexpected ${command.constructor.name}`);
  };
  const gateway = new EcsGateway({ send } as never, new RequestBudget());
  return { tasks, add, calls, gateway };
}

const scopeFor = (set: TaskSet): Scope =>
  withTaskSet({ clusterArn: CLUSTER, clusterName: "prod", serviceName: "api" }, set);

async function load(gateway: EcsGateway, set: TaskSet, previous?: readonly TaskRow[]): Promise<TaskRow[]> {
  const outcome = await taskKind.load(loadContext(gateway, scopeFor(set), { now: 3_000_000, previous }));
  if (!outcome.ok) throw new Error(outcome.failure.message);
  return outcome.rows;
}

const arnsOf = (rows: readonly TaskRow[]) => rows.map((row) => row.arn).sort();

const listCalls = (calls: { name: string; input: Record<string, unknown> }[]) =>
  calls.filter((call) => call.name === "ListTasksCommand").map((call) => call.input);

describe("tasks view load", () => {
  it("running (the default): every page of ListTasks(serviceName, RUNNING), none of the stopped", async () => {
    const ecs = fakeEcs();
    ecs.add("api", 250, "RUNNING");
    ecs.add("api", 130, "STOPPED");
    ecs.add("web", 40, "RUNNING");
    const rows = await load(ecs.gateway, "running");
    expect(rows).toHaveLength(250);
    expect(rows.every((row) => row.task.lastStatus === "RUNNING")).toBe(true);
    const lists = listCalls(ecs.calls);
    expect(lists).toHaveLength(3);
    expect(lists.every((input) => input.serviceName === "api" && input.desiredStatus === "RUNNING")).toBe(
      true,
    );
    expect(lists.map((input) => input.nextToken)).toEqual([undefined, "100", "200"]);
    const batches = ecs.calls.filter((call) => call.name === "DescribeTasksCommand");
    expect(batches.map((call) => (call.input.tasks as string[]).length)).toEqual([100, 100, 50]);
  });

  it("stopped: only ListTasks(STOPPED), paged past 100, most recently stopped first", async () => {
    const ecs = fakeEcs();
    ecs.add("api", 5, "RUNNING");
    ecs.add("api", 130, "STOPPED");
    const rows = await load(ecs.gateway, "stopped");
    expect(rows).toHaveLength(130);
    expect(listCalls(ecs.calls).map((input) => input.desiredStatus)).toEqual(["STOPPED", "STOPPED"]);
    expect(rows[0]!.arn).toBe(arnOf("api-stopped-0129"));
  });

  it("a refresh describes only the tasks it has not seen stopped: a STOPPED task never changes", async () => {
    const ecs = fakeEcs();
    ecs.add("api", 3, "RUNNING");
    ecs.add("api", 150, "STOPPED");
    const first = await load(ecs.gateway, "all");
    ecs.calls.length = 0;
    const second = await load(ecs.gateway, "all", first);
    expect(arnsOf(second)).toEqual(arnsOf(first));
    const described = ecs.calls
      .filter((call) => call.name === "DescribeTasksCommand")
      .flatMap((call) => call.input.tasks as string[]);
    expect(described.sort()).toEqual(
      first
        .filter((row) => row.task.lastStatus !== "STOPPED")
        .map((row) => row.arn)
        .sort(),
    );
    // Forgotten by ECS (an hour on): gone from the list, gone from the view.
    ecs.tasks.delete(arnOf("api-stopped-0000"));
    const third = await load(ecs.gateway, "all", second);
    expect(third).toHaveLength(152);
  });

  it("all: both lists, running tasks first", async () => {
    const ecs = fakeEcs();
    ecs.add("api", 120, "RUNNING");
    ecs.add("api", 101, "STOPPED");
    const rows = await load(ecs.gateway, "all");
    expect(rows).toHaveLength(221);
    expect(rows[0]!.task.lastStatus).toBe("RUNNING");
    expect(rows.at(-1)!.task.lastStatus).toBe("STOPPED");
  });

  it("keeps to the service's group when the endpoint ignores serviceName (moto)", async () => {
    const ecs = fakeEcs({ ignoreServiceName: true });
    ecs.add("api", 3, "STOPPED");
    ecs.add("web", 4, "STOPPED");
    const rows = await load(ecs.gateway, "stopped");
    expect(rows.map((row) => row.task.group)).toEqual(["service:api", "service:api", "service:api"]);
  });

  it("knows the essential containers from the task definition: a failed sidecar is not the culprit", async () => {
    const ecs = fakeEcs();
    ecs.add("api", 1, "STOPPED");
    const [row] = await load(ecs.gateway, "stopped");
    expect([...(row!.essential ?? [])]).toEqual(["app"]);
    const exit = taskKind.columns.find((column) => column.header === "EXIT")!;
    const why = taskKind.columns.find((column) => column.header === "WHY")!;
    expect(exit.value(row!, 0)).toBe("app:137 log-router:1");
    expect(exit.tone?.(row!)).toBe("bad");
    expect(why.value(row!, 0)).toBe("out of memory: app killed (137)");
  });

  it("running: a task someone stops is followed down to STOPPED, then leaves the list", async () => {
    const ecs = fakeEcs();
    ecs.add("api", 2, "RUNNING");
    const first = await load(ecs.gateway, "running");
    const leaving = ecs.tasks.get(arnOf("api-running-0000"))!;
    Object.assign(leaving, {
      desiredStatus: "STOPPED",
      lastStatus: "DEACTIVATING",
      stopCode: "UserInitiated",
      stoppedReason: "Task stopped by user",
    });
    const second = await load(ecs.gateway, "running", first);
    expect(second.map((row) => row.task.lastStatus).sort()).toEqual(["DEACTIVATING", "RUNNING"]);
    leaving.lastStatus = "STOPPED";
    const third = await load(ecs.gateway, "running", second);
    expect(third.find((row) => row.arn === leaving.taskArn)?.task.lastStatus).toBe("STOPPED");
    const fourth = await load(ecs.gateway, "running", third);
    expect(fourth.map((row) => row.arn)).toEqual([arnOf("api-running-0001")]);
  });

  it("EXIT and WHY are drawn only when a row has something to show in them", async () => {
    const ecs = fakeEcs();
    ecs.add("api", 2, "RUNNING");
    ecs.add("api", 1, "STOPPED");
    const headers = (rows: readonly TaskRow[]) =>
      drawnColumns(shownColumns(taskKind as AnyKind, false), rows, 0).map((column) => column.header);
    const running = await load(ecs.gateway, "running");
    expect(headers(running)).not.toContain("EXIT");
    expect(headers(running)).not.toContain("WHY");
    expect(headers(running)).toContain("STOP REASON");
    const all = await load(ecs.gateway, "all");
    expect(headers(all)).toEqual(expect.arrayContaining(["EXIT", "WHY"]));
  });

  it("titles say which set is shown; an empty stopped list says ECS keeps them about an hour", async () => {
    expect(taskKind.title(scopeFor("running"))).toBe("tasks(prod/api)[running]");
    expect(taskKind.title(scopeFor("stopped"))).toBe("tasks(prod/api)[stopped]");
    const ecs = fakeEcs();
    ecs.add("api", 2, "RUNNING");
    const outcome = await taskKind.load({
      gateway: ecs.gateway,
      scope: scopeFor("stopped"),
      now: 3_000_000,
      previous: undefined,
      visibleKeys: () => new Set(),
      memo: {},
      forced: false,
      publish: () => {},
    });
    expect(outcome).toMatchObject({ ok: true, rows: [], empty: expect.stringMatching(/about an hour/) });
  });
});

describe("the toggle", () => {
  it("cycles running → stopped → all → running", () => {
    expect([nextTaskSet("running"), nextTaskSet("stopped"), nextTaskSet("all")]).toEqual([
      "stopped",
      "all",
      "running",
    ]);
  });

  async function tasksStore() {
    const { gateway, world } = fakeGateway();
    world.tasks.set("cccc3333", "STOPPED");
    const store = new AppStore({ refreshMs: 60_000, now: () => 1_000_000 });
    void store.attach(gateway, []);
    await store.refresh(false);
    store.moveCursor(1); // prod
    store.drill();
    await store.refresh(false);
    store.drill(); // api
    await store.refresh(false);
    return store;
  }

  it("t in the tasks view: each set is its own view state, kept while the view is on the stack", async () => {
    const store = await tasksStore();
    const running = store.top();
    expect(store.kindOf(running).title(running.scope)).toMatch(/\[running\]$/);
    store.cycleTaskSet();
    await store.refresh(false);
    const stopped = store.top();
    expect(stopped.scope.taskSet).toBe("stopped");
    expect(store.getState().flash?.text).toMatch(/stopped tasks/);
    expect(cacheKey(stopped.kind, stopped.scope)).not.toBe(cacheKey(running.kind, running.scope));
    const idsOf = (rows: readonly unknown[] | undefined) =>
      (rows as TaskRow[] | undefined)?.map((row) => row.arn.slice(row.arn.lastIndexOf("/") + 1));
    expect(idsOf(store.entryOf(stopped)?.rows)).toEqual(["cccc3333"]);
    expect(idsOf(store.entryOf(running)?.rows)).toEqual(["aaaa1111", "bbbb2222"]);
    store.drill(); // a task's containers
    expect(store.top().kind).toBe("containers");
    expect(store.top().scope.taskSet).toBeUndefined();
    store.back();
    expect(store.top().scope.taskSet).toBe("stopped");
    store.cycleTaskSet();
    expect(store.top().scope.taskSet).toBe("all");
    store.cycleTaskSet();
    expect(store.top().scope.taskSet).toBeUndefined();
  });

  it("t does nothing outside a tasks view", async () => {
    const store = await tasksStore();
    store.back();
    const before = store.top();
    store.cycleTaskSet();
    expect(store.top()).toBe(before);
  });

  it(":tasks stopped|running|all opens that set; a bad word says which ones there are", () => {
    const top = {
      kind: "services" as const,
      scope: { clusterArn: CLUSTER, clusterName: "prod", serviceName: "api" },
    };
    expect(runCommand("tasks stopped", top)).toMatchObject({
      type: "open",
      kind: "tasks",
      scope: { taskSet: "stopped" },
    });
    expect(runCommand("tasks ALL", top)).toMatchObject({ scope: { taskSet: "all" } });
    const plain = runCommand("tasks running", top);
    expect(plain).toMatchObject({ type: "open", kind: "tasks" });
    expect(plain.type === "open" && plain.scope.taskSet).toBeUndefined();
    expect(runCommand("tasks dead", top)).toMatchObject({
      type: "flash",
      text: expect.stringMatching(/running, stopped, all/),
    });
  });

  it(":tasks stopped on an open tasks view switches that view rather than stacking another", () => {
    const service = { clusterArn: CLUSTER, clusterName: "prod", serviceName: "api" };
    const current = stackFor("tasks", service, []);
    const next = stackFor("tasks", withTaskSet(service, "stopped"), current);
    expect(next).toHaveLength(current.length);
    expect(next.at(-1)!.scope.taskSet).toBe("stopped");
    // :containers from the stopped view keeps the stopped tasks view under it
    const deeper = stackFor("containers", { ...service, taskArn: arnOf("x") }, next);
    expect(deeper.at(-2)!.scope.taskSet).toBe("stopped");
  });
});
