// SSM StartSession and TerminateSession on the simulated account: port-forwarding sessions on ECS
// task targets, TargetNotConnected where DescribeTasks shows no connected agent, the session
// registry tests use to prove deckhand terminated what it started, and the deny list.
import { DescribeTasksCommand, type ECSClient } from "@aws-sdk/client-ecs";
import { SSMClient, StartSessionCommand, TerminateSessionCommand } from "@aws-sdk/client-ssm";
import { describe, expect, it } from "vitest";
import { decodeSessionToken, execCases, type ExecCase, type SimOptions } from "../../../source/sim/index.js";
import { failure } from "../../helpers/sim-logs-client.js";
import { simulatedEcs } from "../../helpers/sim-client.js";

function setup(options: SimOptions = {}) {
  const { ecs, sim, clock } = simulatedEcs({ throttle: false, ...options });
  const ssm = new SSMClient({
    region: sim.region,
    credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "test" },
    requestHandler: sim.requestHandler,
    maxAttempts: 1,
  });
  return { ecs, ssm, sim, clock, cases: execCases(sim) };
}

function present<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the default world has no ${what}`);
  return value;
}

/** The SSM target of a case's app container, built the way the AWS CLI does (DescribeTasks' runtimeId). */
async function targetOf(ecs: ECSClient, exec: ExecCase): Promise<string> {
  const out = await ecs.send(new DescribeTasksCommand({ cluster: exec.cluster, tasks: [exec.taskId] }));
  const container = out.tasks?.[0]?.containers?.find((candidate) => candidate.name === exec.container);
  return `ecs:${exec.cluster}_${exec.taskId}_${present(container?.runtimeId, "runtimeId")}`;
}

describe("simulated SSM StartSession", () => {
  it("opens a port-forwarding session whose token carries the document and parameters", async () => {
    const { ecs, ssm, sim, clock, cases } = setup();
    const ready = present(cases.ready, "ready case");
    const target = await targetOf(ecs, ready);
    const out = await ssm.send(
      new StartSessionCommand({
        Target: target,
        DocumentName: "AWS-StartPortForwardingSession",
        Parameters: { portNumber: ["8080"], localPortNumber: ["18080"] },
      }),
    );
    expect(out.SessionId).toMatch(/^demo-[0-9a-f]{17}$/);
    expect(out.StreamUrl).toBe(
      `wss://ssmmessages.us-east-1.amazonaws.com/v1/data-channel/${out.SessionId}?role=publish_subscribe&cell-number=1`,
    );
    expect(decodeSessionToken(out.TokenValue ?? "")).toEqual({
      sim: "deckhand",
      kind: "port",
      target,
      document: "AWS-StartPortForwardingSession",
      parameters: { portNumber: ["8080"], localPortNumber: ["18080"] },
      os: "linux",
    });
    expect(sim.ssm.sessions()).toEqual([
      {
        sessionId: out.SessionId,
        kind: "port",
        target,
        document: "AWS-StartPortForwardingSession",
        started: clock.now(),
        terminated: undefined,
      },
    ]);
  });

  it("forwards to a remote host through the task", async () => {
    const { ecs, ssm, cases } = setup();
    const target = await targetOf(ecs, present(cases.ready, "ready case"));
    const out = await ssm.send(
      new StartSessionCommand({
        Target: target,
        DocumentName: "AWS-StartPortForwardingSessionToRemoteHost",
        Parameters: { host: ["db.internal"], portNumber: ["5432"], localPortNumber: ["15432"] },
      }),
    );
    expect(decodeSessionToken(out.TokenValue ?? "")?.parameters).toEqual({
      host: ["db.internal"],
      portNumber: ["5432"],
      localPortNumber: ["15432"],
    });
  });

  it("answers TargetNotConnected for a stopped agent, a task without exec, a gone task and a bad target", async () => {
    const { ecs, ssm, sim, cases } = setup();
    const targets = [
      await targetOf(ecs, present(cases.agentStopped, "agent-stopped case")),
      await targetOf(ecs, present(cases.disabled, "exec-disabled case")),
      `ecs:prod_${"0".repeat(32)}_${"0".repeat(32)}-1234567890`,
      "i-0123456789abcdef0",
    ];
    for (const target of targets) {
      const error = await failure(
        ssm.send(
          new StartSessionCommand({
            Target: target,
            DocumentName: "AWS-StartPortForwardingSession",
            Parameters: { portNumber: ["8080"] },
          }),
        ),
      );
      expect([error.name, error.message]).toEqual(["TargetNotConnected", `${target} is not connected.`]);
    }
    expect(sim.ssm.sessions()).toEqual([]);
  });

  it("refuses other documents and parameters the document does not take", async () => {
    const { ecs, ssm, cases } = setup();
    const target = await targetOf(ecs, present(cases.ready, "ready case"));
    const shell = await failure(ssm.send(new StartSessionCommand({ Target: target })));
    expect(shell.name).toBe("InvalidDocument");
    const start = (DocumentName: string, Parameters: Record<string, string[]>) =>
      failure(ssm.send(new StartSessionCommand({ Target: target, DocumentName, Parameters })));
    const missingPort = await start("AWS-StartPortForwardingSession", {});
    expect([missingPort.name, missingPort.message]).toEqual([
      "ValidationException",
      "Parameter portNumber is required by the document.",
    ]);
    const missingHost = await start("AWS-StartPortForwardingSessionToRemoteHost", { portNumber: ["5432"] });
    expect(missingHost.message).toBe("Parameter host is required by the document.");
    const badPort = await start("AWS-StartPortForwardingSession", { portNumber: ["70000"] });
    expect(badPort.message).toMatch(/port number/);
    const hostOnPlain = await start("AWS-StartPortForwardingSession", { portNumber: ["80"], host: ["x"] });
    expect(hostOnPlain.message).toBe("Parameter host is not defined by the document.");
  });
});

describe("simulated SSM TerminateSession", () => {
  it("terminates once, stays idempotent, and the registry shows what is still open", async () => {
    const { ecs, ssm, sim, clock, cases } = setup();
    const target = await targetOf(ecs, present(cases.ready, "ready case"));
    const start = () =>
      ssm.send(
        new StartSessionCommand({
          Target: target,
          DocumentName: "AWS-StartPortForwardingSession",
          Parameters: { portNumber: ["8080"] },
        }),
      );
    const first = await start();
    const second = await start();
    expect(second.SessionId).not.toBe(first.SessionId);
    clock.advance(5_000);
    const terminated = await ssm.send(new TerminateSessionCommand({ SessionId: first.SessionId }));
    expect(terminated.SessionId).toBe(first.SessionId);
    const at = clock.now();
    clock.advance(5_000);
    await ssm.send(new TerminateSessionCommand({ SessionId: first.SessionId }));
    await ssm.send(new TerminateSessionCommand({ SessionId: "demo-00000000000000000" }));
    expect(sim.ssm.sessions().map((session) => [session.sessionId, session.terminated])).toEqual([
      [first.SessionId, at],
      [second.SessionId, undefined],
    ]);
    expect(sim.ssm.active().map((session) => session.sessionId)).toEqual([second.SessionId]);
    expect(sim.calls.mutations().map((record) => [record.action, record.outcome])).toEqual([
      ["ssm:StartSession", "ok"],
      ["ssm:StartSession", "ok"],
      ["ssm:TerminateSession", "ok"],
      ["ssm:TerminateSession", "ok"],
      ["ssm:TerminateSession", "ok"],
    ]);
  });
});

describe("denied SSM sessions", () => {
  it('refuses StartSession with "ssm:*", naming the task, and opens nothing', async () => {
    const { ecs, ssm, sim, cases } = setup({ deny: "ssm:*" });
    const ready = present(cases.ready, "ready case");
    const error = await failure(
      ssm.send(
        new StartSessionCommand({
          Target: await targetOf(ecs, ready),
          DocumentName: "AWS-StartPortForwardingSession",
          Parameters: { portNumber: ["8080"] },
        }),
      ),
    );
    expect(error.name).toBe("AccessDeniedException");
    expect(error.message).toBe(
      `User: arn:aws:iam::123456789012:user/demo is not authorized to perform: ssm:StartSession on resource: ${ready.taskArn} because no identity-based policy allows the ssm:StartSession action`,
    );
    expect(sim.ssm.sessions()).toEqual([]);
  });

  it('"*" denies the new mutations too', async () => {
    const { ssm } = setup({ deny: "*" });
    const error = await failure(ssm.send(new TerminateSessionCommand({ SessionId: "demo-1" })));
    expect(error.name).toBe("AccessDeniedException");
    expect(error.message).toContain(
      "ssm:TerminateSession on resource: arn:aws:ssm:us-east-1:123456789012:session/demo-1",
    );
  });
});
