// The containers view's EXIT column: a code only once the container (or its task) stopped, in
// the error colour for an essential container and the warning colour for a sidecar.
import type { Task, TaskDefinition } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import type { EcsGateway } from "../../../source/aws/ecs-gateway.js";
import { ok } from "../../../source/aws/failure.js";
import { containerKind, type ContainerRow } from "../../../source/kinds/container.js";
import type { Column } from "../../../source/kinds/types.js";
import { loadContext } from "../../helpers/load-context.js";

const TASK_ARN = "arn:aws:ecs:us-east-1:123456789012:task/prod/0123456789abcdef0123456789abcdef";
const DEFINITION_ARN = "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3";

async function rowsOf(task: Task, definition: TaskDefinition | undefined): Promise<ContainerRow[]> {
  const gateway = {
    describeTasks: async () => ok([task]),
    describeTaskDefinition: async () =>
      definition
        ? ok(definition)
        : {
            ok: false,
            failure: { kind: "denied", operation: "DescribeTaskDefinition", code: "X", message: "x" },
          },
  } as unknown as EcsGateway;
  const scope = { clusterArn: "arn:aws:ecs:us-east-1:123456789012:cluster/prod", taskArn: TASK_ARN };
  const outcome = await containerKind.load(loadContext<ContainerRow>(gateway, scope));
  if (!outcome.ok) throw new Error(outcome.failure.message);
  return outcome.rows;
}

const exit = containerKind.columns.find((c) => c.header === "EXIT") as Column<ContainerRow>;
const shown = (rows: ContainerRow[]) =>
  rows.map((row) => [row.name, exit.value(row, 0), exit.tone?.(row) ?? "plain"]);

const definition: TaskDefinition = {
  taskDefinitionArn: DEFINITION_ARN,
  containerDefinitions: [
    { name: "app", essential: true },
    { name: "log-router", essential: false },
  ],
};

describe("containers view EXIT", () => {
  it("shows no exit code for a running container, even one the endpoint reports as 0", async () => {
    const task: Task = {
      taskArn: TASK_ARN,
      taskDefinitionArn: DEFINITION_ARN,
      lastStatus: "RUNNING",
      containers: [
        { name: "app", lastStatus: "RUNNING", exitCode: 0 },
        { name: "log-router", lastStatus: "RUNNING" },
      ],
    };
    expect(shown(await rowsOf(task, definition))).toEqual([
      ["app", "", "plain"],
      ["log-router", "", "plain"],
    ]);
  });

  it("colours a failed essential container as an error and a failed sidecar as a warning", async () => {
    const task: Task = {
      taskArn: TASK_ARN,
      taskDefinitionArn: DEFINITION_ARN,
      lastStatus: "STOPPED",
      containers: [
        { name: "app", lastStatus: "STOPPED", exitCode: 137 },
        { name: "log-router", lastStatus: "STOPPED", exitCode: 1 },
      ],
    };
    expect(shown(await rowsOf(task, definition))).toEqual([
      ["app", "137", "bad"],
      ["log-router", "1", "warn"],
    ]);
    // Without the task definition, every container counts as essential.
    expect(shown(await rowsOf(task, undefined))).toEqual([
      ["app", "137", "bad"],
      ["log-router", "1", "bad"],
    ]);
  });
});
