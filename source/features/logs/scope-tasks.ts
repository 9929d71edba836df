// The tasks a follower reads logs from, through the app's EcsGateway (DescribeTasks, and
// DescribeTaskDefinition, which the gateway caches): one task, or every running task of a service
// plus, on the first load, the ones that stopped recently (a crash loop's logs are in those).
import type { Task, TaskDefinition } from "@aws-sdk/client-ecs";
import type { EcsGateway } from "../../aws/ecs-gateway.js";
import { ok, type Result } from "../../aws/failure.js";
import { logSourcesFor, type LogSource } from "./log-sources.js";
import { inService } from "../../aws/task-group.js";
import type { FollowScope } from "../../kinds/follow-scope.js";

export type { FollowScope } from "../../kinds/follow-scope.js";

export interface ScopeTask {
  task: Task;
  sources: LogSource[];
  /** Containers whose awslogs stream can exist by now (they have been created). */
  started: Set<string>;
}

const RECENT_STOPPED = 10;

export class ScopeTasks {
  constructor(
    private readonly ecs: EcsGateway,
    private readonly scope: FollowScope,
  ) {}

  /** The scope's tasks now; `includeStoppedSince` adds service tasks stopped after that time. */
  async load(includeStoppedSince?: number): Promise<Result<ScopeTask[]>> {
    const arns = await this.taskArns(includeStoppedSince !== undefined);
    if (!arns.ok) return arns;
    const described = await this.ecs.describeTasks(this.scope.cluster, arns.value);
    if (!described.ok) return described;
    const scope = this.scope;
    const ours = (task: Task) => scope.kind !== "service" || inService(task, scope.service);
    const tasks = described.value.filter(
      (task) =>
        ours(task) &&
        (this.scope.kind !== "service" ||
          task.desiredStatus !== "STOPPED" ||
          (includeStoppedSince !== undefined &&
            (task.stoppedAt?.getTime() ?? Infinity) >= includeStoppedSince)),
    );
    // Only the most recent stopped ones: a long crash loop would otherwise bring dozens of streams.
    const tooOld = tasks
      .filter((task) => task.desiredStatus === "STOPPED" && this.scope.kind === "service")
      .sort((a, b) => (b.stoppedAt?.getTime() ?? 0) - (a.stoppedAt?.getTime() ?? 0))
      .slice(RECENT_STOPPED);
    const kept = tasks.filter((task) => !tooOld.includes(task));
    const out: ScopeTask[] = [];
    for (const task of kept) {
      const definition = await this.definitionOf(task);
      if (!definition.ok) return definition;
      const container = this.scope.kind === "container" ? this.scope.container : undefined;
      out.push({
        task,
        sources: logSourcesFor(task, definition.value, container),
        started: startedContainers(task),
      });
    }
    return ok(out);
  }

  private async taskArns(withStopped: boolean): Promise<Result<string[]>> {
    if (this.scope.kind !== "service") return ok([this.scope.taskArn]);
    const running = await this.ecs.listTaskArns(this.scope.cluster, { serviceName: this.scope.service });
    if (!running.ok || !withStopped) return running;
    const stopped = await this.ecs.listTaskArns(this.scope.cluster, {
      serviceName: this.scope.service,
      desiredStatus: "STOPPED",
    });
    // Stopped tasks are a bonus: without them the pane still follows the service.
    return stopped.ok ? ok([...new Set([...running.value, ...stopped.value])]) : running;
  }

  private definitionOf(task: Task): Promise<Result<TaskDefinition>> {
    return this.ecs.describeTaskDefinition(task.taskDefinitionArn ?? "");
  }
}

function startedContainers(task: Task): Set<string> {
  const started = new Set<string>();
  for (const container of task.containers ?? []) {
    if (!container.name) continue;
    // Some endpoints (moto) report a RUNNING task whose containers stay PENDING, without startedAt.
    const running = task.lastStatus === "RUNNING" || container.lastStatus === "RUNNING";
    if (task.startedAt || container.runtimeId || running || container.exitCode !== undefined)
      started.add(container.name);
  }
  return started;
}
