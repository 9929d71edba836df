// An action is a pure description of what deckhand is about to do: the exact AWS calls, the same
// thing as `aws` CLI commands, and how carefully the user must confirm it. Nothing here sends
// anything; the runner does, after confirmation.
import type { ScalableTargetRange } from "../../aws/autoscaling-gateway.js";
import type { DeploymentStop, ServiceUpdate, TaskStop } from "../../aws/ecs-gateway.js";
import type { DiffLine } from "./line-diff.js";

export type ActionId =
  "scale" | "restart" | "stop-tasks" | "rollback" | "change-revision" | "toggle-exec" | "autoscaling-range";

/** Every call an action can make mutates something. */
export type AwsCall =
  | { service: "ecs"; operation: "UpdateService"; parameters: ServiceUpdate }
  | { service: "ecs"; operation: "StopTask"; parameters: TaskStop }
  | { service: "ecs"; operation: "StopServiceDeployment"; parameters: DeploymentStop }
  | {
      service: "application-autoscaling";
      operation: "RegisterScalableTarget";
      parameters: ScalableTargetRange;
    };

/** A call with its `aws` CLI equivalent, ready to show. */
export type PlannedCall = AwsCall & { cli: string };

export type Confirmation =
  | { kind: "plain" }
  /** The user must type `expected` (e.g. the service name) before the runner accepts. */
  | { kind: "typed"; expected: string; prompt: string };

export interface Action {
  id: ActionId;
  title: string;
  /** The ARN acted on (service or task): names the account in the action log. */
  resourceArn: string;
  /** Sent in order; the runner stops at the first failure. */
  calls: PlannedCall[];
  /** Stops or replaces running tasks. */
  destructive: boolean;
  confirmation: Confirmation;
  /** What will happen, one sentence a line. */
  details: string[];
  /** Worth reading before confirming, but not a reason to refuse. */
  warnings: string[];
  /** Current vs chosen task definition, for a revision change. */
  diff?: DiffLine[];
  /** Shown when every call succeeded. */
  successText: string;
}

/** An action, or why the input cannot become one. */
export type Built = { ok: true; action: Action } | { ok: false; message: string };

/** Where calls go: for the CLI equivalents and the action log. */
export interface AwsScope {
  profile?: string;
  region: string;
}
