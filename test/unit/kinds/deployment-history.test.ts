// The deployments view lists, under the service's running deployments, the ones that finished
// (service deployments API), without the completed PRIMARY twice; = on the PRIMARY then compares it
// with the last finished one; a refused ListServiceDeployments leaves the running ones and says why.
import { UpdateServiceCommand } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { EcsGateway } from "../../../source/aws/ecs-gateway.js";
import { RequestBudget } from "../../../source/aws/request-budget.js";
import { deploymentKind, type DeploymentRow } from "../../../source/kinds/deployment.js";
import { diffPair } from "../../../source/features/describe/revision-diff.js";
import { loadContext } from "../../helpers/load-context.js";
import { describeService, simulatedEcs } from "../../helpers/sim-client.js";

async function load(gateway: EcsGateway, service: string) {
  const outcome = await deploymentKind.load(
    loadContext<DeploymentRow>(gateway, { clusterArn: "prod", clusterName: "prod", serviceName: service }),
  );
  if (!outcome.ok) throw new Error(outcome.failure.message);
  return outcome.rows;
}

const statuses = (rows: readonly DeploymentRow[]) => rows.map((row) => row.deployment.status);

describe("deployments view: finished deployments", () => {
  it("a steady service shows its PRIMARY once; after a restart completes, the one before is listed as finished", async () => {
    const { ecs, clock } = simulatedEcs({ throttle: false });
    const gateway = new EcsGateway(ecs, new RequestBudget());
    const before = await load(gateway, "pricing");
    expect(statuses(before)).toEqual(["PRIMARY"]);
    expect(deploymentKind.caption?.(before)).toBeUndefined();

    await ecs.send(
      new UpdateServiceCommand({ cluster: "prod", service: "pricing", forceNewDeployment: true }),
    );
    for (let waited = 0; waited < 30 * 60_000; waited += 5_000) {
      clock.advance(5_000);
      const service = await describeService(ecs, "pricing");
      if (service.deployments?.length === 1 && service.deployments[0]?.rolloutState === "COMPLETED") break;
    }
    const after = await load(gateway, "pricing");
    expect(statuses(after)).toEqual(["PRIMARY", "SUCCESSFUL"]);
    const [primary, finished] = after;
    expect(finished?.finished?.serviceDeploymentArn).toMatch(/service-deployment\/prod\/pricing\//);
    expect(finished?.deployment.taskDefinition).toBe(primary?.deployment.taskDefinition);
    expect(deploymentKind.columns.find((c) => c.header === "ROLLOUT")?.value(finished!, 0)).toBe("finished");
    expect(deploymentKind.columns.find((c) => c.header === "TASKS")?.value(finished!, 0)).toBe("-");
    expect(deploymentKind.describe(finished!)).toBe(finished?.finished);
  });

  it("= on the PRIMARY compares it with the last finished deployment on another revision", () => {
    const row = (status: string, taskDefinition: string, at: number, finished = false): DeploymentRow => ({
      id: `${status}-${at}`,
      deployment: { status, taskDefinition, createdAt: new Date(at) },
      service: {},
      ...(finished ? { finished: { serviceDeploymentArn: `arn:${at}` } } : {}),
    });
    const primary = row("PRIMARY", "web:5", 3_000);
    const rows = [primary, row("SUCCESSFUL", "web:5", 2_000, true), row("SUCCESSFUL", "web:4", 1_000, true)];
    expect(diffPair({ kind: "deployments", rows, row: primary, marked: new Set() })).toEqual({
      ok: true,
      before: "web:4",
      after: "web:5",
    });
    expect(diffPair({ kind: "deployments", rows: [primary], row: primary, marked: new Set() })).toMatchObject(
      {
        ok: false,
      },
    );
  });

  it("a refused ListServiceDeployments leaves the running deployments and says why in the caption", async () => {
    const { ecs } = simulatedEcs({ throttle: false, deny: ["ecs:ListServiceDeployments"] });
    const rows = await load(new EcsGateway(ecs, new RequestBudget()), "checkout");
    expect(statuses(rows)).toEqual(["PRIMARY", "ACTIVE"]);
    expect(deploymentKind.caption?.(rows)?.text).toMatch(/no finished deployments: .*ListServiceDeployments/);
  });
});
