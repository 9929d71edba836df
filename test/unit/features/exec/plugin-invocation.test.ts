import { describe, expect, it } from "vitest";
import {
  execTarget,
  pluginInvocation,
  portForwardTarget,
  SESSION_RESPONSE_VARIABLE,
} from "../../../../source/features/exec/plugin-invocation.js";

const session = {
  sessionId: "ecs-execute-command-0abc",
  streamUrl: "wss://ssmmessages.eu-west-1.amazonaws.com/v1/data-channel/ecs-execute-command-0abc",
  tokenValue: "SECRET-TOKEN-VALUE",
};
const credentials = { accessKeyId: "ASIAEXAMPLE", secretAccessKey: "s3cr3t", sessionToken: "FwoGZX" };
const parentEnv = {
  PATH: "/usr/bin",
  HOME: "/home/me",
  AWS_PROFILE: "sso-prod",
  AWS_DEFAULT_PROFILE: "other",
  AWS_SESSION_TOKEN: "stale",
  AWS_ACCESS_KEY_ID: "AKIAOLD",
};
const target = "ecs:prod_0123456789abcdef0123456789abcdef_0123456789abcdef0123456789abcdef-2531612879";

describe("execTarget", () => {
  it("names cluster, task id and runtime id like the AWS CLI", () => {
    expect(
      execTarget(
        "arn:aws:ecs:eu-west-1:123456789012:cluster/prod",
        "arn:aws:ecs:eu-west-1:123456789012:task/prod/0123456789abcdef0123456789abcdef",
        "0123456789abcdef0123456789abcdef-2531612879",
      ),
    ).toBe(target);
    expect(execTarget("prod", "abc", "rid")).toBe("ecs:prod_abc_rid");
  });
});

describe("pluginInvocation", () => {
  const exec = pluginInvocation({
    pluginPath: "/usr/local/bin/session-manager-plugin",
    session,
    region: "eu-west-1",
    target: { target },
    endpoint: "https://ssm.eu-west-1.amazonaws.com",
    credentials,
    parentEnv,
  });

  it("passes the session only through the environment, never on argv", () => {
    expect(exec.command).toBe("/usr/local/bin/session-manager-plugin");
    expect(exec.args).toEqual([
      SESSION_RESPONSE_VARIABLE,
      "eu-west-1",
      "StartSession",
      "",
      JSON.stringify({ Target: target }),
      "https://ssm.eu-west-1.amazonaws.com",
    ]);
    expect(exec.args.join(" ")).not.toContain(session.tokenValue);
    expect(exec.args.join(" ")).not.toContain(credentials.secretAccessKey);
    expect(JSON.parse(exec.env[SESSION_RESPONSE_VARIABLE] ?? "")).toEqual(session);
  });

  it("gives the plugin resolved credentials and the region, and no profile", () => {
    expect(exec.env).toMatchObject({
      PATH: "/usr/bin",
      HOME: "/home/me",
      AWS_ACCESS_KEY_ID: "ASIAEXAMPLE",
      AWS_SECRET_ACCESS_KEY: "s3cr3t",
      AWS_SESSION_TOKEN: "FwoGZX",
      AWS_REGION: "eu-west-1",
      AWS_DEFAULT_REGION: "eu-west-1",
    });
    expect(exec.env).not.toHaveProperty("AWS_PROFILE");
    expect(exec.env).not.toHaveProperty("AWS_DEFAULT_PROFILE");
    expect(parentEnv.AWS_PROFILE).toBe("sso-prod");
  });

  it("drops a session token left in the parent environment when the credentials have none", () => {
    const longTerm = pluginInvocation({
      pluginPath: "session-manager-plugin",
      session,
      region: "us-east-1",
      target: { target },
      endpoint: "https://ssm.us-east-1.amazonaws.com",
      credentials: { accessKeyId: "AKIA", secretAccessKey: "x" },
      parentEnv,
    });
    expect(longTerm.env).not.toHaveProperty("AWS_SESSION_TOKEN");
    expect(longTerm.env.AWS_ACCESS_KEY_ID).toBe("AKIA");
  });

  it("passes a port forward's document and parameters on argv and the SSM-spelled session in the environment", () => {
    const forward = portForwardTarget({
      target,
      remotePort: 5432,
      localPort: 15432,
      remoteHost: "db.internal",
    });
    expect(forward).toEqual({
      target,
      documentName: "AWS-StartPortForwardingSessionToRemoteHost",
      parameters: { host: ["db.internal"], portNumber: ["5432"], localPortNumber: ["15432"] },
    });
    const invocation = pluginInvocation({
      pluginPath: "session-manager-plugin",
      session,
      region: "eu-west-1",
      target: forward,
      endpoint: "https://ssm.eu-west-1.amazonaws.com",
      credentials,
      parentEnv,
    });
    expect(JSON.parse(invocation.args[4] ?? "")).toEqual({
      Target: target,
      DocumentName: "AWS-StartPortForwardingSessionToRemoteHost",
      Parameters: { host: ["db.internal"], portNumber: ["5432"], localPortNumber: ["15432"] },
    });
    expect(JSON.parse(invocation.env[SESSION_RESPONSE_VARIABLE] ?? "")).toEqual({
      SessionId: session.sessionId,
      TokenValue: session.tokenValue,
      StreamUrl: session.streamUrl,
    });
    expect(invocation.args.join(" ")).not.toContain(session.tokenValue);
  });

  it("uses the plain port forwarding document without a remote host", () => {
    expect(portForwardTarget({ target, remotePort: 80, localPort: 8080 })).toEqual({
      target,
      documentName: "AWS-StartPortForwardingSession",
      parameters: { portNumber: ["80"], localPortNumber: ["8080"] },
    });
  });
});
