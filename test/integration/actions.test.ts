// Actions against moto_server over real HTTP: each is built from what the gateways describe,
// confirmed and run through the ActionRunner, then checked by describing the resource again. moto
// quirks that shape these checks (docs/aws.md, "moto 5.2.1: services and tasks"): update_service
// sets runningCount to the new desiredCount at once, forceNewDeployment only gives deployments[0] a
// new id, and ListServiceDeployments is not implemented (HTTP 500), so rollback takes its fallback
// path.
import { ApplicationAutoScalingClient } from "@aws-sdk/client-application-auto-scaling";
import {
  CreateClusterCommand,
  CreateServiceCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  type ECSClient,
  type Service,
} from "@aws-sdk/client-ecs";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionLogPath, fileActionLog } from "../../source/features/actions/action-log.js";
import { autoscalingRangeAction } from "../../source/features/actions/autoscaling-range.js";
import { changeRevisionAction } from "../../source/features/actions/change-revision.js";
import { outcomeText } from "../../source/features/actions/outcome-text.js";
import { restartAction } from "../../source/features/actions/restart.js";
import { planRollback, rollbackAction } from "../../source/features/actions/rollback.js";
import { ActionRunner } from "../../source/features/actions/runner.js";
import { scaleAction } from "../../source/features/actions/scale.js";
import { stopTasksAction } from "../../source/features/actions/stop-tasks.js";
import type { Built } from "../../source/features/actions/types.js";
import { AutoScalingGateway, serviceResourceId } from "../../source/aws/autoscaling-gateway.js";
import { connect } from "../../source/aws/connection.js";
import { EcsGateway } from "../../source/aws/ecs-gateway.js";
import {
  MOTO_CREDENTIALS,
  MOTO_REGION,
  motoEcsClient,
  startMoto,
  stubMotoCredentialEnv,
  type MotoServer,
} from "../helpers/moto.js";
import { value } from "../helpers/results.js";

const CLUSTER = "actions";
const SCOPE = { region: MOTO_REGION };
const USER = "tester";

let moto: MotoServer;
let ecsClient: ECSClient;
let autoscalingClient: ApplicationAutoScalingClient;
let ecs: EcsGateway;
let autoscaling: AutoScalingGateway;
let runner: ActionRunner;
let stateDir: string;
/** family → task definition ARNs, oldest first */
const revisions: Record<string, string[]> = {};

beforeAll(async () => {
  moto = await startMoto();
  ecsClient = motoEcsClient(moto.endpoint);
  // No retries: moto answers 500 for what it does not implement (docs/aws.md, "moto 5.2.1:
  // unimplemented operations").
  autoscalingClient = new ApplicationAutoScalingClient({
    endpoint: moto.endpoint,
    region: MOTO_REGION,
    credentials: MOTO_CREDENTIALS,
    maxAttempts: 1,
  });
  ecs = new EcsGateway(ecsClient);
  autoscaling = new AutoScalingGateway(autoscalingClient);
  stateDir = mkdtempSync(join(tmpdir(), "deckhand-state-"));
  runner = new ActionRunner({
    gateways: { ecs, autoscaling },
    log: fileActionLog(actionLogPath({ XDG_STATE_HOME: stateDir })),
    scope: SCOPE,
    readOnly: undefined,
  });

  await ecsClient.send(new CreateClusterCommand({ clusterName: CLUSTER }));
  for (const [family, image] of [
    ["web", "nginx"],
    ["worker", "python"],
    ["api", "node"],
    ["batch", "busybox"],
  ] as const) {
    revisions[family] = [];
    for (let revision = 1; revision <= 3; revision += 1) {
      const out = await ecsClient.send(
        new RegisterTaskDefinitionCommand({
          family,
          containerDefinitions: [
            { name: family, image: `${image}:${revision}`, memory: 128 * revision, essential: true },
          ],
        }),
      );
      revisions[family].push(out.taskDefinition!.taskDefinitionArn!);
    }
  }
  for (const family of ["web", "worker", "api"]) {
    const service = await ecsClient.send(
      new CreateServiceCommand({
        cluster: CLUSTER,
        serviceName: family,
        taskDefinition: revisions[family]!.at(-1),
        desiredCount: 2,
        launchType: "FARGATE",
      }),
    );
    // moto never starts a service's tasks (docs/aws.md, "moto 5.2.1: services and tasks"): run them
    // the way ECS would tag them.
    await ecsClient.send(
      new RunTaskCommand({
        cluster: CLUSTER,
        taskDefinition: revisions[family]!.at(-1),
        count: 2,
        launchType: "FARGATE",
        startedBy: service.service!.deployments![0]!.id,
        group: `service:${family}`,
      }),
    );
  }
});

afterAll(async () => {
  ecsClient?.destroy();
  autoscalingClient?.destroy();
  await moto?.stop();
  if (stateDir) rmSync(stateDir, { recursive: true, force: true });
});

async function describeService(name: string): Promise<Service> {
  const [service] = value(await ecs.describeServices(CLUSTER, [name]));
  if (!service) throw new Error(`no service ${name}`);
  return service;
}

/** Confirms (typing `typed` when asked) and runs; returns the outcome's text, failing on refusal. */
async function confirmAndRun(built: Built, typed?: string): Promise<string> {
  if (!built.ok) throw new Error(built.message);
  const confirmed = await runner.confirm(built.action, typed);
  if (!confirmed.ok) throw new Error(confirmed.message);
  const outcome = await runner.run(confirmed.token);
  if (outcome.kind !== "done") throw new Error(outcomeText(outcome));
  return outcomeText(outcome);
}

describe("actions against moto", () => {
  it("scales a service", async () => {
    expect(await confirmAndRun(scaleAction(SCOPE, await describeService("web"), "5"))).toBe(
      "web: desired count 2 → 5",
    );
    expect(await describeService("web")).toMatchObject({
      desiredCount: 5,
      taskDefinition: revisions.web!.at(-1),
    });
  });

  it("scales to 0 only after the service name is typed", async () => {
    // moto reports the tasks of a new service as pending (runningCount 0, docs/aws.md, "moto 5.2.1:
    // services and tasks"); they count too.
    const built = scaleAction(SCOPE, await describeService("api"), "0");
    if (!built.ok) throw new Error(built.message);
    expect(await runner.confirm(built.action, "nope")).toMatchObject({ ok: false, refused: false });
    await confirmAndRun(built, "api");
    expect((await describeService("api")).desiredCount).toBe(0);
  });

  it("forces a new deployment", async () => {
    const before = await describeService("worker");
    expect(await confirmAndRun(restartAction(SCOPE, before))).toBe("worker: new deployment started");
    const after = await describeService("worker");
    expect(after.deployments?.[0]?.id).toBeDefined();
    expect(after.deployments?.[0]?.id).not.toBe(before.deployments?.[0]?.id);
    expect(after.taskDefinition).toBe(before.taskDefinition);
  });

  it("stops a task with a reason naming deckhand and the user", async () => {
    const [arn] = value(await ecs.listTaskArns(CLUSTER, { desiredStatus: "RUNNING" }));
    const [running] = value(await ecs.describeTasks(CLUSTER, [arn!]));
    await confirmAndRun(stopTasksAction(SCOPE, [running!], USER));
    const [stopped] = value(await ecs.describeTasks(CLUSTER, [arn!]));
    expect(stopped).toMatchObject({
      desiredStatus: "STOPPED",
      lastStatus: "STOPPED",
      stoppedReason: "Stopped by deckhand (tester)",
    });
  });

  it("changes the task definition revision, showing the diff first", async () => {
    const service = await describeService("web");
    const [newest, older] = value(await ecs.listTaskDefinitionArns("web"));
    expect([newest, older]).toEqual([revisions.web![2], revisions.web![1]]);
    const current = value(await ecs.describeTaskDefinition(newest!));
    const chosen = value(await ecs.describeTaskDefinition(older!));
    const built = changeRevisionAction(SCOPE, service, current, chosen);
    if (!built.ok) throw new Error(built.message);
    const changed = built.action.diff?.filter((line) => line.kind !== "same");
    // Keys sorted: image and memory are neighbours, so both old lines come before both new ones.
    expect(changed?.map((line) => `${line.kind} ${line.text.trim()}`)).toEqual([
      'removed "image": "nginx:3",',
      'removed "memory": 384,',
      'added "image": "nginx:2",',
      'added "memory": 256,',
    ]);
    await confirmAndRun(built);
    expect((await describeService("web")).taskDefinition).toBe(older);
  });

  it("rolls back to the previous revision when ListServiceDeployments is unavailable", async () => {
    const service = await describeService("worker");
    const plan = await planRollback(ecs, service);
    expect(plan).toMatchObject({ kind: "previous-revision", taskDefinition: revisions.worker![1] });
    expect(plan.why).toMatch(/could not list service deployments/);
    await confirmAndRun(rollbackAction(SCOPE, service, plan));
    expect((await describeService("worker")).taskDefinition).toBe(revisions.worker![1]);
  });

  it("registers auto scaling min/max, then changes them, and scaling warns outside them", async () => {
    const resourceId = serviceResourceId(CLUSTER, "web");
    const web = await describeService("web");
    expect(value(await autoscaling.describeScalableTarget(resourceId))).toBeUndefined();

    await confirmAndRun(autoscalingRangeAction(SCOPE, web, "1", "4"));
    const registered = value(await autoscaling.describeScalableTarget(resourceId));
    expect(registered).toMatchObject({ ResourceId: resourceId, MinCapacity: 1, MaxCapacity: 4 });

    expect(await confirmAndRun(autoscalingRangeAction(SCOPE, web, "2", "8", registered))).toBe(
      "web: auto scaling min 2, max 8",
    );
    const changed = value(await autoscaling.describeScalableTarget(resourceId));
    expect(changed).toMatchObject({ MinCapacity: 2, MaxCapacity: 8 });

    const outside = scaleAction(SCOPE, await describeService("web"), "9", changed);
    expect(outside.ok && outside.action.warnings[0]).toMatch(/between 2 and 8/);
    expect(value(await autoscaling.describeScalingPolicies(resourceId))).toEqual([]);
    expect(value(await autoscaling.describeScheduledActions(resourceId))).toEqual([]);
  });

  it("reaches Application Auto Scaling through the connection's lazily made client", async () => {
    const unstubEnv = stubMotoCredentialEnv();
    try {
      const connection = await connect({ endpointUrl: moto.endpoint, region: MOTO_REGION });
      const target = value(
        await new AutoScalingGateway(connection.autoscaling).describeScalableTarget(
          serviceResourceId(CLUSTER, "web"),
        ),
      );
      expect(target).toMatchObject({ MinCapacity: 2, MaxCapacity: 8 });
      connection.ecs.destroy();
      connection.autoscaling.destroy();
    } finally {
      unstubEnv();
    }
  });

  it("logged every call it sent", () => {
    const lines = readFileSync(actionLogPath({ XDG_STATE_HOME: stateDir }), "utf8")
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as { action: string; call: string; result: string; account: string });
    expect(lines.map((l) => `${l.action} ${l.call} ${l.result}`)).toEqual([
      "scale UpdateService ok",
      "scale UpdateService ok",
      "restart UpdateService ok",
      "stop-tasks StopTask ok",
      "change-revision UpdateService ok",
      "rollback UpdateService ok",
      "autoscaling-range RegisterScalableTarget ok",
      "autoscaling-range RegisterScalableTarget ok",
    ]);
    expect(new Set(lines.map((l) => l.account))).toEqual(new Set(["123456789012"]));
  });
});
