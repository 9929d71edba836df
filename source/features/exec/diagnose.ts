// Why ECS Exec would fail for a container, worked out from what deckhand already described, before
// anything is sent (the checks amazon-ecs-exec-checker makes). Consequences of a more fundamental
// problem are left out: a stopped task has no running agent, and saying so adds nothing.
import type { Container, Service, Task, TaskDefinition } from "@aws-sdk/client-ecs";
import type { PluginLookup } from "./plugin-lookup.js";

export interface ExecDiagnosisInput {
  task: Task;
  containerName: string;
  service?: Service;
  taskDefinition?: TaskDefinition;
  plugin: PluginLookup;
  /** The shell from --shell or the settings; /bin/sh when not given. */
  shell?: string;
}

export interface ExecProblem {
  reason: string;
  hint: string;
}

export interface ExecDiagnosis {
  /** Most fundamental first; empty when exec should work. */
  problems: ExecProblem[];
  /** The command an interactive session should run. */
  shell: string;
  /** Things worth telling the user that do not stop exec (e.g. a Windows container gets PowerShell). */
  notes: string[];
}

export const DEFAULT_SHELL = "/bin/sh";
export const WINDOWS_SHELL = "powershell.exe";
const AGENT = "ExecuteCommandAgent";
const AGENT_HINT =
  "the task role needs ssmmessages:CreateControlChannel, CreateDataChannel, OpenControlChannel and OpenDataChannel, and private subnets need a route or VPC endpoint to ssmmessages";

export function diagnoseExec(input: ExecDiagnosisInput): ExecDiagnosis {
  const { task, containerName } = input;
  const problems: ExecProblem[] = [];
  const notes: string[] = [];
  const container = task.containers?.find((candidate) => candidate.name === containerName);

  const taskRunning = task.lastStatus === "RUNNING";
  if (!taskRunning) {
    problems.push({
      reason: `the task is ${task.lastStatus ?? "in an unknown state"}, not RUNNING`,
      hint:
        task.desiredStatus === "RUNNING"
          ? "wait until it is RUNNING"
          : "exec needs a running task; pick a running one",
    });
  }

  const execEnabled = task.enableExecuteCommand === true;
  if (!execEnabled) problems.push(execDisabled(input.service));

  if (taskRunning && isOldFargate(task)) {
    problems.push({
      reason: `Fargate platform version ${task.platformVersion} does not support ECS Exec`,
      hint: "use platform version 1.4.0 or LATEST on the service and restart it",
    });
  }

  if (!container) {
    problems.push({
      reason: `the task has no container named ${containerName}`,
      hint: "pick one of its containers",
    });
  } else if (taskRunning) {
    if (container.lastStatus !== "RUNNING") {
      problems.push({
        reason: `container ${containerName} is ${container.lastStatus ?? "in an unknown state"}, not RUNNING${
          container.reason ? ` (${container.reason})` : ""
        }`,
        hint: "exec reaches only running containers; pick another container or wait",
      });
    } else if (execEnabled) {
      const agentProblem = agentState(container);
      if (agentProblem) problems.push(agentProblem);
    }
  }

  if ("missing" in input.plugin) {
    problems.push({ reason: "session-manager-plugin is not installed", hint: input.plugin.hint });
  } else if (input.plugin.tooOld) {
    const { version, hint } = input.plugin.tooOld;
    problems.push({
      reason: `session-manager-plugin ${version} is too old (deckhand needs 1.2.497.1 or newer)`,
      hint,
    });
  }

  let shell = input.shell?.trim() || DEFAULT_SHELL;
  if (isWindows(task, input.taskDefinition)) {
    if (!input.shell?.trim()) {
      shell = WINDOWS_SHELL;
      notes.push(`Windows container: the shell is ${WINDOWS_SHELL}`);
    } else if (shell.startsWith("/")) {
      notes.push(`Windows container: using ${WINDOWS_SHELL} instead of ${shell}`);
      shell = WINDOWS_SHELL;
    }
  }
  return { problems, shell, notes };
}

function execDisabled(service: Service | undefined): ExecProblem {
  if (service?.enableExecuteCommand) {
    return {
      reason: "this task was started before ECS Exec was enabled on its service",
      hint: "only tasks started after the change get exec: restart the service (force a new deployment) or stop this task",
    };
  }
  const where = service?.serviceName ? ` on service ${service.serviceName}` : " on the service";
  return {
    reason: "ECS Exec is not enabled for this task (enableExecuteCommand is off)",
    hint: `enable it with X (Exec on/off)${where} and restart: only tasks started after the change get exec`,
  };
}

function agentState(container: Container): ExecProblem | undefined {
  const agent = container.managedAgents?.find((candidate) => candidate.name === AGENT);
  if (!agent) {
    return {
      reason: `container ${container.name} has no ${AGENT}`,
      hint: `the SSM agent was not started in this container; ${AGENT_HINT}`,
    };
  }
  if (agent.lastStatus === "RUNNING") return undefined;
  const status = agent.lastStatus ?? "in an unknown state";
  return {
    reason: `the ${AGENT} in ${container.name} is ${status}${agent.reason ? `: ${agent.reason}` : ""}`,
    hint:
      agent.lastStatus === "PENDING"
        ? "the agent is still starting; try again in a few seconds"
        : `restart the task; if it happens again, ${AGENT_HINT}`,
  };
}

function isWindows(task: Task, taskDefinition: TaskDefinition | undefined): boolean {
  const family = taskDefinition?.runtimePlatform?.operatingSystemFamily ?? "";
  return family.startsWith("WINDOWS") || (task.platformFamily ?? "").toUpperCase().startsWith("WINDOWS");
}

function isOldFargate(task: Task): boolean {
  if (task.launchType !== "FARGATE" || isWindows(task, undefined)) return false;
  const match = /^(\d+)\.(\d+)\./.exec(task.platformVersion ?? "");
  return match !== null && Number(match[1]) === 1 && Number(match[2]) < 4;
}
