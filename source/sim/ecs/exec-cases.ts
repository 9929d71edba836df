// Where each ECS exec case lives in a simulated account right now, so tests and docs need not
// hard-code task ids: a task exec works on, one whose agent stopped, one started without exec, a
// Windows one, and one that is not running. Looked up from the world, prod cluster first.
import { execAgentOf } from "./exec-agent.js";
import type { SimService, SimTask } from "./model.js";
import type { World } from "./world.js";

export interface ExecCase {
  cluster: string;
  service: string;
  taskId: string;
  taskArn: string;
  /** The app container (the one with the port mapping). */
  container: string;
  /** The app container's first containerPort, if it has one. */
  containerPort: number | undefined;
}

export interface ExecCases {
  /** Exec enabled, agent RUNNING, Linux, app container listening on 8080: shell and port forward work. */
  ready: ExecCase | undefined;
  /** Exec enabled but this task's ExecuteCommandAgent is STOPPED (with a reason). */
  agentStopped: ExecCase | undefined;
  /** The service and task run without enableExecuteCommand. */
  disabled: ExecCase | undefined;
  /** Windows Server 2022 Core, exec enabled and connected: "/bin/sh" is no shell there. */
  windows: ExecCase | undefined;
  /** Exec enabled, but the task is not RUNNING (stopping, stopped or still starting). */
  notRunning: ExecCase | undefined;
}

export function execCases(sim: { world: World }): ExecCases {
  const services = sim.world.clusters.flatMap((cluster) => cluster.services);
  const linux = (service: SimService): boolean => service.family.operatingSystemFamily === "LINUX";
  const running = (task: SimTask): boolean =>
    task.lastStatus === "RUNNING" && task.desiredStatus === "RUNNING";
  const agentRunning = (task: SimTask): boolean =>
    task.containers.every((container) => execAgentOf(task, container)?.lastStatus === "RUNNING");
  // A service in the middle of a deployment replaces its tasks within minutes; a steady one keeps them.
  const steady = (service: SimService): boolean =>
    service.deployments.length === 1 && service.deployments[0]?.rolloutState === "COMPLETED";
  const find = (
    serviceTest: (service: SimService) => boolean,
    taskTest: (task: SimTask) => boolean,
  ): ExecCase | undefined => {
    const ordered = [...services.filter(steady), ...services.filter((service) => !steady(service))];
    for (const service of ordered) {
      if (!serviceTest(service)) continue;
      const task = service.tasks.find((candidate) => !candidate.purged && taskTest(candidate));
      if (task !== undefined) return describeCase(service, task);
    }
    return undefined;
  };
  return {
    ready: find(
      (service) =>
        linux(service) &&
        service.enableExecuteCommand &&
        service.execAgentFault === undefined &&
        service.family.containers[0]?.ports[0] === 8080,
      (task) => running(task) && task.enableExecuteCommand && agentRunning(task),
    ),
    agentStopped: find(
      (service) => service.execAgentFault !== undefined,
      (task) => running(task) && task.execAgentStoppedReason !== undefined,
    ),
    disabled: find(
      (service) => !service.enableExecuteCommand,
      (task) => running(task) && !task.enableExecuteCommand,
    ),
    windows: find(
      (service) => !linux(service),
      (task) => running(task) && task.enableExecuteCommand && agentRunning(task),
    ),
    notRunning: find(
      (service) => linux(service),
      (task) => task.enableExecuteCommand && !running(task),
    ),
  };
}

function describeCase(service: SimService, task: SimTask): ExecCase {
  const app = task.containers.find((container) => container.spec.role === "app") ?? task.containers[0];
  return {
    cluster: service.cluster.name,
    service: service.name,
    taskId: task.id,
    taskArn: task.arn,
    container: app?.spec.name ?? "",
    containerPort: app?.spec.ports[0],
  };
}
