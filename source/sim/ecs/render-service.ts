// A simulated service as DescribeServices returns it; counts come from its tasks.
import type { Deployment, Service } from "@aws-sdk/client-ecs";
import { iamRoleArn, taskDefinitionArn } from "./arns.js";
import { fargatePlatform } from "./families.js";
import type { SimDeployment, SimService, SimTask } from "./model.js";
import { currentServiceDeploymentArn, liveCounts, revisionArn } from "./service-deployments.js";
import { serviceEvents } from "./service-events.js";
import { isPendingStatus } from "./task-lifecycle.js";
import type { World } from "./world.js";

interface Counts {
  running: number;
  pending: number;
  active: number;
}

function countTasks(tasks: readonly SimTask[], deployment?: SimDeployment): Counts {
  const counts: Counts = { running: 0, pending: 0, active: 0 };
  for (const task of tasks) {
    if (deployment !== undefined && task.deployment !== deployment) continue;
    if (task.lastStatus === "RUNNING") counts.running++;
    else if (isPendingStatus(task.lastStatus)) counts.pending++;
    if (task.desiredStatus === "RUNNING") counts.active++;
  }
  return counts;
}

export function renderService(world: World, service: SimService, includeTags: boolean): Service {
  const totals = countTasks(service.tasks);
  const primary = service.deployments[0];
  const network = networkConfiguration(service);
  const strategy = service.capacityProvider
    ? [{ capacityProvider: service.capacityProvider, weight: 1, base: 0 }]
    : undefined;
  const out: Service = {
    serviceArn: service.arn,
    serviceName: service.name,
    clusterArn: service.cluster.arn,
    loadBalancers: service.loadBalancer
      ? [
          {
            targetGroupArn: service.loadBalancer.targetGroupArn,
            containerName: service.loadBalancer.containerName,
            containerPort: service.loadBalancer.containerPort,
          },
        ]
      : [],
    serviceRegistries: [],
    status: service.status,
    desiredCount: service.desiredCount,
    runningCount: totals.running,
    pendingCount: totals.pending,
    taskDefinition: primary ? taskDefinitionArn(world, primary.family.name, primary.revision) : undefined,
    deploymentConfiguration: {
      deploymentCircuitBreaker: { ...service.circuitBreaker },
      maximumPercent: service.maximumPercent,
      minimumHealthyPercent: service.minimumHealthyPercent,
      strategy: "ROLLING",
    },
    deployments: service.deployments.map((deployment) =>
      renderDeployment(world, service, deployment, strategy, network),
    ),
    roleArn: iamRoleArn(world, "aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS"),
    events: serviceEvents(service).map((event) => ({
      id: event.id,
      createdAt: new Date(event.createdAt),
      message: event.message,
    })),
    createdAt: new Date(service.createdAt),
    placementConstraints: [],
    placementStrategy:
      service.cluster.launchType === "EC2"
        ? [
            { type: "spread", field: "attribute:ecs.availability-zone" },
            { type: "binpack", field: "memory" },
          ]
        : [],
    schedulingStrategy: "REPLICA",
    deploymentController: { type: "ECS" },
    createdBy: service.createdBy,
    enableECSManagedTags: true,
    propagateTags: "SERVICE",
    enableExecuteCommand: service.enableExecuteCommand,
    availabilityZoneRebalancing: service.cluster.launchType === "FARGATE" ? "ENABLED" : "DISABLED",
  };
  if (service.launchType !== undefined) out.launchType = service.launchType;
  if (strategy !== undefined) out.capacityProviderStrategy = strategy;
  if (service.cluster.launchType === "FARGATE") {
    out.platformVersion = "LATEST";
    out.platformFamily = fargatePlatform(service.family).platformFamily;
  }
  if (network !== undefined) out.networkConfiguration = network;
  if (service.healthCheckGracePeriodSeconds !== undefined) {
    out.healthCheckGracePeriodSeconds = service.healthCheckGracePeriodSeconds;
  }
  if (includeTags) out.tags = service.tags.map((tag) => ({ ...tag }));
  out.currentServiceDeployment = currentServiceDeploymentArn(world, service);
  const revisions = [...new Set(service.deployments.map((deployment) => deployment.serviceRevision))];
  out.currentServiceRevisions = revisions.map((revision) => {
    const counts = liveCounts(service, revision);
    return {
      arn: revisionArn(world, service, revision),
      requestedTaskCount: counts.requested,
      runningTaskCount: counts.running,
      pendingTaskCount: counts.pending,
    };
  });
  return out;
}

function renderDeployment(
  world: World,
  service: SimService,
  deployment: SimDeployment,
  strategy: Service["capacityProviderStrategy"],
  network: Service["networkConfiguration"],
): Deployment {
  const counts = countTasks(service.tasks, deployment);
  const out: Deployment = {
    id: deployment.id,
    status: deployment.status,
    taskDefinition: taskDefinitionArn(world, deployment.family.name, deployment.revision),
    desiredCount: deployment.status === "PRIMARY" ? service.desiredCount : counts.active,
    pendingCount: counts.pending,
    runningCount: counts.running,
    failedTasks: deployment.failedTasks,
    createdAt: new Date(deployment.createdAt),
    updatedAt: new Date(deployment.updatedAt),
    rolloutState: deployment.rolloutState,
    rolloutStateReason: deployment.rolloutStateReason,
  };
  if (service.launchType !== undefined) out.launchType = service.launchType;
  if (strategy !== undefined) out.capacityProviderStrategy = strategy;
  if (service.cluster.launchType === "FARGATE") {
    Object.assign(out, fargatePlatform(deployment.family));
  }
  if (network !== undefined) out.networkConfiguration = network;
  return out;
}

function networkConfiguration(service: SimService): Service["networkConfiguration"] {
  if (service.family.networkMode !== "awsvpc") return undefined;
  return {
    awsvpcConfiguration: {
      subnets: service.cluster.subnets.map((subnet) => subnet.id),
      securityGroups: [service.cluster.securityGroupId],
      assignPublicIp: "DISABLED",
    },
  };
}
