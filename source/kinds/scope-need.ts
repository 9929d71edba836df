// What a view needs in scope to open from wherever the user is: `:tasks` a service, `:containers`
// a task. The view opens for that part of the scope on top: `:svc` from a task opens its
// cluster's services.
import type { KindId, Scope, ScopeNeed, ViewAt } from "./types.js";

const NEED_ORDER: readonly ScopeNeed[] = ["cluster", "service", "task"];

const NEED_HINT: Record<ScopeNeed, string> = {
  cluster: "open a cluster first",
  service: "open a service first",
  task: "open a task first",
};

export function holds(scope: Scope, need: ScopeNeed): boolean {
  if (need === "cluster") return Boolean(scope.clusterArn);
  if (need === "service") return Boolean(scope.clusterArn && scope.serviceName);
  return Boolean(scope.clusterArn && scope.taskArn);
}

/** The part of a scope a view with this need is opened with. */
export function scopeFor(need: ScopeNeed | undefined, scope: Scope): Scope {
  const depth = need ? NEED_ORDER.indexOf(need) + 1 : 0;
  const trimmed: Scope = {};
  if (depth >= 1) Object.assign(trimmed, { clusterArn: scope.clusterArn, clusterName: scope.clusterName });
  if (depth >= 2 && scope.serviceName !== undefined) trimmed.serviceName = scope.serviceName;
  if (depth >= 3) trimmed.taskArn = scope.taskArn;
  return trimmed;
}

/** The view of `kind` from the scope on top, or why `:kind` cannot open it (for the flash). */
export function openFor(kind: KindId, needs: ScopeNeed | undefined, scope: Scope): ViewAt | string {
  if (needs && !holds(scope, needs)) return `:${kind} needs a ${needs}: ${NEED_HINT[needs]}`;
  return { kind, scope: scopeFor(needs, scope) };
}
