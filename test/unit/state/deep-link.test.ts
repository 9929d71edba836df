// --cluster/--service/--task against the simulated account through the real SDK: the stack is the
// one drilling down would build, with each cursor on the row drilled into; what is not there is said.
import { ListTasksCommand } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { EcsGateway } from "../../../source/aws/ecs-gateway.js";
import { fail } from "../../../source/aws/failure.js";
import { resolveDeepLink } from "../../../source/state/deep-link.js";
import { describeService, simulatedEcs } from "../../helpers/sim-client.js";

const PROD = "arn:aws:ecs:us-east-1:123456789012:cluster/prod";

describe("resolveDeepLink", () => {
  it("--cluster --service: clusters on prod, services on the service, its tasks on top", async () => {
    const { ecs } = simulatedEcs();
    const checkout = await describeService(ecs, "checkout");
    const opening = await resolveDeepLink(new EcsGateway(ecs), { cluster: "prod", service: "checkout" });
    expect(opening).toEqual({
      steps: [
        { kind: "clusters", scope: {}, cursorKey: PROD },
        {
          kind: "services",
          scope: { clusterArn: PROD, clusterName: "prod" },
          cursorKey: checkout.serviceArn,
        },
        { kind: "tasks", scope: { clusterArn: PROD, clusterName: "prod", serviceName: "checkout" } },
      ],
    });
  });

  it("--cluster --task (an ID): the task's service comes from the task, its containers on top", async () => {
    const { ecs } = simulatedEcs();
    const { taskArns } = await ecs.send(new ListTasksCommand({ cluster: "prod", serviceName: "checkout" }));
    const taskArn = taskArns![0]!;
    const taskId = taskArn.split("/").at(-1)!;
    const opening = await resolveDeepLink(new EcsGateway(ecs), { cluster: PROD, task: taskId });
    expect(opening.problem).toBeUndefined();
    expect(opening.steps.map((step) => [step.kind, step.cursorKey])).toEqual([
      ["clusters", PROD],
      ["services", (await describeService(ecs, "checkout")).serviceArn],
      ["tasks", taskArn],
      ["containers", undefined],
    ]);
    expect(opening.steps.at(-1)!.scope).toEqual({
      clusterArn: PROD,
      clusterName: "prod",
      serviceName: "checkout",
      taskArn,
    });
  });

  it.each([
    [{ cluster: "nope" }, 1, "no cluster nope"],
    [{ cluster: "prod", service: "nope" }, 2, "no service nope in cluster prod"],
    [
      { cluster: "prod", task: "0123456789abcdef0123456789abcdef" },
      2,
      "no task 0123456789abcdef0123456789abcdef in cluster prod",
    ],
  ])("%j: opens as deep as it can and says what is missing", async (link, depth, problem) => {
    const { ecs } = simulatedEcs();
    const opening = await resolveDeepLink(new EcsGateway(ecs), link);
    expect(opening.steps).toHaveLength(depth);
    expect(opening.problem).toBe(problem);
  });

  it("an AWS error is said with its cause, and the cluster list opens", async () => {
    const denied = fail({
      kind: "denied",
      operation: "DescribeClusters",
      code: "AccessDeniedException",
      message: "not authorized to perform ecs:DescribeClusters",
    });
    const refuse = async () => denied as never;
    const opening = await resolveDeepLink(
      { describeClusters: refuse, describeServices: refuse, describeTasks: refuse },
      { cluster: "prod" },
    );
    expect(opening.steps).toEqual([{ kind: "clusters", scope: {} }]);
    expect(opening.problem).toMatch(/^cluster prod: .*AccessDeniedException.*not authorized/);
  });
});
