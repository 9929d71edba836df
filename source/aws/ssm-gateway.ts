// SSM Session Manager for port forwarding to a task: StartSession opens the session that
// session-manager-plugin then attaches to, TerminateSession closes it. Both are sent once: a
// retried StartSession would leave a second session open that nobody terminates (docs/aws.md,
// "Port forwarding").
import type { SSMClient } from "@aws-sdk/client-ssm";
import { singleAttempt } from "./ecs-gateway.js";
import { classifyExecError } from "./exec-failure.js";
import { fail, ok, type Result } from "./failure.js";
import type { PortForwardTarget, SsmSession } from "./ssm-session.js";

export class SsmGateway {
  constructor(private readonly client: Pick<SSMClient, "send">) {}

  async startSession(request: PortForwardTarget): Promise<Result<SsmSession>> {
    try {
      // Loaded on first use, as the client is (connection.ts): the package is large.
      const { StartSessionCommand } = await import("@aws-sdk/client-ssm");
      const command = new StartSessionCommand({
        Target: request.target,
        DocumentName: request.documentName,
        Parameters: request.parameters,
      });
      singleAttempt(command);
      const out = await this.client.send(command);
      if (!out.SessionId || !out.StreamUrl || !out.TokenValue)
        throw new Error(`no session returned for ${request.target}`);
      return ok({ sessionId: out.SessionId, streamUrl: out.StreamUrl, tokenValue: out.TokenValue });
    } catch (error) {
      return fail(classifyExecError("StartSession", error));
    }
  }

  async terminateSession(sessionId: string): Promise<Result<void>> {
    try {
      const { TerminateSessionCommand } = await import("@aws-sdk/client-ssm");
      const command = new TerminateSessionCommand({ SessionId: sessionId });
      singleAttempt(command);
      await this.client.send(command);
      return ok(undefined);
    } catch (error) {
      return fail(classifyExecError("TerminateSession", error));
    }
  }
}
