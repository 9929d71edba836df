// Exec sessions and port forwards in the action log, beside the actions: they change no AWS
// resource, but they open a way into a container, which the user's own record should show.
import type { ActionLog, ActionLogEntry, SessionAction, SessionCall } from "../actions/action-log.js";
import { accountOf } from "../../core/arn.js";
import type { AwsScope } from "../actions/types.js";
import type { AwsFailure } from "../../aws/failure.js";

export interface ExecAttempt {
  action: SessionAction;
  title: string;
  /** Null when refused before a call was made (a diagnosis). */
  call: SessionCall | null;
  parameters: Record<string, unknown> | null;
  /** An ARN of what it acts on, for the account column. */
  resourceArn?: string;
  result: "ok" | "error" | "refused";
  error?: AwsFailure;
  reason?: string;
}

/**
 * Appends one line; a log that cannot be written is reported by the caller, not thrown.
 * Returns the error message when writing failed.
 */
export async function logExec(
  log: ActionLog,
  scope: AwsScope,
  attempt: ExecAttempt,
): Promise<string | undefined> {
  const entry: ActionLogEntry = {
    time: new Date().toISOString(),
    profile: scope.profile ?? null,
    account: (attempt.resourceArn && accountOf(attempt.resourceArn)) ?? null,
    region: scope.region,
    action: attempt.action,
    title: attempt.title,
    call: attempt.call,
    parameters: attempt.parameters,
    result: attempt.result,
    ...(attempt.error ? { error: { code: attempt.error.code, message: attempt.error.message } } : {}),
    ...(attempt.reason !== undefined ? { reason: attempt.reason } : {}),
  };
  try {
    await log.append(entry);
    return undefined;
  } catch (error) {
    return `the action log ${log.path} could not be written: ${error instanceof Error ? error.message : String(error)}`;
  }
}
