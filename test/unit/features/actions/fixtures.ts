// Services, tasks and fake gateways for the action tests.
import type { ScalableTarget } from "@aws-sdk/client-application-auto-scaling";
import type { Service, Task } from "@aws-sdk/client-ecs";
import type { ActionLog, ActionLogEntry } from "../../../../source/features/actions/action-log.js";
import type { RunnerGateways } from "../../../../source/features/actions/runner.js";
import type { AwsCall } from "../../../../source/features/actions/types.js";
import { ok, type AwsFailure, type Result } from "../../../../source/aws/failure.js";

export const ACCOUNT = "123456789012";
const arn = (resource: string) => `arn:aws:ecs:us-east-1:${ACCOUNT}:${resource}`;
export const tdArn = (name: string) => arn(`task-definition/${name}`);
export const SCOPE = { profile: "prod-admin", region: "us-east-1" };

export function service(overrides: Partial<Service> = {}): Service {
  return {
    serviceName: "web",
    serviceArn: arn("service/prod/web"),
    clusterArn: arn("cluster/prod"),
    status: "ACTIVE",
    desiredCount: 3,
    runningCount: 3,
    taskDefinition: tdArn("web:3"),
    enableExecuteCommand: false,
    deployments: [{ id: "ecs-svc/1", status: "PRIMARY", taskDefinition: tdArn("web:3") }],
    ...overrides,
  };
}

export function task(id: string, overrides: Partial<Task> = {}): Task {
  return {
    taskArn: arn(`task/prod/${id}`),
    clusterArn: arn("cluster/prod"),
    group: "service:web",
    lastStatus: "RUNNING",
    desiredStatus: "RUNNING",
    ...overrides,
  };
}

export function scalableTarget(min: number, max: number): ScalableTarget {
  return {
    ServiceNamespace: "ecs",
    ResourceId: "service/prod/web",
    ScalableDimension: "ecs:service:DesiredCount",
    MinCapacity: min,
    MaxCapacity: max,
    RoleARN: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService`,
    CreationTime: new Date("2026-01-01T00:00:00Z"),
  };
}

export const failure = (
  kind: AwsFailure["kind"],
  code: string,
  message: string,
  operation: string,
): AwsFailure => ({
  kind,
  code,
  message,
  operation,
});

/** Gateways that record what they were asked to send; `answer` decides each call's result. */
export function fakeGateways(answer: (call: AwsCall, index: number) => Result<unknown> = () => ok({})) {
  const sent: AwsCall[] = [];
  // The runner only looks at ok/failure, so the answers need not be real services or tasks.
  const record = <T>(call: AwsCall): Promise<Result<T>> => {
    sent.push(call);
    return Promise.resolve(answer(call, sent.length - 1) as Result<T>);
  };
  const gateways: RunnerGateways = {
    ecs: {
      updateService: (parameters) => record({ service: "ecs", operation: "UpdateService", parameters }),
      stopTask: (parameters) => record({ service: "ecs", operation: "StopTask", parameters }),
      stopServiceDeployment: (parameters) =>
        record({ service: "ecs", operation: "StopServiceDeployment", parameters }),
    },
    autoscaling: {
      registerScalableTarget: (parameters) =>
        record({ service: "application-autoscaling", operation: "RegisterScalableTarget", parameters }),
    },
  };
  return { gateways, sent };
}

export function memoryLog(): ActionLog & { entries: ActionLogEntry[] } {
  const entries: ActionLogEntry[] = [];
  return {
    path: "(memory)",
    entries,
    append: async (entry) => {
      entries.push(entry);
    },
  };
}
