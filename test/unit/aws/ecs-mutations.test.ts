// The gateway side of actions (ecs-mutations.ts, and Application Auto Scaling's one mutation),
// through a real SDK client and a fake HTTP handler: mutations go out exactly once with exactly the
// action's parameters, while reads keep the client's retries.
import { ApplicationAutoScalingClient } from "@aws-sdk/client-application-auto-scaling";
import { DescribeServicesCommand, ECSClient } from "@aws-sdk/client-ecs";
import type { HttpHandler } from "@smithy/core/protocols";
import { describe, expect, it } from "vitest";
import { AutoScalingGateway, serviceResourceId } from "../../../source/aws/autoscaling-gateway.js";
import { EcsGateway } from "../../../source/aws/ecs-gateway.js";
import { awsError, fakeAwsHttp, fakeClientConfig } from "../../helpers/fake-aws-http.js";

const throttling = awsError(400, "ThrottlingException", "Rate exceeded");
const serverError = awsError(500, "ServerException", "Internal failure");
const credentials = { accessKeyId: "AKIDTEST", secretAccessKey: "test" };

// Throttling backoff is real, so attempts are kept low.
const ecsClient = (handler: HttpHandler, maxAttempts = 2) =>
  new ECSClient(fakeClientConfig(handler, maxAttempts));

describe("mutations go out once", () => {
  it("UpdateService is not retried when throttled, and the failure says so", async () => {
    const { handler, sent } = fakeAwsHttp(() => throttling);
    const result = await new EcsGateway(ecsClient(handler)).updateService({
      cluster: "prod",
      service: "web",
      desiredCount: 4,
    });
    expect(sent.map((s) => s.target)).toEqual(["UpdateService"]);
    expect(result).toMatchObject({ ok: false, failure: { kind: "throttled", operation: "UpdateService" } });
  });

  it.each([
    [
      "StopTask",
      (g: EcsGateway) => g.stopTask({ cluster: "prod", task: "t1", reason: "Stopped by deckhand (alice)" }),
    ],
    [
      "StopServiceDeployment",
      (g: EcsGateway) => g.stopServiceDeployment({ serviceDeploymentArn: "arn:x", stopType: "ROLLBACK" }),
    ],
  ])("%s is not retried after a 500", async (operation, call) => {
    const { handler, sent } = fakeAwsHttp(() => serverError);
    const result = await call(new EcsGateway(ecsClient(handler, 3)));
    expect(sent.map((s) => s.target)).toEqual([operation]);
    expect(result).toMatchObject({ ok: false, failure: { kind: "unavailable" } });
  });

  it("RegisterScalableTarget is not retried when throttled", async () => {
    const { handler, sent } = fakeAwsHttp(() => throttling);
    const client = new ApplicationAutoScalingClient({
      region: "us-east-1",
      credentials,
      requestHandler: handler,
      maxAttempts: 2,
    });
    const result = await new AutoScalingGateway(client).registerScalableTarget({
      ServiceNamespace: "ecs",
      ResourceId: serviceResourceId("arn:aws:ecs:us-east-1:1:cluster/prod", "web"),
      ScalableDimension: "ecs:service:DesiredCount",
      MinCapacity: 1,
      MaxCapacity: 4,
    });
    expect(sent.map((s) => s.target)).toEqual(["RegisterScalableTarget"]);
    expect(sent[0]?.body).toEqual({
      ServiceNamespace: "ecs",
      ResourceId: "service/prod/web",
      ScalableDimension: "ecs:service:DesiredCount",
      MinCapacity: 1,
      MaxCapacity: 4,
    });
    expect(result).toMatchObject({ ok: false, failure: { kind: "throttled" } });
  });

  it("while the same client still retries reads", async () => {
    const { handler, sent } = fakeAwsHttp(() => serverError);
    const client = ecsClient(handler);
    await expect(
      client.send(new DescribeServicesCommand({ cluster: "prod", services: ["web"] })),
    ).rejects.toThrow();
    expect(sent.map((s) => s.target)).toEqual(["DescribeServices", "DescribeServices"]);
  });
});

describe("what goes on the wire", () => {
  it("UpdateService carries only the action's fields: no task definition when scaling", async () => {
    const { handler, sent } = fakeAwsHttp(() => ({
      status: 200,
      body: { service: { serviceName: "web", desiredCount: 4 } },
    }));
    const result = await new EcsGateway(ecsClient(handler)).updateService({
      cluster: "prod",
      service: "web",
      desiredCount: 4,
    });
    expect(sent[0]?.body).toEqual({ cluster: "prod", service: "web", desiredCount: 4 });
    expect(result).toEqual({ ok: true, value: { serviceName: "web", desiredCount: 4 } });
  });
});
