// A simulated task as DescribeTasks returns it.
import type { Container, Task } from "@aws-sdk/client-ecs";
import { formatUuid, hashHex } from "../random.js";
import { containerArn, taskDefinitionArn } from "./arns.js";
import { execAgentOf, runtimeIdOf } from "./exec-agent.js";
import { fargatePlatform, imageDigestOf, imageFor, revisionTuning } from "./families.js";
import type { SimContainer, SimTask } from "./model.js";
import { isPendingStatus } from "./task-lifecycle.js";
import type { World } from "./world.js";

const date = (ms: number | undefined): Date | undefined => (ms === undefined ? undefined : new Date(ms));

export function renderTask(world: World, task: SimTask, includeTags: boolean): Task {
  const attachmentId = task.network ? formatUuid(hashHex(`${task.id}/eni-attachment`, 32)) : undefined;
  const out: Task = {
    attachments: task.network ? [eniAttachment(task, attachmentId ?? "")] : [],
    attributes: [{ name: "ecs.cpu-architecture", value: "x86_64" }],
    availabilityZone: task.availabilityZone,
    clusterArn: task.cluster.arn,
    connectivity: task.connectivityAt !== undefined || task.launchType === "EC2" ? "CONNECTED" : undefined,
    connectivityAt: date(task.connectivityAt),
    containers: task.containers.map((container) => renderContainer(world, task, container, attachmentId)),
    cpu: String(task.family.cpu),
    createdAt: new Date(task.createdAt),
    desiredStatus: task.desiredStatus,
    enableExecuteCommand: task.enableExecuteCommand,
    executionStoppedAt: date(task.executionStoppedAt),
    group: task.group,
    healthStatus: task.healthStatus,
    lastStatus: task.lastStatus,
    launchType: task.launchType,
    memory: String(task.family.memory),
    overrides: {
      containerOverrides: task.containers.map((container) => ({ name: container.spec.name })),
      inferenceAcceleratorOverrides: [],
    },
    pullStartedAt: date(task.pullStartedAt),
    pullStoppedAt: date(task.pullStoppedAt),
    startedAt: date(task.startedAt),
    startedBy: task.startedBy,
    stopCode: task.stopCode as Task["stopCode"],
    stoppedAt: date(task.stoppedAt),
    stoppedReason: task.stoppedReason,
    stoppingAt: date(task.stoppingAt),
    taskArn: task.arn,
    taskDefinitionArn: taskDefinitionArn(world, task.family.name, task.revision),
    version: task.version,
  };
  if (task.capacityProviderName !== undefined) out.capacityProviderName = task.capacityProviderName;
  if (task.instance !== undefined) out.containerInstanceArn = task.instance.arn;
  if (task.launchType === "FARGATE") {
    Object.assign(out, fargatePlatform(task.family));
    out.ephemeralStorage = { sizeInGiB: 20 };
    out.fargateEphemeralStorage = { sizeInGiB: 20 };
  }
  if (includeTags) {
    out.tags = [
      { key: "aws:ecs:clusterName", value: task.cluster.name },
      ...(task.service ? [{ key: "aws:ecs:serviceName", value: task.service.name }] : []),
    ];
  }
  return out;
}

function eniAttachment(task: SimTask, attachmentId: string): NonNullable<Task["attachments"]>[number] {
  const network = task.network;
  const status = ((): string => {
    if (task.lastStatus === "PROVISIONING") return "PRECREATED";
    if (task.lastStatus === "STOPPED") return "DELETED";
    if (task.lastStatus === "DEPROVISIONING") return "DETACHING";
    return "ATTACHED";
  })();
  const hex = hashHex(`${task.id}/eni`, 17);
  const mac = `0e:${hex.slice(0, 10).match(/../g)?.join(":") ?? "00:00:00:00:00"}`;
  const ip = network?.privateIp ?? "";
  return {
    id: attachmentId,
    type: "ElasticNetworkInterface",
    status,
    details: [
      { name: "subnetId", value: network?.subnetId ?? "" },
      { name: "networkInterfaceId", value: `eni-0${hex.slice(0, 16)}` },
      { name: "macAddress", value: mac },
      { name: "privateDnsName", value: `ip-${ip.replaceAll(".", "-")}.ec2.internal` },
      { name: "privateIPv4Address", value: ip },
    ],
  };
}

export function simContainerArn(world: World, task: SimTask, container: SimContainer): string {
  const id = formatUuid(hashHex(`${task.id}/${container.spec.name}`, 32));
  return containerArn(world, task.cluster.name, task.id, id);
}

function renderContainer(
  world: World,
  task: SimTask,
  container: SimContainer,
  attachmentId: string | undefined,
): Container {
  const { spec } = container;
  const started = task.startedAt !== undefined;
  const out: Container = {
    containerArn: simContainerArn(world, task, container),
    taskArn: task.arn,
    name: spec.name,
    image: imageFor(task.family, spec, task.revision),
    lastStatus: container.lastStatus,
    healthStatus: container.healthStatus,
    cpu: String(spec.cpu),
    networkBindings: [],
    networkInterfaces: [],
  };
  const pulled = task.pullStoppedAt !== undefined || task.startedAt !== undefined;
  if (pulled || (!isPendingStatus(task.lastStatus) && task.stopCode !== "TaskFailedToStart")) {
    out.imageDigest = imageDigestOf(out.image ?? "");
  }
  const runtimeId = runtimeIdOf(task, container);
  if (runtimeId !== undefined) out.runtimeId = runtimeId;
  const { memory } = revisionTuning(spec, task.revision);
  if (memory !== undefined) out.memory = String(memory);
  if (spec.memoryReservation !== undefined) out.memoryReservation = String(spec.memoryReservation);
  if (container.exitCode !== undefined) out.exitCode = container.exitCode;
  if (container.reason !== undefined) out.reason = container.reason;
  if (task.network && attachmentId) {
    out.networkInterfaces = [{ attachmentId, privateIpv4Address: task.network.privateIp }];
  } else if (started && container.lastStatus === "RUNNING") {
    out.networkBindings = spec.ports.map((containerPort, index) => ({
      bindIP: "0.0.0.0",
      containerPort,
      hostPort: container.hostPorts[index] ?? containerPort,
      protocol: "tcp",
    }));
  }
  const agent = execAgentOf(task, container);
  if (agent !== undefined) {
    out.managedAgents = [
      {
        name: "ExecuteCommandAgent",
        lastStatus: agent.lastStatus,
        ...(started ? { lastStartedAt: new Date((task.startedAt ?? 0) + 1500) } : {}),
        ...(agent.reason !== undefined ? { reason: agent.reason } : {}),
      },
    ];
  }
  return out;
}
