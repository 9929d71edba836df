// A task's networking. An awsvpc task (Fargate, or EC2 with awsvpc) has an elastic network
// interface: one row per ENI attachment with its ID, private IP, subnet, zone, MAC address and
// private DNS name (from the attachment's details) and the security groups and public IP
// assignment of the service's awsvpcConfiguration. A bridge or host task has no ENI of its own:
// one row per container with its host port bindings. The public IP itself would need EC2
// DescribeNetworkInterfaces; deckhand shows whether one is assigned instead (see README).
import type { Attachment, AwsVpcConfiguration, Task } from "@aws-sdk/client-ecs";
import { resourceName } from "../core/arn.js";
import { onlyOne } from "../aws/failure.js";
import { orDash } from "./format.js";
import { attachmentDetail, eniAttachments } from "./task-eni.js";
import { taskPage } from "./console-pages.js";
import { statusTone } from "./tone.js";
import type { ResourceKind } from "./types.js";
import { serviceOfTask } from "../aws/task-group.js";

export interface NetworkRow {
  key: string;
  mode: string;
  /** The ENI ID (awsvpc) or the container's name (bridge, host). */
  name: string;
  status?: string;
  privateIp?: string;
  /**
   * "assigned" or "none", from the service's assignPublicIp (DISABLED when unsaid); unknown for a
   * standalone task.
   */
  publicIp?: string;
  subnet?: string;
  zone?: string;
  securityGroups?: string[];
  ports?: string;
  mac?: string;
  dns?: string;
  task: Task;
  attachment?: Attachment;
  awsvpc?: AwsVpcConfiguration;
}

/** "32768->8080/tcp" for each binding of a container; ports of an awsvpc task are its own. */
function bindingsText(task: Task, containerName: string | undefined): string {
  const container = task.containers?.find((candidate) => candidate.name === containerName);
  return (container?.networkBindings ?? [])
    .map(
      (binding) =>
        `${binding.bindIP && binding.bindIP !== "0.0.0.0" ? `${binding.bindIP}:` : ""}${binding.hostPort ?? "?"}->${binding.containerPort ?? "?"}/${binding.protocol ?? "tcp"}`,
    )
    .join(", ");
}

export function networkRows(task: Task, mode: string, awsvpc: AwsVpcConfiguration | undefined): NetworkRow[] {
  const enis = eniAttachments(task);
  if (enis.length > 0) {
    return enis.map((attachment) => ({
      key: attachmentDetail(attachment, "networkInterfaceId") ?? attachment.id ?? "eni",
      mode: "awsvpc",
      name: attachmentDetail(attachment, "networkInterfaceId") ?? "",
      status: attachment.status,
      privateIp: attachmentDetail(attachment, "privateIPv4Address"),
      // assignPublicIp defaults to DISABLED (moto leaves it out).
      ...(awsvpc ? { publicIp: awsvpc.assignPublicIp === "ENABLED" ? "assigned" : "none" } : {}),
      subnet: attachmentDetail(attachment, "subnetId"),
      zone: task.availabilityZone,
      ...(awsvpc?.securityGroups ? { securityGroups: awsvpc.securityGroups } : {}),
      mac: attachmentDetail(attachment, "macAddress"),
      dns: attachmentDetail(attachment, "privateDnsName"),
      task,
      attachment,
      ...(awsvpc ? { awsvpc } : {}),
    }));
  }
  return (task.containers ?? []).map((container) => ({
    key: container.name ?? container.containerArn ?? "container",
    mode,
    name: container.name ?? "",
    status: container.lastStatus,
    zone: task.availabilityZone,
    ports: bindingsText(task, container.name),
    task,
  }));
}

declare module "./types.js" {
  interface KindIds {
    network: true;
  }
}

export const networkKind: ResourceKind<NetworkRow> = {
  id: "network",
  title: (scope) => `network(${resourceName(scope.taskArn)})`,
  caption: (rows) => {
    const first = rows[0];
    if (!first) return undefined;
    if (first.mode !== "awsvpc") return { text: `${first.mode} network mode: the containers' host ports` };
    return { text: "awsvpc: the task's own network interface" };
  },
  crumb: () => "network",
  key: (row) => row.key,
  command: {
    aliases: ["net"],
    description: "Network interfaces (or host ports) of the task in scope",
    needs: "task",
  },
  columns: [
    { header: "MODE", priority: 3, value: (r) => r.mode, sortKey: "M" },
    { header: "INTERFACE", priority: 1, value: (r) => r.name, sortKey: "N" },
    {
      header: "STATUS",
      priority: 2,
      value: (r) => orDash(r.status),
      tone: (r) => attachmentTone(r.status),
      sortKey: "S",
    },
    { header: "PRIVATE IP", priority: 2, value: (r) => orDash(r.privateIp), sortKey: "I" },
    { header: "PUBLIC IP", priority: 3, value: (r) => orDash(r.publicIp), sortKey: "U" },
    { header: "SUBNET", priority: 3, value: (r) => orDash(r.subnet), sortKey: "B" },
    { header: "AZ", priority: 3, value: (r) => orDash(r.zone), sortKey: "Z" },
    {
      header: "SECURITY GROUPS",
      priority: 4,
      value: (r) => orDash(r.securityGroups?.join(",")),
      sortKey: "Y",
    },
    { header: "HOST PORTS", priority: 2, value: (r) => orDash(r.ports), sortKey: "O" },
    { header: "MAC", priority: 5, value: (r) => orDash(r.mac), sortKey: "C", wide: true },
    {
      header: "PRIVATE DNS",
      priority: 5,
      value: (r) => orDash(r.dns),
      sortKey: "D",
      wide: true,
      flexible: true,
    },
  ],
  // The view is about one task: l follows its logs, as on the task itself.
  logs: (_row, scope) => ({
    follow: { kind: "task", cluster: scope.clusterArn ?? "", taskArn: scope.taskArn ?? "" },
    title: `logs(${scope.serviceName ?? scope.instanceId ?? ""}/${resourceName(scope.taskArn)})`,
  }),
  filterText: (r) =>
    [r.mode, r.name, r.privateIp, r.subnet, r.zone, r.securityGroups?.join(" "), r.ports, r.dns].join(" "),
  describe: (r) =>
    r.attachment
      ? { attachment: r.attachment, awsvpcConfiguration: r.awsvpc }
      : { networkMode: r.mode, container: r.task.containers?.find((container) => container.name === r.name) },
  consoleUrl: (_key, scope) => taskPage(scope, scope.taskArn),
  async load({ gateway, scope, previous }) {
    const cluster = scope.clusterArn ?? "";
    const taskArn = scope.taskArn ?? "";
    const described = onlyOne(
      await gateway.describeTasks(cluster, [taskArn]),
      "DescribeTasks",
      `task ${resourceName(taskArn)}`,
    );
    if (!described.ok) return described;
    const task = described.value;
    const service = serviceOfTask(task);
    const hasEni = eniAttachments(task).length > 0;
    let awsvpc: AwsVpcConfiguration | undefined;
    if (service && hasEni) {
      // Security groups and the public IP setting live on the service (as it is now), not the task;
      // without them (a standalone task, or DescribeServices refused) those columns show "-".
      const services = await gateway.describeServices(cluster, [service]);
      awsvpc = services.ok ? services.value[0]?.networkConfiguration?.awsvpcConfiguration : undefined;
    }
    let mode = "awsvpc";
    if (!hasEni) {
      // The task does not say its network mode; its task definition does (and never changes).
      mode = previous?.[0]?.mode ?? "";
      if (!mode && task.taskDefinitionArn) {
        const definition = await gateway.describeTaskDefinition(task.taskDefinitionArn);
        mode = definition.ok ? (definition.value.networkMode ?? "bridge") : "bridge";
      }
      mode ||= "bridge";
    }
    return { ok: true, rows: networkRows(task, mode, awsvpc) };
  },
};

function attachmentTone(status: string | undefined) {
  if (status === "ATTACHED") return "ok" as const;
  if (status === "DELETED") return "muted" as const;
  if (status === "PRECREATED" || status === "ATTACHING" || status === "DETACHING") return "progress" as const;
  return statusTone(status);
}
