// One message for the flash line: what happened, and for a failure, why and what the user can do.
import { describeFailure, type AwsFailure } from "../../aws/failure.js";
import type { ActionOutcome } from "./runner.js";
import type { PlannedCall } from "./types.js";

export function outcomeText(outcome: ActionOutcome): string {
  const logNote = outcome.logError ? ` (${outcome.logError})` : "";
  switch (outcome.kind) {
    case "done":
      return outcome.action.successText + logNote;
    case "cancelled":
      return `cancelled: ${outcome.action.title}; nothing was sent${logNote}`;
    case "failed": {
      const total = outcome.action.calls.length;
      const progress = outcome.succeeded > 0 ? ` after ${outcome.succeeded} of ${total} calls succeeded` : "";
      const rest = outcome.notSent > 0 ? ` The other ${outcome.notSent} were not sent.` : "";
      return `${outcome.action.title} failed${progress}: ${cause(outcome.failedCall, outcome.failure)}${rest}${logNote}`;
    }
  }
}

function cause(call: PlannedCall, failure: AwsFailure): string {
  const what = failure.message === failure.code ? failure.code : `${failure.code}: ${failure.message}`;
  switch (failure.kind) {
    case "denied":
      return `AWS denied ${call.operation}: your identity lacks ${missingPermission(call, failure)}. Ask for it, or use a profile that has it.`;
    case "throttled":
      return `AWS is rate limiting ${call.operation} for this account (${failure.message}). It was not retried: wait a few seconds and try again; other tools on this account share the limit.`;
    case "network":
    case "unavailable":
      return `${what}. The request may still have reached AWS: refresh and check before trying again.`;
    case "credentials":
    case "region":
      return describeFailure(failure);
    default:
      return what;
  }
}

/**
 * The IAM action to ask for. AWS names it in the message ("... is not authorized to perform:
 * iam:PassRole on resource ..."), which matters when it is not the call itself.
 */
function missingPermission(call: PlannedCall, failure: AwsFailure): string {
  const named = /not authorized to perform:?\s*([A-Za-z0-9-]+:[A-Za-z0-9*]+)/.exec(failure.message);
  return named?.[1] ?? `${call.service}:${call.operation}`;
}
