// The simulated SSM API (JSON 1.1, target prefix AmazonSSM), only as far as ECS needs it:
// StartSession with the two port-forwarding documents on an ECS task target, and TerminateSession.
// A target is connected when its task runs and the container's ExecuteCommandAgent is RUNNING,
// the same state DescribeTasks reports. Not throttled: deckhand opens sessions one at a time.
import type { StartSessionResponse, TerminateSessionResponse } from "@aws-sdk/client-ssm";
import { taskArn } from "../ecs/arns.js";
import { execAgentOf, execTarget } from "../ecs/exec-agent.js";
import type { SimContainer, SimTask } from "../ecs/model.js";
import type { World } from "../ecs/world.js";
import { constraintMessage } from "../input.js";
import { SimError, type JsonObject } from "../protocol.js";
import type { SimulatedService } from "../request-handler.js";
import { worldOperations } from "../world-operations.js";
import type { SessionRegistry } from "./sessions.js";

export { SessionRegistry, type SimSessionRecord } from "./sessions.js";

export const SSM_TARGET_PREFIX = "AmazonSSM";

export const PORT_DOCUMENTS = {
  "AWS-StartPortForwardingSession": ["portNumber"],
  "AWS-StartPortForwardingSessionToRemoteHost": ["host", "portNumber"],
} as const satisfies Record<string, readonly string[]>;
const OPTIONAL_PARAMETERS = new Set(["localPortNumber"]);

const TARGET = /^ecs:(.+)_([0-9a-f]{32})_([^_]+)$/;

export function createSsmService(
  world: World,
  now: () => number,
  sessions: SessionRegistry,
): SimulatedService {
  const operations = worldOperations(world, now, {
    StartSession: (w, input) => startSession(w, input, sessions),
    TerminateSession: (_w, input) => terminateSession(input, sessions),
  });
  return {
    targetPrefix: SSM_TARGET_PREFIX,
    iamService: "ssm",
    resourceFor: (operation, input) => {
      if (operation === "TerminateSession")
        return `arn:aws:ssm:${world.region}:${world.accountId}:session/${typeof input.SessionId === "string" ? input.SessionId : "*"}`;
      const parsed = TARGET.exec(typeof input.Target === "string" ? input.Target : "");
      return parsed ? taskArn(world, parsed[1] ?? "", parsed[2] ?? "") : "*";
    },
    operations,
    throttleBucket: () => undefined,
  };
}

const validation = (message: string): SimError => new SimError("ValidationException", message);
const notConnected = (target: string): SimError =>
  new SimError("TargetNotConnected", `${target} is not connected.`);

function startSession(world: World, input: JsonObject, sessions: SessionRegistry): StartSessionResponse {
  const target = input.Target;
  if (typeof target !== "string" || target === "") {
    throw validation(constraintMessage("Target", undefined, "Member must not be null"));
  }
  const document = input.DocumentName;
  if (typeof document !== "string" || !Object.hasOwn(PORT_DOCUMENTS, document)) {
    throw new SimError(
      "InvalidDocument",
      `The simulated account opens only port-forwarding sessions on ECS tasks: DocumentName must be ${Object.keys(PORT_DOCUMENTS).join(" or ")}${typeof document === "string" ? `, not ${document}` : ""}.`,
    );
  }
  const parameters = readParameters(
    input.Parameters,
    PORT_DOCUMENTS[document as keyof typeof PORT_DOCUMENTS],
  );
  const found = findTarget(world, target);
  if (found === undefined) throw notConnected(target);
  const session = sessions.open({
    sim: "deckhand",
    kind: "port",
    target,
    document,
    parameters,
    os: found.task.family.operatingSystemFamily === "LINUX" ? "linux" : "windows",
  });
  return { SessionId: session.sessionId, StreamUrl: session.streamUrl, TokenValue: session.tokenValue };
}

function terminateSession(input: JsonObject, sessions: SessionRegistry): TerminateSessionResponse {
  const sessionId = input.SessionId;
  if (typeof sessionId !== "string" || sessionId === "") {
    throw validation(constraintMessage("SessionId", undefined, "Member must not be null"));
  }
  sessions.terminate(sessionId);
  return { SessionId: sessionId };
}

/** The task and container a target names, when its agent is connected. */
function findTarget(world: World, target: string): { task: SimTask; container: SimContainer } | undefined {
  const parsed = TARGET.exec(target);
  if (parsed === null) return undefined;
  const task = world.clustersByName.get(parsed[1] ?? "")?.tasksById.get(parsed[2] ?? "");
  if (task === undefined || task.lastStatus !== "RUNNING" || task.desiredStatus !== "RUNNING")
    return undefined;
  const container = task.containers.find((candidate) => execTarget(task, candidate) === target);
  if (container === undefined || execAgentOf(task, container)?.lastStatus !== "RUNNING") return undefined;
  return { task, container };
}

/** Parameters: a map of string lists, with the document's required names and only known ones. */
function readParameters(value: unknown, required: readonly string[]): Record<string, string[]> {
  if (value === undefined || value === null) value = {};
  if (typeof value !== "object" || Array.isArray(value)) throw validation("Parameters must be a map.");
  const parameters: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(value as JsonObject)) {
    if (!required.includes(name) && !OPTIONAL_PARAMETERS.has(name))
      throw validation(`Parameter ${name} is not defined by the document.`);
    if (!Array.isArray(values) || values.length !== 1 || typeof values[0] !== "string")
      throw validation(`Parameter ${name} must be a list of one string.`);
    const text = values[0];
    if (name !== "host" && !isPort(text))
      throw validation(`Parameter ${name} must be a port number (1-65535), not ${text}.`);
    if (name === "host" && text.trim() === "") throw validation("Parameter host cannot be empty.");
    parameters[name] = [text];
  }
  for (const name of required)
    if (parameters[name] === undefined) throw validation(`Parameter ${name} is required by the document.`);
  return parameters;
}

function isPort(text: string): boolean {
  if (!/^\d{1,5}$/.test(text)) return false;
  const port = Number(text);
  return port >= 1 && port <= 65_535;
}
