// Which place a scope points at, as one string: two views are the same place (a `:` command
// finds the open one, the cache keeps one entry) exactly when these fields agree. The task set
// (running, stopped, all) is left to the callers: the same place, shown another way.
import type { Scope } from "../kinds/types.js";

export function scopeKey(scope: Scope): string {
  return [
    scope.clusterArn ?? "",
    scope.serviceName ?? "",
    scope.containerInstanceArn ?? "",
    scope.taskArn ?? "",
    scope.containerName ?? "",
    scope.taskDefinitionFamily ?? "",
  ].join("|");
}
