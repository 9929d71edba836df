// Service deployments in the simulated account: ListServiceDeployments / DescribeServiceDeployments
// / DescribeServiceRevisions show a service's history as ECS names it, and StopServiceDeployment
// (ROLLBACK) takes an in-progress deployment back to the previous revision:
// ROLLBACK_REQUESTED -> ROLLBACK_IN_PROGRESS -> ROLLBACK_SUCCESSFUL.
import {
  DescribeServiceDeploymentsCommand,
  DescribeServiceRevisionsCommand,
  DescribeTasksCommand,
  ECSClient,
  ListServiceDeploymentsCommand,
  ListTasksCommand,
  StopServiceDeploymentCommand,
  UpdateServiceCommand,
  type ServiceDeployment,
} from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import type { FakeClock } from "../../../source/sim/index.js";
import { describeService, simulatedEcs } from "../../helpers/sim-client.js";
import { failure } from "../../helpers/sim-logs-client.js";

function setup() {
  return simulatedEcs({ throttle: false });
}

async function history(ecs: ECSClient, name: string, cluster = "prod") {
  return (
    (await ecs.send(new ListServiceDeploymentsCommand({ cluster, service: name }))).serviceDeployments ?? []
  );
}

async function describeDeployment(ecs: ECSClient, arn: string | undefined): Promise<ServiceDeployment> {
  const result = await ecs.send(
    new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn ?? ""] }),
  );
  const found = result.serviceDeployments?.[0];
  if (found === undefined) throw new Error(`no service deployment ${arn}`);
  return found;
}

async function taskDefinitionOf(
  ecs: ECSClient,
  revisionArn: string | undefined,
): Promise<string | undefined> {
  const result = await ecs.send(
    new DescribeServiceRevisionsCommand({ serviceRevisionArns: [revisionArn ?? ""] }),
  );
  return result.serviceRevisions?.[0]?.taskDefinition;
}

async function advanceUntil(
  clock: FakeClock,
  read: () => Promise<ServiceDeployment>,
  done: (deployment: ServiceDeployment) => boolean,
  limitMs = 15 * 60_000,
): Promise<ServiceDeployment> {
  let current = await read();
  for (let waited = 0; !done(current) && waited < limitMs; waited += 5000) {
    clock.advance(5000);
    current = await read();
  }
  return current;
}

describe("simulated ECS: service deployments", () => {
  it("shows a steady service's last deployment as SUCCESSFUL, with its revisions", async () => {
    const { ecs } = setup();
    const pricing = await describeService(ecs, "pricing");
    const [last, ...older] = await history(ecs, "pricing");
    expect(older).toEqual([]);
    expect(last).toMatchObject({
      serviceArn: pricing.serviceArn,
      clusterArn: pricing.clusterArn,
      status: "SUCCESSFUL",
    });
    expect(last?.serviceDeploymentArn).toMatch(
      /^arn:aws:ecs:us-east-1:123456789012:service-deployment\/prod\/pricing\/[A-Za-z0-9_-]{22}$/,
    );
    expect(pricing.currentServiceDeployment).toBe(last?.serviceDeploymentArn);
    expect(last?.targetServiceRevisionArn).toMatch(
      /^arn:aws:ecs:us-east-1:123456789012:service-revision\/prod\/pricing\/[1-9]\d{18}$/,
    );
    expect(last?.finishedAt?.getTime()).toBeLessThan(Date.UTC(2026, 0, 15, 9, 0));
    expect(await taskDefinitionOf(ecs, last?.targetServiceRevisionArn)).toBe(pricing.taskDefinition);

    const detail = await describeDeployment(ecs, last?.serviceDeploymentArn);
    expect(detail.targetServiceRevision).toMatchObject({ requestedTaskCount: 4, runningTaskCount: 4 });
    expect(detail.sourceServiceRevisions).toHaveLength(1);
    const previous = Number(pricing.taskDefinition?.split(":").pop()) - 1;
    expect(await taskDefinitionOf(ecs, detail.sourceServiceRevisions?.[0]?.arn)).toBe(
      pricing.taskDefinition?.replace(/:\d+$/, `:${previous}`),
    );
    expect(detail.deploymentCircuitBreaker?.status).toBe("MONITORING_COMPLETE");
    expect(pricing.currentServiceRevisions).toEqual([
      expect.objectContaining({
        arn: last?.targetServiceRevisionArn,
        requestedTaskCount: 4,
        runningTaskCount: 4,
      }),
    ]);
  });

  it("lists checkout's rollout IN_PROGRESS, newest first, and the one before SUCCESSFUL", async () => {
    const { ecs } = setup();
    const checkout = await describeService(ecs, "checkout");
    const [rollout, previous] = await history(ecs, "checkout");
    expect(rollout?.status).toBe("IN_PROGRESS");
    expect(previous?.status).toBe("SUCCESSFUL");
    expect(await taskDefinitionOf(ecs, rollout?.targetServiceRevisionArn)).toBe(checkout.taskDefinition);
    const detail = await describeDeployment(ecs, rollout?.serviceDeploymentArn);
    expect(detail.sourceServiceRevisions?.[0]?.arn).toBe(previous?.targetServiceRevisionArn);
    expect(detail.deploymentCircuitBreaker?.status).toBe("MONITORING");
    expect(detail.targetServiceRevision?.requestedTaskCount).toBe(6);

    const inProgress = await ecs.send(
      new ListServiceDeploymentsCommand({ cluster: "prod", service: "checkout", status: ["IN_PROGRESS"] }),
    );
    expect(inProgress.serviceDeployments?.map((d) => d.serviceDeploymentArn)).toEqual([
      rollout?.serviceDeploymentArn,
    ]);
    const page = await ecs.send(
      new ListServiceDeploymentsCommand({ cluster: "prod", service: "checkout", maxResults: 1 }),
    );
    const rest = await ecs.send(
      new ListServiceDeploymentsCommand({
        cluster: "prod",
        service: "checkout",
        maxResults: 1,
        nextToken: page.nextToken,
      }),
    );
    expect(
      [...(page.serviceDeployments ?? []), ...(rest.serviceDeployments ?? [])].map((d) => d.status),
    ).toEqual(["IN_PROGRESS", "SUCCESSFUL"]);
    expect(rest.nextToken).toBeUndefined();
  });

  it("rolls an in-progress deployment back on StopServiceDeployment: REQUESTED, IN_PROGRESS, SUCCESSFUL", async () => {
    const { ecs, clock, sim } = setup();
    const checkout = await describeService(ecs, "checkout");
    const newTaskDefinition = checkout.taskDefinition;
    const oldTaskDefinition = checkout.deployments?.[1]?.taskDefinition;
    expect(oldTaskDefinition).not.toBe(newTaskDefinition);
    const [rollout, previous] = await history(ecs, "checkout");
    const arn = rollout?.serviceDeploymentArn;

    const stopped = await ecs.send(
      new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType: "ROLLBACK" }),
    );
    expect(stopped.serviceDeploymentArn).toBe(arn);
    expect(sim.calls.mutations()).toEqual([
      expect.objectContaining({
        action: "ecs:StopServiceDeployment",
        input: { serviceDeploymentArn: arn, stopType: "ROLLBACK" },
        outcome: "ok",
      }),
    ]);
    const requested = await describeDeployment(ecs, arn);
    expect(requested.status).toBe("ROLLBACK_REQUESTED");

    const rollingBack = await advanceUntil(
      clock,
      () => describeDeployment(ecs, arn),
      (d) => d.status !== "ROLLBACK_REQUESTED",
    );
    expect(rollingBack.status).toBe("ROLLBACK_IN_PROGRESS");
    expect(rollingBack.rollback?.serviceRevisionArn).toBe(previous?.targetServiceRevisionArn);
    expect(rollingBack.rollback?.reason).toBeTruthy();
    expect(rollingBack.rollback?.startedAt?.getTime()).toBeLessThanOrEqual(clock.now());
    const during = await describeService(ecs, "checkout");
    expect(during.taskDefinition).toBe(oldTaskDefinition);
    expect(during.deployments?.[0]?.taskDefinition).toBe(oldTaskDefinition);
    expect(during.events?.map((event) => event.message)).toContainEqual(
      expect.stringMatching(/^\(service checkout\) rolling back to deployment ecs-svc\/\d+\.$/),
    );
    // Stopping it again while it rolls back is not an error: the rollback carries on.
    const again = await ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: arn }));
    expect(again.serviceDeploymentArn).toBe(arn);

    const done = await advanceUntil(
      clock,
      () => describeDeployment(ecs, arn),
      (d) => d.status !== "ROLLBACK_IN_PROGRESS",
    );
    expect(done.status).toBe("ROLLBACK_SUCCESSFUL");
    expect(done.finishedAt?.getTime()).toBeLessThanOrEqual(clock.now());
    const after = await describeService(ecs, "checkout");
    expect(after.deployments).toHaveLength(1);
    expect(after.deployments?.[0]?.rolloutState).toBe("COMPLETED");
    expect(after.runningCount).toBe(6);
    const arns =
      (await ecs.send(new ListTasksCommand({ cluster: "prod", serviceName: "checkout" }))).taskArns ?? [];
    const tasks = (await ecs.send(new DescribeTasksCommand({ cluster: "prod", tasks: arns }))).tasks ?? [];
    expect(tasks.every((task) => task.taskDefinitionArn === oldTaskDefinition)).toBe(true);
    expect((await history(ecs, "checkout"))[0]?.status).toBe("ROLLBACK_SUCCESSFUL");

    const finished = await failure(ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: arn })));
    expect(finished.name).toBe("ConflictException");
  });

  it("stops the previous service deployment when a newer one starts, and records forced deployments", async () => {
    const { ecs, clock } = setup();
    const [rollout] = await history(ecs, "checkout");
    await ecs.send(
      new UpdateServiceCommand({ cluster: "prod", service: "checkout", forceNewDeployment: true }),
    );
    const [forced, superseded] = await history(ecs, "checkout");
    expect(superseded?.serviceDeploymentArn).toBe(rollout?.serviceDeploymentArn);
    expect(superseded?.status).toBe("STOPPED");
    expect(superseded?.statusReason).toBeTruthy();
    expect((await describeDeployment(ecs, superseded?.serviceDeploymentArn)).stoppedAt).toBeInstanceOf(Date);
    expect(forced?.status).toBe("IN_PROGRESS");
    expect((await describeService(ecs, "checkout")).currentServiceDeployment).toBe(
      forced?.serviceDeploymentArn,
    );
    const source = (await describeDeployment(ecs, forced?.serviceDeploymentArn)).sourceServiceRevisions ?? [];
    expect(source).toHaveLength(2);
    const done = await advanceUntil(
      clock,
      () => describeDeployment(ecs, forced?.serviceDeploymentArn),
      (d) => d.status !== "IN_PROGRESS",
    );
    expect(done.status).toBe("SUCCESSFUL");
    expect(done.targetServiceRevision).toMatchObject({
      requestedTaskCount: 6,
      runningTaskCount: 6,
      pendingTaskCount: 0,
    });
  });

  it("reports the circuit breaker's rollback in staging as ROLLBACK_IN_PROGRESS, then ROLLBACK_SUCCESSFUL", async () => {
    const { ecs, clock } = setup();
    const [failing] = await history(ecs, "notifications", "staging");
    expect(failing?.status).toBe("IN_PROGRESS");
    const statuses = new Set<string>();
    const done = await advanceUntil(
      clock,
      async () => {
        const detail = await describeDeployment(ecs, failing?.serviceDeploymentArn);
        statuses.add(detail.status ?? "");
        return detail;
      },
      (d) => d.status === "ROLLBACK_SUCCESSFUL",
    );
    expect(statuses.has("ROLLBACK_IN_PROGRESS")).toBe(true);
    expect(done.status).toBe("ROLLBACK_SUCCESSFUL");
    expect(done.statusReason).toMatch(/circuit breaker/);
    expect(done.deploymentCircuitBreaker).toMatchObject({ status: "TRIGGERED", threshold: 3 });
    expect(done.deploymentCircuitBreaker?.failureCount).toBeGreaterThanOrEqual(3);
    expect(done.rollback?.serviceRevisionArn).toBe(done.sourceServiceRevisions?.[0]?.arn);
  });

  it("answers unknown and finished service deployments, and bad batches, with ECS's errors", async () => {
    const { ecs } = setup();
    const [last] = await history(ecs, "pricing");
    const finished = await failure(
      ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: last?.serviceDeploymentArn })),
    );
    expect(finished.name).toBe("ConflictException");
    const unknownArn =
      "arn:aws:ecs:us-east-1:123456789012:service-deployment/prod/pricing/AAAAAAAAAAAAAAAAAAAAAA";
    const unknown = await failure(
      ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: unknownArn })),
    );
    expect(unknown.name).toBe("ServiceDeploymentNotFoundException");
    const described = await ecs.send(
      new DescribeServiceDeploymentsCommand({
        serviceDeploymentArns: [unknownArn, last?.serviceDeploymentArn ?? ""],
      }),
    );
    expect(described.serviceDeployments).toHaveLength(1);
    expect(described.failures).toEqual([{ arn: unknownArn, reason: "MISSING" }]);
    const empty = await failure(
      ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [] })),
    );
    expect(empty.name).toBe("InvalidParameterException");
    const tooMany = await failure(
      ecs.send(
        new DescribeServiceDeploymentsCommand({
          serviceDeploymentArns: Array(21).fill(unknownArn) as string[],
        }),
      ),
    );
    expect(tooMany.name).toBe("InvalidParameterException");
    const noService = await failure(
      ecs.send(new ListServiceDeploymentsCommand({ cluster: "prod", service: "nope" })),
    );
    expect(noService.name).toBe("ServiceNotFoundException");
    const noCluster = await failure(
      ecs.send(new ListServiceDeploymentsCommand({ cluster: "nope", service: "pricing" })),
    );
    expect(noCluster.name).toBe("ClusterNotFoundException");
    const badStatus = await failure(
      ecs.send(
        new ListServiceDeploymentsCommand({
          cluster: "prod",
          service: "pricing",
          status: ["DONE" as "SUCCESSFUL"],
        }),
      ),
    );
    expect(badStatus.name).toBe("InvalidParameterException");
  });
});
