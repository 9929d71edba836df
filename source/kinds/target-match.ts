// Which ECS task a load balancer target is: an IP target (awsvpc, target type ip) is the task
// whose ENI has that address; an instance target (bridge/host) is the task with a container bound
// to that host port, when exactly one task is. A running task wins over a stopped one that had the
// same address before.
import type { TargetDescription } from "@aws-sdk/client-elastic-load-balancing-v2";
import type { Task } from "@aws-sdk/client-ecs";
import { eniDetail } from "./task-eni.js";

function addressesOf(task: Task): string[] {
  const fromEni = eniDetail(task, "privateIPv4Address");
  const fromContainers = (task.containers ?? []).flatMap((container) =>
    (container.networkInterfaces ?? []).map((network) => network.privateIpv4Address),
  );
  return [fromEni, ...fromContainers].filter((address): address is string => Boolean(address));
}

const hostPortsOf = (task: Task): number[] =>
  (task.containers ?? []).flatMap((container) =>
    (container.networkBindings ?? []).map((binding) => binding.hostPort ?? -1),
  );

const liveness = (task: Task): number =>
  task.lastStatus === "STOPPED" ? 2 : task.desiredStatus === "STOPPED" ? 1 : 0;

export interface TaskMatcher {
  taskFor(target: TargetDescription | undefined): Task | undefined;
}

export function matchTargets(tasks: readonly Task[]): TaskMatcher {
  const byAddress = new Map<string, Task>();
  const ordered = [...tasks].sort((a, b) => liveness(b) - liveness(a));
  // Later (more alive) tasks overwrite earlier ones holding the same address.
  for (const task of ordered) for (const address of addressesOf(task)) byAddress.set(address, task);
  return {
    taskFor(target) {
      if (!target?.Id) return undefined;
      const byIp = byAddress.get(target.Id);
      if (byIp) return byIp;
      if (!target.Id.startsWith("i-") || target.Port === undefined) return undefined;
      const bound = tasks.filter((task) => liveness(task) < 2 && hostPortsOf(task).includes(target.Port!));
      return bound.length === 1 ? bound[0] : undefined;
    },
  };
}
