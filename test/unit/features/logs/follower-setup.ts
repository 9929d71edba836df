// The LogFollower on fakes, for the follower's tests: one awslogs group, tasks with one stream per
// container, fake timers from NOW.
import { vi } from "vitest";
import { LogFollower, type LogFollowerDeps } from "../../../../source/features/logs/log-follower.js";
import { awslogsDefinition, fakeEcs, fakeLogs, type FakeTask } from "./fakes.js";

export const NOW = Date.UTC(2026, 0, 15, 9, 30, 0);
export const GROUP = "/ecs/web";
export const stream = (container: string, id: string) => `ecs/${container}/${id}`;

export function setup(tasks: FakeTask[], containers = ["app"], options: Partial<LogFollowerDeps> = {}) {
  const logs = fakeLogs();
  const ecs = fakeEcs(awslogsDefinition(containers), tasks);
  for (const task of tasks) for (const c of containers) logs.world.createStream(GROUP, stream(c, task.id));
  const follower = new LogFollower({ ecs: ecs.ecs, logs: logs.logs, taskRefreshMs: 10_000, ...options });
  const messages = () => follower.buffer.slice(0, follower.buffer.length).map((l) => l.message);
  return { ...logs, ...ecs, follower, messages };
}

export const settle = () => vi.advanceTimersByTimeAsync(1);
