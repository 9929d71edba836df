// Which rollback applies: StopServiceDeployment while a deployment is pending or in progress,
// otherwise (or when that API is unavailable) an update to the previous task definition.
import { describe, expect, it } from "vitest";
import type { ServiceDeploymentBrief } from "@aws-sdk/client-ecs";
import {
  planRollback,
  rollbackAction,
  type RollbackPlan,
} from "../../../../source/features/actions/rollback.js";
import { fail, ok, type Result } from "../../../../source/aws/failure.js";
import { SCOPE, failure, service, tdArn } from "./fixtures.js";

const DEPLOYMENT = "arn:aws:ecs:us-east-1:123456789012:service-deployment/prod/web/abc";

function reads(
  deployments: Result<ServiceDeploymentBrief[]>,
  revisions: Result<string[]> = ok([tdArn("web:3"), tdArn("web:2"), tdArn("web:1")]),
) {
  const asked: string[] = [];
  return {
    asked,
    ecs: {
      listServiceDeployments: async (cluster: string, name: string) => {
        asked.push(`ListServiceDeployments ${cluster}/${name}`);
        return deployments;
      },
      listTaskDefinitionArns: async (family: string) => {
        asked.push(`ListTaskDefinitions ${family}`);
        return revisions;
      },
    },
  };
}

const unimplemented = fail<ServiceDeploymentBrief[]>(
  failure("unavailable", "UnknownError", "Internal Server Error", "ListServiceDeployments"),
);

describe("planRollback", () => {
  it.each(["IN_PROGRESS", "PENDING"] as const)("stops a %s deployment with ROLLBACK", async (status) => {
    const { ecs } = reads(ok([{ serviceDeploymentArn: DEPLOYMENT, status }]));
    expect(await planRollback(ecs, service())).toMatchObject({
      kind: "stop-deployment",
      serviceDeploymentArn: DEPLOYMENT,
    });
  });

  it("does nothing while a rollback is already under way", async () => {
    const { ecs } = reads(ok([{ serviceDeploymentArn: DEPLOYMENT, status: "ROLLBACK_IN_PROGRESS" }]));
    expect(await planRollback(ecs, service())).toEqual({
      kind: "none",
      why: "web is already rolling back (ROLLBACK_IN_PROGRESS)",
    });
  });

  it("without the deployments API, returns to the task definition an unfinished rollout is replacing", async () => {
    const { ecs, asked } = reads(unimplemented);
    const rolling = service({
      taskDefinition: tdArn("web:3"),
      deployments: [
        { id: "new", status: "PRIMARY", taskDefinition: tdArn("web:3"), createdAt: new Date(2026, 0, 3) },
        { id: "old", status: "ACTIVE", taskDefinition: tdArn("web:1"), createdAt: new Date(2026, 0, 1) },
      ],
    });
    const plan = await planRollback(ecs, rolling);
    expect(plan).toEqual({
      kind: "previous-revision",
      taskDefinition: tdArn("web:1"),
      why: "The rollout to web:3 is under way; web goes back to web:1, which still has tasks (could not list service deployments: UnknownError).",
    });
    expect(asked).toEqual(["ListServiceDeployments prod/web"]);
  });

  it("with no deployment in progress, goes back to the newest earlier active revision", async () => {
    const { ecs, asked } = reads(ok([]), ok([tdArn("web:5"), tdArn("web:3"), tdArn("web:2")]));
    const plan = await planRollback(ecs, service({ taskDefinition: tdArn("web:5") }));
    expect(plan).toMatchObject({ kind: "previous-revision", taskDefinition: tdArn("web:3") });
    expect(asked).toEqual(["ListServiceDeployments prod/web", "ListTaskDefinitions web"]);
  });

  it("has nothing to go back to from the oldest revision", async () => {
    const { ecs } = reads(ok([]), ok([tdArn("web:1")]));
    expect(await planRollback(ecs, service({ taskDefinition: tdArn("web:1") }))).toEqual({
      kind: "none",
      why: "web:1 has no earlier active revision to go back to",
    });
  });

  it("says why when the revisions cannot be listed", async () => {
    const denied = failure("denied", "AccessDeniedException", "not allowed", "ListTaskDefinitions");
    const { ecs } = reads(ok([]), fail(denied));
    expect(await planRollback(ecs, service())).toEqual({
      kind: "none",
      why: "cannot list the revisions of web: AccessDeniedException: not allowed",
    });
  });
});

describe("rollbackAction", () => {
  const calls = (plan: RollbackPlan) => {
    const built = rollbackAction(SCOPE, service(), plan);
    return built.ok
      ? built.action.calls.map(({ operation, parameters }) => ({ operation, parameters }))
      : built.message;
  };

  it("turns each plan into its one call", () => {
    expect(calls({ kind: "stop-deployment", serviceDeploymentArn: DEPLOYMENT, why: "" })).toEqual([
      {
        operation: "StopServiceDeployment",
        parameters: { serviceDeploymentArn: DEPLOYMENT, stopType: "ROLLBACK" },
      },
    ]);
    expect(calls({ kind: "previous-revision", taskDefinition: tdArn("web:2"), why: "" })).toEqual([
      {
        operation: "UpdateService",
        parameters: { cluster: "prod", service: "web", taskDefinition: tdArn("web:2") },
      },
    ]);
    expect(calls({ kind: "none", why: "web is already rolling back" })).toBe("web is already rolling back");
  });
});
