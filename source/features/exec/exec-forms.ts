// The pure parts of the exec dialogs: the ports a forward can default to, what the port-forward
// prompt accepts, and the flash that says how a session ended.
import type { Task, TaskDefinition } from "@aws-sdk/client-ecs";
import type { InteractiveOutcome } from "./interactive-session.js";
import { parsePort } from "./port-forwards.js";
import type { FlashLevel } from "../dialogs/dialog-view.js";

/** The container's ports from its task definition (containerPort of each mapping), first one first. */
export function containerPorts(
  checked: { task: Task; taskDefinition?: TaskDefinition },
  containerName: string,
): number[] {
  const definition = checked.taskDefinition?.containerDefinitions?.find((d) => d.name === containerName);
  const bound = checked.task.containers?.find((c) => c.name === containerName)?.networkBindings ?? [];
  const ports = [
    ...(definition?.portMappings ?? []).map((mapping) => mapping.containerPort),
    ...bound.map((binding) => binding.containerPort),
  ].filter((port): port is number => port !== undefined);
  return [...new Set(ports)];
}

const HOST_NAME = /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$|^[0-9A-Fa-f:]+$/;

/** Why these values cannot start a forward, or undefined. */
export function forwardProblem(remote: string, local: string, remoteHost: string): string | undefined {
  const remoteCheck = parsePort(remote);
  if (!remoteCheck.ok) return `remote ${remoteCheck.message}`;
  const localCheck = parsePort(local);
  if (!localCheck.ok) return `local ${localCheck.message}`;
  const host = remoteHost.trim();
  if (host !== "" && (host.length > 253 || !HOST_NAME.test(host))) {
    return `remote host "${host}" is not a host name or IP address`;
  }
  return undefined;
}

export function endedText(
  what: string,
  outcome: InteractiveOutcome,
  stopped: string | undefined,
): [string, FlashLevel] {
  if (stopped) return [`${what}: task ${stopped.toLowerCase()}: session ended`, "warn"];
  if (outcome.ended === "failed") return [`${what}: ${outcome.error}`, "error"];
  if (outcome.signal) return [`${what} ended by ${outcome.signal}`, "warn"];
  if (outcome.exitCode === 0) return [`${what} ended (exit code 0)`, "info"];
  return [`${what} ended with exit code ${outcome.exitCode}`, "warn"];
}
