// Sends actions, safely by construction:
// - run() takes only a token that confirm() issued, once; an action object alone cannot be sent,
//   and a token cannot be replayed or used on another runner;
// - in read-only mode confirm() refuses (and logs it), so no token exists to send anything with,
//   whatever the UI shows. Read-only is fixed for a runner's life: a new profile means a new runner;
// - every attempt, refusal and cancellation goes to the action log.
import type { AutoScalingGateway } from "../../aws/autoscaling-gateway.js";
import type { EcsGateway } from "../../aws/ecs-gateway.js";
import type { AwsFailure, Result } from "../../aws/failure.js";
import type { ActionLog, ActionLogEntry } from "./action-log.js";
import { accountOf } from "../../core/arn.js";
import type { Action, ActionId, AwsScope, PlannedCall } from "./types.js";

export interface RunnerGateways {
  ecs: Pick<EcsGateway, "updateService" | "stopTask" | "stopServiceDeployment">;
  autoscaling: Pick<AutoScalingGateway, "registerScalableTarget">;
}

export interface RunnerOptions {
  gateways: RunnerGateways;
  log: ActionLog;
  scope: AwsScope;
  /** Why every action is refused (see readOnlyReason), or undefined when actions are allowed. */
  readOnly: string | undefined;
  now?: () => Date;
}

/** Proof that the user confirmed one action; good for one run() on the runner that issued it. */
export interface ConfirmToken {
  readonly title: string;
}

export type ConfirmResult =
  { ok: true; token: ConfirmToken } | { ok: false; message: string; refused: boolean };

interface OutcomeBase {
  action: Action;
  /** Set when the action log could not be written. */
  logError?: string;
}

export type ActionOutcome = OutcomeBase &
  (
    | { kind: "done" }
    | { kind: "failed"; failedCall: PlannedCall; failure: AwsFailure; succeeded: number; notSent: number }
    | { kind: "cancelled" }
  );

export class ActionRunner {
  private readonly confirmed = new WeakMap<ConfirmToken, Action>();
  private readonly now: () => Date;

  constructor(private readonly options: RunnerOptions) {
    this.now = options.now ?? (() => new Date());
  }

  get readOnlyReason(): string | undefined {
    return this.options.readOnly;
  }

  /**
   * `typed` is what the user typed when the action asks for a typed confirmation. In read-only
   * mode the refusal is logged and no token is issued.
   */
  async confirm(action: Action, typed?: string): Promise<ConfirmResult> {
    const reason = this.options.readOnly;
    if (reason !== undefined) {
      const { logError } = await this.logAll(action, { result: "refused", reason });
      const note = logError ? ` (${logError})` : "";
      return { ok: false, message: `read-only: ${reason}; nothing was sent${note}`, refused: true };
    }
    const { confirmation } = action;
    if (confirmation.kind === "typed" && typed?.trim() !== confirmation.expected) {
      return { ok: false, message: `type ${confirmation.expected} exactly to confirm`, refused: false };
    }
    const token: ConfirmToken = Object.freeze({ title: action.title });
    // A copy: changing the action object after confirmation cannot change what is sent.
    this.confirmed.set(token, structuredClone(action));
    return { ok: true, token };
  }

  /**
   * Logs an action refused at its key in read-only mode, before any call was formed, and returns
   * why the log could not be written, if it could not.
   */
  async refuseAtKey(action: ActionId, title: string): Promise<string | undefined> {
    const reason = this.options.readOnly;
    if (reason === undefined) return undefined;
    const { scope } = this.options;
    return this.write({
      time: this.now().toISOString(),
      profile: scope.profile ?? null,
      account: null,
      region: scope.region,
      action,
      title,
      call: null,
      parameters: null,
      result: "refused",
      reason,
    });
  }

  async cancel(action: Action): Promise<ActionOutcome> {
    const logError = await this.logAll(action, { result: "cancelled" });
    return { kind: "cancelled", action, ...logError };
  }

  async run(token: ConfirmToken): Promise<ActionOutcome> {
    const action = this.confirmed.get(token);
    if (!action) throw new Error("ActionRunner.run needs a token from this runner's confirm(), used once");
    this.confirmed.delete(token);

    let logError: string | undefined;
    for (const [index, call] of action.calls.entries()) {
      const result = await this.send(call);
      const written = await this.write(
        this.entry(
          action,
          call,
          result.ok ? { result: "ok" } : { result: "error", error: errorOf(result.failure) },
        ),
      );
      logError ??= written;
      if (!result.ok) {
        return {
          kind: "failed",
          action,
          failedCall: call,
          failure: result.failure,
          succeeded: index,
          notSent: action.calls.length - index - 1,
          ...(logError ? { logError } : {}),
        };
      }
    }
    return { kind: "done", action, ...(logError ? { logError } : {}) };
  }

  private send(call: PlannedCall): Promise<Result<unknown>> {
    const { ecs, autoscaling } = this.options.gateways;
    switch (call.operation) {
      case "UpdateService":
        return ecs.updateService(call.parameters);
      case "StopTask":
        return ecs.stopTask(call.parameters);
      case "StopServiceDeployment":
        return ecs.stopServiceDeployment(call.parameters);
      case "RegisterScalableTarget":
        return autoscaling.registerScalableTarget(call.parameters);
    }
  }

  private async logAll(
    action: Action,
    outcome: Pick<ActionLogEntry, "result" | "reason">,
  ): Promise<{ logError?: string }> {
    let logError: string | undefined;
    for (const call of action.calls) {
      const written = await this.write(this.entry(action, call, outcome));
      logError ??= written;
    }
    return logError ? { logError } : {};
  }

  private entry(
    action: Action,
    call: PlannedCall,
    outcome: Pick<ActionLogEntry, "result" | "error" | "reason">,
  ): ActionLogEntry {
    const { scope } = this.options;
    return {
      time: this.now().toISOString(),
      profile: scope.profile ?? null,
      account: accountOf(action.resourceArn) ?? null,
      region: scope.region,
      action: action.id,
      title: action.title,
      call: call.operation,
      parameters: call.parameters,
      ...outcome,
    };
  }

  /** Returns why the entry could not be written: that is reported, but never stops an action. */
  private async write(entry: ActionLogEntry): Promise<string | undefined> {
    try {
      await this.options.log.append(entry);
      return undefined;
    } catch (error) {
      return `could not write the action log ${this.options.log.path}: ${(error as Error).message}`;
    }
  }
}

const errorOf = (failure: AwsFailure) => ({ code: failure.code, message: failure.message });
