// ExecuteCommand: the checks ECS makes before it asks the container's SSM agent for a session, in
// ECS's order: the task, its state, exec enabled on it, the container, and the agent connected.
import type { ExecuteCommandResponse } from "@aws-sdk/client-ecs";
import { optionalBoolean, optionalString } from "../input.js";
import { SimError, invalidParameter, type JsonObject } from "../protocol.js";
import type { SessionRegistry } from "../ssm/sessions.js";
import { execAgentOf, execTarget } from "./exec-agent.js";
import type { SimContainer, SimTask } from "./model.js";
import { requireCluster, requireTask } from "./ops-common.js";
import { simContainerArn } from "./render-task.js";
import type { World } from "./world.js";

/** ECS's message when the task was started without exec, or its agent never came up. */
export const EXEC_NOT_ENABLED =
  "The execute command failed because execute command was not enabled when the task was run or the execute command agent isn't running. Wait and try again or run a new task with execute command enabled and try again.";
/** ECS's message when the agent in the container does not answer (IAM, VPC endpoints, a stopped agent). */
export const EXEC_INTERNAL_ERROR = "The execute command failed due to an internal error. Try again later.";

export function executeCommand(
  world: World,
  input: JsonObject,
  sessions: SessionRegistry,
): ExecuteCommandResponse {
  const command = optionalString(input, "command");
  const interactive = optionalBoolean(input, "interactive");
  const taskRef = optionalString(input, "task");
  if (taskRef === undefined || taskRef === "") throw invalidParameter("Task cannot be empty.");
  if (command === undefined || command.trim() === "") throw invalidParameter("Command cannot be empty.");
  if (interactive !== true) throw invalidParameter("Interactive is the only mode supported currently.");
  const cluster = requireCluster(world, input);
  const task = requireTask(world, cluster, taskRef);
  if (task.lastStatus !== "RUNNING" || task.desiredStatus !== "RUNNING")
    throw invalidParameter(`The execute command failed because the task is in ${task.lastStatus} state.`);
  if (!task.enableExecuteCommand) throw invalidParameter(EXEC_NOT_ENABLED);
  const container = pickContainer(task, optionalString(input, "container"));
  const target = execTarget(task, container);
  if (execAgentOf(task, container)?.lastStatus !== "RUNNING" || target === undefined)
    throw new SimError("TargetNotConnectedException", EXEC_INTERNAL_ERROR);
  const session = sessions.open({
    sim: "deckhand",
    kind: "exec",
    command,
    target,
    os: task.family.operatingSystemFamily === "LINUX" ? "linux" : "windows",
  });
  return {
    clusterArn: cluster.arn,
    containerArn: simContainerArn(world, task, container),
    containerName: container.spec.name,
    interactive: true,
    taskArn: task.arn,
    session,
  };
}

/** The named container; a task with one container needs no name. */
function pickContainer(task: SimTask, name: string | undefined): SimContainer {
  if (name === undefined || name === "") {
    const [only] = task.containers;
    if (task.containers.length === 1 && only !== undefined) return only;
    throw invalidParameter("A container name must be specified for a task with more than one container.");
  }
  const container = task.containers.find((candidate) => candidate.spec.name === name);
  if (container === undefined) throw invalidParameter(`The container ${name} does not exist in the task.`);
  return container;
}
