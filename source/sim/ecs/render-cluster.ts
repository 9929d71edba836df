// Clusters and container instances as DescribeClusters / DescribeContainerInstances return them.
import type { Cluster, ContainerInstance, Resource } from "@aws-sdk/client-ecs";
import type { SimCluster, SimContainerInstance } from "./model.js";
import { isPendingStatus } from "./task-lifecycle.js";

export function renderCluster(cluster: SimCluster, include: ReadonlySet<string>): Cluster {
  const { FARGATE, EC2 } = cluster.counts;
  const active = cluster.status === "ACTIVE";
  const activeServices = cluster.services.filter((service) => service.status === "ACTIVE");
  const out: Cluster = {
    clusterArn: cluster.arn,
    clusterName: cluster.name,
    status: cluster.status,
    registeredContainerInstancesCount: active ? cluster.instances.length : 0,
    runningTasksCount: FARGATE.running + EC2.running,
    pendingTasksCount: FARGATE.pending + EC2.pending,
    activeServicesCount: activeServices.length,
    capacityProviders: [...cluster.capacityProviders],
    defaultCapacityProviderStrategy: cluster.defaultCapacityProviderStrategy.map((item) => ({ ...item })),
  };
  if (include.has("STATISTICS")) {
    const fargateServices = activeServices.filter(
      (service) => service.cluster.launchType === "FARGATE",
    ).length;
    out.statistics = [
      { name: "runningEC2TasksCount", value: String(EC2.running) },
      { name: "runningFargateTasksCount", value: String(FARGATE.running) },
      { name: "pendingEC2TasksCount", value: String(EC2.pending) },
      { name: "pendingFargateTasksCount", value: String(FARGATE.pending) },
      { name: "activeEC2ServiceCount", value: String(activeServices.length - fargateServices) },
      { name: "activeFargateServiceCount", value: String(fargateServices) },
      { name: "drainingEC2ServiceCount", value: "0" },
      { name: "drainingFargateServiceCount", value: "0" },
    ];
  }
  if (include.has("TAGS")) out.tags = cluster.tags.map((tag) => ({ ...tag }));
  if (include.has("SETTINGS"))
    out.settings = [{ name: "containerInsights", value: cluster.containerInsights }];
  if (include.has("CONFIGURATIONS"))
    out.configuration = { executeCommandConfiguration: { logging: "DEFAULT" } };
  if (include.has("ATTACHMENTS")) {
    out.attachments = [];
    out.attachmentsStatus = "UPDATE_COMPLETE";
  }
  return out;
}

const RESERVED_PORTS = ["22", "2375", "2376", "51678", "51679"];

export function renderContainerInstance(
  instance: SimContainerInstance,
  include: ReadonlySet<string>,
): ContainerInstance {
  let running = 0;
  let pending = 0;
  let cpu = 0;
  let memory = 0;
  const ports: string[] = [];
  for (const task of instance.tasks) {
    if (task.lastStatus === "RUNNING") running++;
    else if (isPendingStatus(task.lastStatus)) pending++;
    for (const container of task.containers) {
      cpu += container.spec.cpu;
      memory += container.spec.memory ?? container.spec.memoryReservation ?? 0;
      ports.push(...container.hostPorts.map(String));
    }
  }
  const resources = (cpuUnits: number, memoryMiB: number, portList: string[]): Resource[] => [
    { name: "CPU", type: "INTEGER", doubleValue: 0, longValue: 0, integerValue: cpuUnits },
    { name: "MEMORY", type: "INTEGER", doubleValue: 0, longValue: 0, integerValue: memoryMiB },
    {
      name: "PORTS",
      type: "STRINGSET",
      doubleValue: 0,
      longValue: 0,
      integerValue: 0,
      stringSetValue: portList,
    },
    {
      name: "PORTS_UDP",
      type: "STRINGSET",
      doubleValue: 0,
      longValue: 0,
      integerValue: 0,
      stringSetValue: [],
    },
  ];
  const out: ContainerInstance = {
    containerInstanceArn: instance.arn,
    ec2InstanceId: instance.ec2InstanceId,
    capacityProviderName: instance.capacityProviderName,
    version: instance.version,
    versionInfo: {
      agentVersion: instance.agentVersion,
      agentHash: "4b8a7d3e",
      dockerVersion: "DockerVersion: 25.0.6",
    },
    remainingResources: resources(instance.cpu - cpu, instance.memory - memory, [
      ...RESERVED_PORTS,
      ...ports,
    ]),
    registeredResources: resources(instance.cpu, instance.memory, RESERVED_PORTS),
    status: "ACTIVE",
    agentConnected: instance.agentConnected,
    runningTasksCount: running,
    pendingTasksCount: pending,
    attributes: [
      { name: "ecs.availability-zone", value: instance.availabilityZone },
      { name: "ecs.instance-type", value: instance.instanceType },
      { name: "ecs.ami-id", value: instance.amiId },
      { name: "ecs.os-type", value: "linux" },
      { name: "ecs.os-family", value: "LINUX" },
      { name: "ecs.cpu-architecture", value: "x86_64" },
      { name: "ecs.capability.execution-role-awslogs" },
      { name: "com.amazonaws.ecs.capability.docker-remote-api.1.44" },
    ],
    registeredAt: new Date(instance.registeredAt),
    attachments: [],
  };
  if (include.has("TAGS"))
    out.tags = [{ key: "aws:autoscaling:groupName", value: `${instance.cluster.name}-asg` }];
  if (include.has("CONTAINER_INSTANCE_HEALTH")) {
    const lastUpdated = new Date(instance.registeredAt);
    out.healthStatus = {
      overallStatus: "OK",
      details: [{ type: "CONTAINER_RUNTIME", status: "OK", lastUpdated, lastStatusChange: lastUpdated }],
    };
  }
  return out;
}
