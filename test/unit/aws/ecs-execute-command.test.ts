// EcsGateway.executeCommand: sent once with interactive true, the session handed back whole, and
// every way it fails explained (agent not connected, exec not enabled, denied, an endpoint that
// does not implement it); then end to end on the simulated account through connect().
import { ECSClient } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { connect } from "../../../source/aws/connection.js";
import { EcsGateway, type ExecRequest } from "../../../source/aws/ecs-gateway.js";
import { describeFailure } from "../../../source/aws/failure.js";
import { ecsCategory } from "../../../source/aws/request-budget.js";
import {
  createFakeClock,
  createSimulatedAccount,
  decodeSessionToken,
  execCases,
} from "../../../source/sim/index.js";
import {
  awsError,
  fakeAwsHttp,
  fakeClientConfig,
  MOTO_NOT_IMPLEMENTED,
  type FakeAnswer,
} from "../../helpers/fake-aws-http.js";
import { failureOf } from "../../helpers/results.js";

const request: ExecRequest = { cluster: "prod", task: "0123abcd", container: "app", command: "/bin/sh" };

const gatewayAnswering = (answer: FakeAnswer) => {
  const { handler, sent } = fakeAwsHttp(() => answer);
  return { gateway: new EcsGateway(new ECSClient(fakeClientConfig(handler))), sent };
};

describe("EcsGateway.executeCommand", () => {
  it("sends ExecuteCommand once, interactive, and returns the session ECS opened", async () => {
    const session = { sessionId: "ecs-execute-command-0abc", streamUrl: "wss://x/y", tokenValue: "tok" };
    const { gateway, sent } = gatewayAnswering({
      status: 200,
      body: {
        clusterArn: "arn:aws:ecs:us-east-1:123456789012:cluster/prod",
        containerArn: "arn:aws:ecs:us-east-1:123456789012:container/prod/0123abcd/c1",
        containerName: "app",
        interactive: true,
        taskArn: "arn:aws:ecs:us-east-1:123456789012:task/prod/0123abcd",
        session,
      },
    });
    const result = await gateway.executeCommand(request);
    expect(result).toEqual({
      ok: true,
      value: {
        clusterArn: "arn:aws:ecs:us-east-1:123456789012:cluster/prod",
        taskArn: "arn:aws:ecs:us-east-1:123456789012:task/prod/0123abcd",
        containerName: "app",
        session,
      },
    });
    expect(sent).toEqual([{ target: "ExecuteCommand", body: { ...request, interactive: true } }]);
  });

  it("explains an agent that is not connected (IAM for ssmmessages, or a VPC endpoint)", async () => {
    const { gateway, sent } = gatewayAnswering(
      awsError(
        400,
        "TargetNotConnectedException",
        "The execute command failed due to an internal error. Try again later.",
      ),
    );
    const failure = failureOf(await gateway.executeCommand(request));
    expect(failure).toMatchObject({
      kind: "unavailable",
      operation: "ExecuteCommand",
      code: "TargetNotConnectedException",
    });
    expect(failure.hint).toMatch(/ssmmessages/);
    expect(failure.hint).toMatch(/VPC endpoint/);
    expect(sent).toHaveLength(1);
  });

  it("explains exec not enabled on the task", async () => {
    const { gateway } = gatewayAnswering(
      awsError(
        400,
        "InvalidParameterException",
        "The execute command failed because execute command was not enabled when the task was run or the execute command agent isn't running. Wait and try again or run a new task with execute command enabled and try again.",
      ),
    );
    const failure = failureOf(await gateway.executeCommand(request));
    expect(failure.kind).toBe("invalid");
    expect(failure.hint).toMatch(/enableExecuteCommand/);
  });

  it("names ecs:ExecuteCommand when access is denied", async () => {
    const { gateway } = gatewayAnswering(awsError(400, "AccessDeniedException", "User: x is not authorized"));
    const failure = failureOf(await gateway.executeCommand(request));
    expect(failure).toMatchObject({
      kind: "denied",
      hint: "your identity needs permission for ecs:ExecuteCommand",
    });
  });

  it("reports an endpoint that answers HTTP 500 with an HTML page (moto) as not implementing ExecuteCommand, once", async () => {
    const { gateway, sent } = gatewayAnswering(MOTO_NOT_IMPLEMENTED);
    const failure = failureOf(await gateway.executeCommand(request));
    expect(failure.kind).toBe("unavailable");
    expect(failure.message).toMatch(/does not implement ExecuteCommand/);
    expect(describeFailure(failure)).toMatch(
      /^ExecuteCommand: NotImplemented: the endpoint does not implement/,
    );
    expect(sent).toHaveLength(1);
  });

  it("is not retried when throttled", async () => {
    const { gateway, sent } = gatewayAnswering(awsError(400, "ThrottlingException", "Rate exceeded"));
    expect(failureOf(await gateway.executeCommand(request)).kind).toBe("throttled");
    expect(sent).toHaveLength(1);
  });

  it("draws from the cluster resource modify bucket", () => {
    expect(ecsCategory("ExecuteCommand")).toBe("cluster-resource-modify");
  });
});

describe("executeCommand on the simulated account", () => {
  it("opens a session through connect()'s client and explains the demo's refusals", async () => {
    const sim = createSimulatedAccount({ now: createFakeClock().now, throttle: false });
    const connection = await connect({ requestHandler: sim.requestHandler, env: {} });
    const gateway = new EcsGateway(connection.ecs);
    const cases = execCases(sim);
    const ready = cases.ready;
    if (!ready || !cases.disabled || !cases.agentStopped)
      throw new Error("the default world lacks exec cases");

    const opened = await gateway.executeCommand({
      cluster: ready.cluster,
      task: ready.taskArn,
      container: ready.container,
      command: "/bin/sh",
    });
    if (!opened.ok) throw new Error(describeFailure(opened.failure));
    expect(opened.value.taskArn).toBe(ready.taskArn);
    expect(decodeSessionToken(opened.value.session.tokenValue)).toMatchObject({
      kind: "exec",
      command: "/bin/sh",
    });

    const disabled = failureOf(
      await gateway.executeCommand({ ...cases.disabled, task: cases.disabled.taskId, command: "/bin/sh" }),
    );
    expect(disabled.hint).toMatch(/enableExecuteCommand/);
    const stopped = failureOf(
      await gateway.executeCommand({
        ...cases.agentStopped,
        task: cases.agentStopped.taskId,
        command: "/bin/sh",
      }),
    );
    expect(stopped.code).toBe("TargetNotConnectedException");
    expect(sim.calls.mutations().map((record) => record.operation)).toEqual([
      "ExecuteCommand",
      "ExecuteCommand",
      "ExecuteCommand",
    ]);
  });
});
