// SsmGateway (StartSession, TerminateSession: sent once, failures explained) and what the
// connection gives the exec engine: the SSM client (endpoint overrides, the simulator), the SSM
// endpoint for session-manager-plugin, and resolved credentials.
import { DescribeTasksCommand } from "@aws-sdk/client-ecs";
import { SSMClient } from "@aws-sdk/client-ssm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { connect, ssmEndpoint } from "../../../source/aws/connection.js";
import { SsmGateway } from "../../../source/aws/ssm-gateway.js";
import type { PortForwardTarget } from "../../../source/aws/ssm-session.js";
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
import { listenAws } from "../../helpers/loopback-aws.js";
import { failureOf } from "../../helpers/results.js";

const forward: PortForwardTarget = {
  target: "ecs:prod_0123456789abcdef0123456789abcdef_0123456789abcdef0123456789abcdef-1234567890",
  documentName: "AWS-StartPortForwardingSessionToRemoteHost",
  parameters: { host: ["db.internal"], portNumber: ["5432"], localPortNumber: ["15432"] },
};

const gatewayAnswering = (answer: FakeAnswer) => {
  const { handler, sent } = fakeAwsHttp(() => answer);
  return { gateway: new SsmGateway(new SSMClient(fakeClientConfig(handler))), sent };
};

describe("SsmGateway.startSession", () => {
  it("sends StartSession once with the target, document and parameters, and returns the session", async () => {
    const { gateway, sent } = gatewayAnswering({
      status: 200,
      body: { SessionId: "demo-0abc", StreamUrl: "wss://x/y", TokenValue: "tok" },
    });
    expect(await gateway.startSession(forward)).toEqual({
      ok: true,
      value: { sessionId: "demo-0abc", streamUrl: "wss://x/y", tokenValue: "tok" },
    });
    expect(sent).toEqual([
      {
        target: "StartSession",
        body: { Target: forward.target, DocumentName: forward.documentName, Parameters: forward.parameters },
      },
    ]);
  });

  it("explains TargetNotConnected, names ssm:StartSession when denied, and is not retried on 500", async () => {
    const notConnected = gatewayAnswering(
      awsError(400, "TargetNotConnected", `${forward.target} is not connected.`),
    );
    const failure = failureOf(await notConnected.gateway.startSession(forward));
    expect(failure).toMatchObject({ kind: "unavailable", code: "TargetNotConnected" });
    expect(failure.hint).toMatch(/ssmmessages/);

    const denied = gatewayAnswering(awsError(400, "AccessDeniedException", "not authorized"));
    expect(failureOf(await denied.gateway.startSession(forward)).hint).toBe(
      "your identity needs permission for ssm:StartSession",
    );

    const moto = gatewayAnswering(MOTO_NOT_IMPLEMENTED);
    const unimplemented = failureOf(await moto.gateway.startSession(forward));
    expect(unimplemented.kind).toBe("unavailable");
    expect(unimplemented.message).toMatch(/does not implement StartSession/);
    expect(moto.sent).toHaveLength(1);
  });
});

describe("SsmGateway.terminateSession", () => {
  it("sends TerminateSession once and returns nothing", async () => {
    const { gateway, sent } = gatewayAnswering({ status: 200, body: { SessionId: "demo-0abc" } });
    expect(await gateway.terminateSession("demo-0abc")).toEqual({ ok: true, value: undefined });
    expect(sent).toEqual([{ target: "TerminateSession", body: { SessionId: "demo-0abc" } }]);
  });

  it("reports a failure without retrying", async () => {
    const { gateway, sent } = gatewayAnswering(awsError(500, "InternalServerError", "boom"));
    expect(failureOf(await gateway.terminateSession("demo-0abc"))).toMatchObject({
      kind: "unavailable",
      operation: "TerminateSession",
      code: "InternalServerError",
    });
    expect(sent).toHaveLength(1);
  });
});

describe("the connection's SSM side", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("in demo mode: the SSM client reaches the simulator, static credentials, the regional endpoint", async () => {
    const sim = createSimulatedAccount({ now: createFakeClock().now, throttle: false });
    const connection = await connect({ requestHandler: sim.requestHandler, env: {} });
    expect(connection.ssmEndpoint).toBe("https://ssm.us-east-1.amazonaws.com");
    expect(await connection.credentials()).toEqual({ accessKeyId: "DEMO", secretAccessKey: "demo" });

    const ready = execCases(sim).ready;
    if (!ready) throw new Error("the default world has no ready exec case");
    // The target the AWS CLI builds: the container's runtimeId from DescribeTasks.
    const described = await connection.ecs.send(
      new DescribeTasksCommand({ cluster: ready.cluster, tasks: [ready.taskId] }),
    );
    const runtimeId = described.tasks?.[0]?.containers?.find((c) => c.name === ready.container)?.runtimeId;
    const gateway = new SsmGateway(connection.ssm);
    const started = await gateway.startSession({
      target: `ecs:prod_${ready.taskId}_${runtimeId}`,
      documentName: "AWS-StartPortForwardingSession",
      parameters: { portNumber: ["8080"], localPortNumber: ["18080"] },
    });
    if (!started.ok) throw new Error(started.failure.message);
    expect(decodeSessionToken(started.value.tokenValue)).toMatchObject({ kind: "port" });
    expect(await gateway.terminateSession(started.value.sessionId)).toEqual({ ok: true, value: undefined });
    expect(sim.ssm.active()).toEqual([]);
  });

  it("hands out the resolved credentials, session token included", async () => {
    vi.stubEnv("AWS_ACCESS_KEY_ID", "AKIDENV");
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", "secret-env");
    vi.stubEnv("AWS_SESSION_TOKEN", "token-env");
    vi.stubEnv("AWS_PROFILE", undefined);
    const connection = await connect({ region: "eu-west-1", env: {} });
    expect(await connection.credentials()).toEqual({
      accessKeyId: "AKIDENV",
      secretAccessKey: "secret-env",
      sessionToken: "token-env",
    });
    expect(connection.ssmEndpoint).toBe("https://ssm.eu-west-1.amazonaws.com");
  });

  it("sends SSM calls to --endpoint-url and to AWS_ENDPOINT_URL_SSM", async () => {
    const server = await listenAws();
    try {
      vi.stubEnv("AWS_ACCESS_KEY_ID", "AKIDENV");
      vi.stubEnv("AWS_SECRET_ACCESS_KEY", "secret-env");
      vi.stubEnv("AWS_PROFILE", undefined);
      const flag = await connect({ region: "us-east-1", endpointUrl: server.url, env: {} });
      expect(flag.ssmEndpoint).toBe(server.url);
      expect((await new SsmGateway(flag.ssm).terminateSession("demo-1")).ok).toBe(true);

      vi.stubEnv("AWS_ENDPOINT_URL_SSM", server.url);
      const env = { AWS_ENDPOINT_URL_SSM: server.url };
      const configured = await connect({ region: "us-east-1", env });
      expect(configured.ssmEndpoint).toBe(server.url);
      expect((await new SsmGateway(configured.ssm).terminateSession("demo-2")).ok).toBe(true);
      expect(server.seen.map((call) => call.target)).toEqual([
        "AmazonSSM.TerminateSession",
        "AmazonSSM.TerminateSession",
      ]);
    } finally {
      await server.close();
    }
  });
});

describe("ssmEndpoint", () => {
  it("follows the SDK's order: --endpoint-url, AWS_ENDPOINT_URL_SSM, AWS_ENDPOINT_URL, then the region", () => {
    const all = { AWS_ENDPOINT_URL_SSM: "http://ssm.local", AWS_ENDPOINT_URL: "http://all.local" };
    expect(ssmEndpoint({ endpointUrl: "http://flag.local" }, all, "us-east-1")).toBe("http://flag.local");
    expect(ssmEndpoint({}, all, "us-east-1")).toBe("http://ssm.local");
    expect(ssmEndpoint({}, { AWS_ENDPOINT_URL: "http://all.local" }, "us-east-1")).toBe("http://all.local");
    expect(ssmEndpoint({}, { ...all, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "true" }, "eu-central-1")).toBe(
      "https://ssm.eu-central-1.amazonaws.com",
    );
    expect(ssmEndpoint({}, {}, "cn-north-1")).toBe("https://ssm.cn-north-1.amazonaws.com.cn");
  });
});
