// After an action went through, the rows it changed say so ("⟳ scaling 3→5") until a refreshed row
// shows the change done: the desired count reached, the new deployment rolled out, the task
// stopped, the new min/max in place. The rules read the resource a row stands for (a kind's
// `subject`), not the row, and the change lands on the kind whose rows stand for it. Pure
// functions of the action and the rows, so they can be tested without a store.
import type { Service } from "@aws-sdk/client-ecs";
import type { Action } from "../features/actions/types.js";
import { primaryDeployment } from "../kinds/service.js";
import type { AnyKind } from "../kinds/registry.js";
import { kindShowing, subjectOf } from "../kinds/subject.js";
import type { KindId, SubjectResource, Subjects } from "../kinds/types.js";
import { resourceName } from "../core/arn.js";

/** How a pending change ended; the text, if any, goes to the flash line. */
export interface Settled {
  text?: string;
  level?: "info" | "warn" | "error";
}

export interface PendingChange {
  /** The kind whose rows show it (the one whose rows stand for `resource`). */
  kind: KindId;
  /** The row's key in views of that kind. */
  key: string;
  resource: SubjectResource;
  since: number;
  /** What the row shows meanwhile, from its latest state. */
  label: (row: unknown) => string;
  /** Undefined while the change is still under way. */
  settle: (row: unknown) => Settled | undefined;
}

/** Pending changes are forgotten after this long, confirmed or not. */
export const PENDING_MAX_MS = 15 * 60_000;

export const pendingKey = (kind: KindId, key: string) => `${kind}|${key}`;

/** The view of `kind` shows the change, on its rows or beside them (`watches`): it refreshes faster. */
export function watches(kind: AnyKind, change: PendingChange): boolean {
  return change.kind === kind.id || kind.watches === change.resource;
}

/** The pending changes an action that went through leaves on rows; `service` is the row's service before it. */
export function pendingChanges(action: Action, now: number, service?: Service): PendingChange[] {
  switch (action.id) {
    case "scale":
      return scaling(action, now, service);
    case "restart":
    case "rollback":
    case "change-revision":
    case "toggle-exec":
      return deploying(action, now, service);
    case "stop-tasks":
      return stopping(action, now);
    case "autoscaling-range":
      return ranging(action, now);
  }
}

interface Rules<R extends SubjectResource> {
  label: (subject: Subjects[R] | undefined) => string;
  settle: (subject: Subjects[R] | undefined) => Settled | undefined;
}

/** A change to the resource `name` of type `resource`, on the row of the kind that shows it. */
function changeOf<R extends SubjectResource>(
  resource: R,
  name: string,
  since: number,
  rules: Rules<R>,
): PendingChange[] {
  const kind = kindShowing(resource);
  if (!kind) return [];
  const subject = (row: unknown) => subjectOf(kind, resource, row);
  return [
    {
      kind: kind.id,
      key: kind.subject?.rowKey?.(name) ?? name,
      resource,
      since,
      label: (row) => rules.label(subject(row)),
      settle: (row) => rules.settle(subject(row)),
    },
  ];
}

function scaling(action: Action, now: number, before: Service | undefined): PendingChange[] {
  const call = action.calls[0];
  if (call?.operation !== "UpdateService" || call.parameters.desiredCount === undefined) return [];
  const wanted = call.parameters.desiredCount;
  const from = before?.desiredCount ?? 0;
  const name = call.parameters.service;
  return changeOf("service", action.resourceArn, now, {
    label: (row) => `⟳ scaling ${from}→${wanted} (${row?.service?.runningCount ?? 0} running)`,
    settle: (row) => {
      const service = row?.service;
      if (!service) return undefined;
      if (service.desiredCount !== wanted) {
        return {
          text: `${name}: desired count is ${service.desiredCount ?? 0} now, not ${wanted}: auto scaling or someone else changed it`,
          level: "warn",
        };
      }
      if (service.runningCount === wanted && (service.pendingCount ?? 0) === 0) {
        return { text: `${name}: ${wanted} ${wanted === 1 ? "task" : "tasks"} running` };
      }
      return undefined;
    },
  });
}

const DEPLOYING_VERB: Partial<Record<Action["id"], string>> = {
  restart: "restarting",
  rollback: "rolling back",
  "toggle-exec": "redeploying",
};

function deploying(action: Action, now: number, before: Service | undefined): PendingChange[] {
  const call = action.calls[0];
  const name = before?.serviceName ?? resourceName(action.resourceArn);
  const previous = primaryDeployment(before)?.id;
  const revision =
    call?.operation === "UpdateService" && call.parameters.taskDefinition
      ? resourceName(call.parameters.taskDefinition)
      : undefined;
  const exec = call?.operation === "UpdateService" ? call.parameters.enableExecuteCommand : undefined;
  const verb =
    action.id === "change-revision" && revision
      ? `deploying ${revision}`
      : (DEPLOYING_VERB[action.id] ?? "deploying");
  /** The deployment the action started, once a refresh shows it. */
  const started = (service: Service | undefined) => {
    const primary = primaryDeployment(service);
    return primary && primary.id !== previous ? primary : undefined;
  };
  return changeOf("service", action.resourceArn, now, {
    label: (row) => {
      const service = row?.service;
      const primary = started(service);
      if (!primary) return `⟳ ${verb}: requested`;
      const old = (service?.deployments ?? [])
        .filter((d) => d !== primary)
        .reduce((sum, d) => sum + (d.runningCount ?? 0), 0);
      return `⟳ ${verb}: ${primary.runningCount ?? 0}/${primary.desiredCount ?? 0} new, ${old} old`;
    },
    settle: (row) => {
      const service = row?.service;
      if (!service) return undefined;
      // Without deployment details (some ECS look-alikes) a refresh is all the confirmation there is.
      if (!service.deployments) return {};
      const primary = started(service);
      if (!primary) return undefined;
      if (primary.rolloutState === "FAILED") {
        return {
          text: `${name}: the new deployment failed${primary.rolloutStateReason ? `: ${primary.rolloutStateReason}` : ""}`,
          level: "error",
        };
      }
      const done =
        primary.rolloutState === "COMPLETED" ||
        (primary.rolloutState === undefined && service.deployments.length === 1);
      if (!done || (exec !== undefined && service.enableExecuteCommand !== exec)) return undefined;
      return { text: `${name}: deployment of ${resourceName(primary.taskDefinition ?? "")} completed` };
    },
  });
}

function stopping(action: Action, now: number): PendingChange[] {
  return action.calls.flatMap((call): PendingChange[] =>
    call.operation === "StopTask"
      ? changeOf("task", call.parameters.task, now, {
          label: () => "⟳ stopping",
          settle: (task) => (task?.lastStatus === "STOPPED" ? {} : undefined),
        })
      : [],
  );
}

function ranging(action: Action, now: number): PendingChange[] {
  const call = action.calls[0];
  if (call?.operation !== "RegisterScalableTarget") return [];
  const { ResourceId, MinCapacity, MaxCapacity } = call.parameters;
  return changeOf("scalableTarget", ResourceId, now, {
    label: () => `⟳ setting min ${MinCapacity}, max ${MaxCapacity}`,
    settle: (scaling) => {
      const target = scaling?.target;
      if (!target) return undefined;
      return target.MinCapacity === MinCapacity && target.MaxCapacity === MaxCapacity ? {} : undefined;
    },
  });
}

/**
 * Which pending changes fresh rows show done, and what to say about it. Only rows read after the
 * change was sent count: rows from load number `load`, when the change was registered after load
 * number `afterLoad.get(id)`; rows a load re-publishes unchanged (the same objects as `before`)
 * are old news too.
 */
export function settleRows(
  pending: ReadonlyMap<string, PendingChange>,
  afterLoad: ReadonlyMap<string, number>,
  kind: AnyKind,
  before: readonly unknown[] | undefined,
  rows: readonly unknown[],
  load: number,
): { settled: string[]; messages: Settled[] } {
  const old = new Set(before);
  const settled: string[] = [];
  const messages: Settled[] = [];
  for (const row of rows) {
    if (old.has(row)) continue;
    const id = pendingKey(kind.id, kind.key(row));
    const change = pending.get(id);
    if (!change || load <= (afterLoad.get(id) ?? 0)) continue;
    const outcome = change.settle(row);
    if (!outcome) continue;
    settled.push(id);
    if (outcome.text) messages.push(outcome);
  }
  return { settled, messages };
}
