// What `d` shows on a row of each kind: the object the row was built from, nothing made up.
import type { Cluster, Container, Deployment, Service, Task } from "@aws-sdk/client-ecs";
import type {
  ScalableTarget,
  ScalingPolicy,
  ScheduledAction,
} from "@aws-sdk/client-application-auto-scaling";
import { describe, expect, it } from "vitest";
import type { PortForward } from "../../../source/features/exec/port-forwards.js";
import { KINDS } from "../../../source/kinds/registry.js";
import type { ScalingRow } from "../../../source/kinds/autoscaling.js";

const cluster: Cluster = { clusterName: "prod" };
const service: Service = { serviceName: "web" };
const task: Task = { taskArn: "arn:task" };
const container: Container = { name: "app" };
const deployment: Deployment = { id: "ecs-svc/1" };
const target: ScalableTarget = {
  ServiceNamespace: "ecs",
  ResourceId: "service/prod/web",
  ScalableDimension: "ecs:service:DesiredCount",
  MinCapacity: 1,
  MaxCapacity: 4,
  RoleARN: "arn:role",
  CreationTime: new Date(0),
};
const policy = { PolicyName: "cpu" } as ScalingPolicy;
const scheduled = { ScheduledActionName: "nightly" } as ScheduledAction;
const forward: PortForward = {
  id: "pf-1",
  taskArn: "arn:task",
  containerName: "app",
  remotePort: 80,
  localPort: 8080,
  sessionId: "s-1",
  state: "open",
};
const targetRow = (value?: ScalableTarget): ScalingRow => ({
  key: "target:service/prod/web",
  name: "service/prod/web",
  type: "target",
  resourceId: "service/prod/web",
  service,
  target: value,
});

describe("what d describes", () => {
  it.each([
    ["clusters", { arn: "arn:c", cluster }, cluster],
    ["services", { arn: "arn:s", name: "web", service }, service],
    ["services", { arn: "arn:s", name: "web" }, undefined],
    ["tasks", { arn: "arn:task", task }, task],
    ["containers", { name: "app", container, task, ports: "", forwards: "" }, container],
    ["deployments", { id: "ecs-svc/1", deployment, service }, deployment],
    ["autoscaling", targetRow(target), target],
    ["autoscaling", targetRow(), undefined],
    ["autoscaling", { key: "policy:cpu", name: "cpu", type: "policy", policy }, policy],
    ["autoscaling", { key: "scheduled:n", name: "nightly", type: "scheduled", scheduled }, scheduled],
    ["portforwards", forward, forward],
  ] as const)("%s: %o", (kind, row, object) => {
    expect(KINDS[kind].describe(row)).toBe(object);
  });
});
