// A task definition revision as DescribeTaskDefinition returns it. Revisions are not stored:
// every revision up to the latest is derived from the family (same containers, its own image tag).
import type { ContainerDefinition, TaskDefinition } from "@aws-sdk/client-ecs";
import { hashHex } from "../random.js";
import { taskDefinitionArn } from "./arns.js";
import { imageFor, registeredAt, revisionTuning } from "./families.js";
import { logDriverAttributes, renderLogConfiguration } from "./log-configuration.js";
import type { ContainerSpec, TaskFamily } from "./model.js";
import type { World } from "./world.js";

export function renderTaskDefinition(world: World, family: TaskFamily, revision: number): TaskDefinition {
  const fargate = family.compatibility === "FARGATE";
  return {
    taskDefinitionArn: taskDefinitionArn(world, family.name, revision),
    containerDefinitions: family.containers.map((spec) => containerDefinition(world, family, spec, revision)),
    family: family.name,
    taskRoleArn: family.taskRoleArn,
    executionRoleArn: family.executionRoleArn,
    networkMode: family.networkMode,
    revision,
    volumes: [],
    status: "ACTIVE",
    requiresAttributes: [
      { name: "com.amazonaws.ecs.capability.logging-driver.awslogs" },
      ...logDriverAttributes(family),
      { name: "ecs.capability.execution-role-awslogs" },
      { name: "com.amazonaws.ecs.capability.ecr-auth" },
      { name: "com.amazonaws.ecs.capability.task-iam-role" },
      { name: "ecs.capability.container-health-check" },
      { name: "ecs.capability.secrets.asm.environment-variables" },
      ...(fargate ? [{ name: "ecs.capability.task-eni" }] : []),
    ],
    placementConstraints: [],
    compatibilities: fargate ? ["EC2", "FARGATE"] : ["EC2"],
    runtimePlatform: { cpuArchitecture: "X86_64", operatingSystemFamily: family.operatingSystemFamily },
    requiresCompatibilities: [family.compatibility],
    cpu: String(family.cpu),
    memory: String(family.memory),
    registeredAt: new Date(registeredAt(family, revision)),
    registeredBy: `arn:aws:sts::${world.accountId}:assumed-role/github-actions-deploy/deploy`,
  };
}

function containerDefinition(
  world: World,
  family: TaskFamily,
  spec: ContainerSpec,
  revision: number,
): ContainerDefinition {
  const out: ContainerDefinition = {
    name: spec.name,
    image: imageFor(family, spec, revision),
    cpu: spec.cpu,
    portMappings: spec.ports.map((containerPort) => ({
      containerPort,
      hostPort: family.networkMode === "awsvpc" ? containerPort : 0,
      protocol: "tcp",
      name: `${spec.name}-${containerPort}-tcp`,
    })),
    essential: spec.essential,
    environment: environmentOf(family, spec, revision),
    mountPoints: [],
    volumesFrom: [],
    secrets: secretsOf(world, family, spec),
    ...renderLogConfiguration(world, family, spec),
    systemControls: [],
  };
  const { memory } = revisionTuning(spec, revision);
  if (memory !== undefined) out.memory = memory;
  if (spec.memoryReservation !== undefined) out.memoryReservation = spec.memoryReservation;
  if (spec.healthCheck !== undefined) {
    out.healthCheck = {
      command: [...spec.healthCheck],
      interval: 30,
      timeout: 5,
      retries: 3,
      startPeriod: 60,
    };
  }
  return out;
}

/** Environment variables, made when described rather than stored with every family. */
function environmentOf(
  family: TaskFamily,
  spec: ContainerSpec,
  revision: number,
): Array<{ name: string; value: string }> {
  if (spec.role === "app") {
    const { featureFlags } = revisionTuning(spec, revision);
    return [
      { name: "APP_ENV", value: family.environment },
      { name: "PORT", value: String(spec.ports[0] ?? 8080) },
      { name: "LOG_LEVEL", value: family.environment === "prod" ? "info" : "debug" },
      { name: "DD_SERVICE", value: spec.name },
      ...(featureFlags ? [{ name: "FEATURE_FLAGS", value: featureFlags }] : []),
    ];
  }
  if (spec.name === "datadog-agent") {
    return [
      { name: "ECS_FARGATE", value: String(family.compatibility === "FARGATE") },
      { name: "DD_ENV", value: family.environment },
      { name: "DD_APM_ENABLED", value: "true" },
    ];
  }
  return spec.name === "envoy" ? [{ name: "ENVOY_LOG_LEVEL", value: "warn" }] : [];
}

function secretsOf(
  world: World,
  family: TaskFamily,
  spec: ContainerSpec,
): Array<{ name: string; valueFrom: string }> {
  if (spec.role !== "app") return [];
  const secret = `${family.environment}/${spec.name}/database-url-${hashHex(family.name, 6)}`;
  return [
    {
      name: "DATABASE_URL",
      valueFrom: `arn:aws:secretsmanager:${world.region}:${world.accountId}:secret:${secret}`,
    },
  ];
}
