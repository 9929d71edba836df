// The ECS calls that change something: UpdateService, StopTask, StopServiceDeployment and
// ExecuteCommand. Each is sent exactly once (singleAttempt) and skips the RequestBudget: they draw
// from ECS buckets no poll uses (service modify, cluster resource modify), and the budget's
// catch-all bucket (1/s) would stall a multi-task stop.
import {
  ExecuteCommandCommand,
  StopServiceDeploymentCommand,
  StopTaskCommand,
  UpdateServiceCommand,
  type ECSClient,
  type Service,
  type Task,
} from "@aws-sdk/client-ecs";
import { classifyExecError } from "./exec-failure.js";
import { classifyError, fail, ok, type AwsFailure, type Result } from "./failure.js";
import { singleAttempt } from "./single-attempt.js";
import type { SsmSession } from "./ssm-session.js";

type EcsClient = Pick<ECSClient, "send">;

type UpdateKey = "desiredCount" | "forceNewDeployment" | "taskDefinition" | "enableExecuteCommand";
type Only<T, Keys extends string> = T & { [K in Exclude<Keys, keyof T>]?: never };

/**
 * The UpdateService inputs deckhand sends, each changing one thing. Only a revision change names a
 * task definition: sending the unchanged one needs iam:PassRole for its roles (e1s #429).
 */
export type ServiceUpdate = { cluster: string; service: string } & (
  | Only<{ desiredCount: number }, UpdateKey>
  | Only<{ forceNewDeployment: true }, UpdateKey>
  | Only<{ taskDefinition: string }, UpdateKey>
  // Exec reaches only tasks started after the change, hence the forced deployment.
  | Only<{ enableExecuteCommand: boolean; forceNewDeployment: true }, UpdateKey>
);

export interface TaskStop {
  cluster: string;
  task: string;
  reason: string;
}

export interface DeploymentStop {
  serviceDeploymentArn: string;
  stopType: "ROLLBACK";
}

/** An ECS exec request: `command` runs in `container` of `task` (name or ARN), always interactive. */
export interface ExecRequest {
  cluster: string;
  task: string;
  container: string;
  command: string;
}

/** What session-manager-plugin needs to attach to the session ECS opened. */
export interface ExecSession {
  clusterArn: string;
  taskArn: string;
  containerName: string;
  session: SsmSession;
}

/** Sends exactly the given input; see ServiceUpdate for what may be in it. */
export function updateService(ecs: EcsClient, update: ServiceUpdate): Promise<Result<Service>> {
  return mutate("UpdateService", async () => {
    const command = new UpdateServiceCommand(update);
    singleAttempt(command);
    const out = await ecs.send(command);
    if (!out.service) throw new Error(`no service returned for ${update.service}`);
    return out.service;
  });
}

export function stopTask(ecs: EcsClient, stop: TaskStop): Promise<Result<Task>> {
  return mutate("StopTask", async () => {
    const command = new StopTaskCommand(stop);
    singleAttempt(command);
    const out = await ecs.send(command);
    if (!out.task) throw new Error(`no task returned for ${stop.task}`);
    return out.task;
  });
}

/** Returns the ARN of the stopped deployment. */
export function stopServiceDeployment(ecs: EcsClient, stop: DeploymentStop): Promise<Result<string>> {
  return mutate("StopServiceDeployment", async () => {
    const command = new StopServiceDeploymentCommand(stop);
    singleAttempt(command);
    const out = await ecs.send(command);
    return out.serviceDeploymentArn ?? stop.serviceDeploymentArn;
  });
}

/**
 * Opens an interactive exec session (ECS supports no other kind). Sent once: a retry would open
 * a second session, and the failure (agent not connected, exec not enabled) is what the user needs.
 */
export function executeCommand(ecs: EcsClient, request: ExecRequest): Promise<Result<ExecSession>> {
  return mutate(
    "ExecuteCommand",
    async () => {
      const command = new ExecuteCommandCommand({ ...request, interactive: true });
      singleAttempt(command);
      const out = await ecs.send(command);
      const { session } = out;
      if (!session?.sessionId || !session.streamUrl || !session.tokenValue)
        throw new Error(`no session returned for ${request.task}`);
      return {
        clusterArn: out.clusterArn ?? request.cluster,
        taskArn: out.taskArn ?? request.task,
        containerName: out.containerName ?? request.container,
        session: {
          sessionId: session.sessionId,
          streamUrl: session.streamUrl,
          tokenValue: session.tokenValue,
        },
      };
    },
    classifyExecError,
  );
}

async function mutate<T>(
  operation: string,
  call: () => Promise<T>,
  classify: (operation: string, error: unknown) => AwsFailure = classifyError,
): Promise<Result<T>> {
  try {
    return ok(await call());
  } catch (error) {
    return fail(classify(operation, error));
  }
}
