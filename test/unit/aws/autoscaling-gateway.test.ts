// The Application Auto Scaling gateway's failures, through a real SDK client and a fake HTTP
// handler (its RegisterScalableTarget going out once is in ecs-mutations.test.ts).
import { ApplicationAutoScalingClient } from "@aws-sdk/client-application-auto-scaling";
import { describe, expect, it } from "vitest";
import { AutoScalingGateway } from "../../../source/aws/autoscaling-gateway.js";
import { fakeAwsHttp } from "../../helpers/fake-aws-http.js";

const credentials = { accessKeyId: "AKIDTEST", secretAccessKey: "test" };

describe("AutoScalingGateway", () => {
  it("names the Application Auto Scaling permission when access is denied", async () => {
    const { handler } = fakeAwsHttp(() => ({
      status: 400,
      body: { __type: "AccessDeniedException", message: "no" },
    }));
    const client = new ApplicationAutoScalingClient({
      region: "us-east-1",
      credentials,
      requestHandler: handler,
    });
    const result = await new AutoScalingGateway(client).describeScalableTarget("service/prod/web");
    expect(result).toMatchObject({
      ok: false,
      failure: {
        kind: "denied",
        hint: "your identity needs permission for application-autoscaling:DescribeScalableTargets",
      },
    });
  });
});
