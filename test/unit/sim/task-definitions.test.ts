// The task definitions the simulated account lists: ListTaskDefinitions offers a family's
// revisions for a rollback picker (newest first, in pages), and ListTaskDefinitionFamilies names
// every family once.
import { ListTaskDefinitionFamiliesCommand, ListTaskDefinitionsCommand } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { simulatedEcs } from "../../helpers/sim-client.js";
import { failure } from "../../helpers/sim-logs-client.js";

function setup() {
  return simulatedEcs({ throttle: false });
}

describe("simulated ECS: ListTaskDefinitions", () => {
  it("lists one family's revisions newest first with familyPrefix and sort DESC, in pages", async () => {
    const { ecs, sim } = setup();
    const latest = sim.world.families.get("pricing")?.latestRevision ?? 0;
    expect(latest).toBeGreaterThan(12);
    const first = await ecs.send(
      new ListTaskDefinitionsCommand({ familyPrefix: "pricing", sort: "DESC", maxResults: 5 }),
    );
    const revisions = (arns: string[] | undefined) => (arns ?? []).map((arn) => Number(arn.split(":").pop()));
    expect(revisions(first.taskDefinitionArns)).toEqual([0, 1, 2, 3, 4].map((step) => latest - step));
    expect(first.taskDefinitionArns?.[0]).toBe(
      `arn:aws:ecs:us-east-1:123456789012:task-definition/pricing:${latest}`,
    );
    const second = await ecs.send(
      new ListTaskDefinitionsCommand({
        familyPrefix: "pricing",
        sort: "DESC",
        maxResults: 5,
        nextToken: first.nextToken,
      }),
    );
    expect(revisions(second.taskDefinitionArns)).toEqual([5, 6, 7, 8, 9].map((step) => latest - step));

    const ascending = await ecs.send(
      new ListTaskDefinitionsCommand({ familyPrefix: "pricing", maxResults: 3 }),
    );
    expect(revisions(ascending.taskDefinitionArns)).toEqual([1, 2, 3]);
    // familyPrefix is a full family name: "pric" matches nothing.
    const partial = await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: "pric" }));
    expect(partial.taskDefinitionArns).toEqual([]);
    const inactive = await ecs.send(
      new ListTaskDefinitionsCommand({ familyPrefix: "pricing", status: "INACTIVE" }),
    );
    expect(inactive.taskDefinitionArns).toEqual([]);
    const badSort = await failure(ecs.send(new ListTaskDefinitionsCommand({ sort: "UP" as "ASC" })));
    expect(badSort.name).toBe("InvalidParameterException");
    const foreignToken = await failure(
      ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: "cart", nextToken: first.nextToken })),
    );
    expect(foreignToken.name).toBe("InvalidParameterException");
  });

  it("pages through every family in name order, each revision once", async () => {
    const { ecs, sim } = setup();
    const arns: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await ecs.send(new ListTaskDefinitionsCommand({ maxResults: 100, nextToken }));
      arns.push(...(page.taskDefinitionArns ?? []));
      nextToken = page.nextToken;
    } while (nextToken !== undefined);
    const total = [...sim.world.families.values()].reduce((sum, family) => sum + family.latestRevision, 0);
    expect(arns).toHaveLength(total);
    expect(new Set(arns).size).toBe(total);
    const families = arns.map((arn) => arn.split("/").pop()?.split(":")[0] ?? "");
    expect(families).toEqual([...families].sort());

    const payments = await ecs.send(new ListTaskDefinitionFamiliesCommand({ familyPrefix: "payments" }));
    expect(payments.families).toEqual(["payments-api", "payments-worker"]);
    const firstPage = await ecs.send(new ListTaskDefinitionFamiliesCommand({ maxResults: 2 }));
    const nextPage = await ecs.send(
      new ListTaskDefinitionFamiliesCommand({ maxResults: 2, nextToken: firstPage.nextToken }),
    );
    const all = [...new Set(families)];
    expect([...(firstPage.families ?? []), ...(nextPage.families ?? [])]).toEqual(all.slice(0, 4));
  });
});
