// The demo's ECS exec stories, so every diagnostic deckhand gives before exec can be seen: one
// service whose oldest task has a stopped ExecuteCommandAgent, and one Windows service. Services
// without exec need no script: about 15% of services are built that way.
import { DATADOG_AGENT } from "./catalog.js";
import { carryAgentFault } from "./exec-agent.js";
import type { SimService, TaskFamily } from "./model.js";

/** Which services play the exec parts, when the world has them (the default one does). */
export const EXEC_SCRIPTED = {
  agentStopped: "user-profile",
  windows: "tax-calculator",
} as const;

export const AGENT_STOPPED_REASON =
  "ExecuteCommandAgent exited: could not connect to ssmmessages.us-east-1.amazonaws.com:443 (dial tcp: i/o timeout)";

/** Windows Server 2022 Core on Fargate: no FireLens or App Mesh there, and at least 1 vCPU and 2 GiB. */
export function makeWindows(family: TaskFamily): void {
  family.operatingSystemFamily = "WINDOWS_SERVER_2022_CORE";
  family.containers = family.containers
    .filter((spec) => spec.role === "app" || spec.name === "datadog-agent")
    .map((spec) =>
      spec.name === "datadog-agent"
        ? { ...spec, pinnedTag: `${DATADOG_AGENT.tag}-servercore-ltsc2022` }
        : spec,
    );
  if (family.appLogDriver === "awsfirelens") family.appLogDriver = "awslogs";
  family.cpu = Math.max(family.cpu, 1024);
  family.memory = Math.max(family.memory, 2048);
}

/** Breaks the agent of the service's oldest running task, and of its replacement when it stops. */
export function breakExecAgent(service: SimService): void {
  service.enableExecuteCommand = true;
  service.execAgentFault = AGENT_STOPPED_REASON;
  for (const task of service.tasks) if (task.enableExecuteCommand) carryAgentFault(service, task);
}
