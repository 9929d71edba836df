// Failures of ECS exec and SSM sessions, explained the way amazon-ecs-exec-checker would: which
// permission, which setting or which agent is missing. The generic classification comes first.
import { classifyError, type AwsFailure } from "./failure.js";

const AGENT_HINT =
  "the SSM agent in the container is not connected: the task role needs ssmmessages:CreateControlChannel, " +
  "CreateDataChannel, OpenControlChannel and OpenDataChannel, and a private subnet needs a VPC endpoint " +
  "for ssmmessages (or a NAT gateway)";
const NOT_ENABLED_HINT =
  "turn on execute command for the service (enableExecuteCommand) and start new tasks: exec reaches only " +
  "tasks started after it was enabled";

/** Which IAM action a call needs, for the "denied" hint. */
const IAM_ACTION: Readonly<Record<string, string>> = {
  ExecuteCommand: "ecs:ExecuteCommand",
  StartSession: "ssm:StartSession",
  TerminateSession: "ssm:TerminateSession",
};

export function classifyExecError(operation: string, error: unknown): AwsFailure {
  const failure = classifyError(operation, error);
  if (failure.code === "TargetNotConnectedException" || failure.code === "TargetNotConnected") {
    return { ...failure, kind: "unavailable", hint: AGENT_HINT };
  }
  if (failure.kind === "denied") {
    return {
      ...failure,
      hint: `your identity needs permission for ${IAM_ACTION[operation] ?? operation}`,
    };
  }
  if (
    failure.kind === "invalid" &&
    /execute command was not enabled|execute command agent/i.test(failure.message)
  ) {
    return { ...failure, hint: NOT_ENABLED_HINT };
  }
  if (failure.kind === "unavailable" && isUnparsedPage(failure)) {
    // moto 5.2.1 answers operations it lacks with Flask's HTML debugger page and HTTP 500.
    return {
      ...failure,
      code: "NotImplemented",
      message: `the endpoint does not implement ${operation} (HTTP 500 with a page that is not an AWS answer)`,
      hint: "this AWS endpoint or emulator cannot open sessions; moto, for one, has no ExecuteCommand or StartSession",
    };
  }
  return failure;
}

/** A 5xx whose body the SDK could not read as an AWS error (an HTML page, not JSON). */
function isUnparsedPage(failure: AwsFailure): boolean {
  return failure.code === "SyntaxError" || /Deserialization error|is not valid JSON/i.test(failure.message);
}
