// One list of the fields that make a place: the cache and the `:` commands' "is it open already"
// must never disagree about it.
import { describe, expect, it } from "vitest";
import type { Scope } from "../../../source/kinds/types.js";
import { cacheKey } from "../../../source/state/app-store.js";
import { stackFor } from "../../../source/features/commands/commands.js";
import { scopeKey } from "../../../source/state/scope-key.js";

const base: Scope = { clusterArn: "arn:aws:ecs:us-east-1:123456789012:cluster/prod", clusterName: "prod" };

describe("scopeKey", () => {
  it.each<[keyof Scope, string]>([
    ["clusterArn", "arn:aws:ecs:us-east-1:123456789012:cluster/dev"],
    ["serviceName", "web"],
    ["containerInstanceArn", "arn:aws:ecs:us-east-1:123456789012:container-instance/prod/abc"],
    ["taskArn", "arn:aws:ecs:us-east-1:123456789012:task/prod/abc"],
    ["containerName", "app"],
    ["taskDefinitionFamily", "web"],
  ])("tells two places apart by %s", (field, value) => {
    expect(scopeKey({ ...base, [field]: value })).not.toBe(scopeKey(base));
  });

  it("ignores what only labels a place, and keeps each task set's cache apart", () => {
    expect(scopeKey({ ...base, clusterName: "other", instanceId: "i-0abc" })).toBe(scopeKey(base));
    const tasks = { ...base, serviceName: "web" };
    expect(cacheKey("tasks", { ...tasks, taskSet: "stopped" })).not.toBe(cacheKey("tasks", tasks));
  });

  it("lets a : command reuse the open view only for the same container", () => {
    const task = { ...base, serviceName: "web", taskArn: "arn:aws:ecs:us-east-1:123456789012:task/prod/abc" };
    const open = [
      { kind: "images" as const, scope: { ...task, containerName: "app" }, cursor: 3, top: 0, filter: "" },
    ];
    expect(stackFor("images", { ...task, containerName: "app" }, open).at(-1)?.cursor).toBe(3);
    expect(stackFor("images", { ...task, containerName: "envoy" }, open).at(-1)?.cursor).toBe(0);
  });
});
