import type { Task } from "@aws-sdk/client-ecs";
import { ageOrder, arnName, formatAge, orDash, taskDefinitionRevision } from "./format.js";
import { statusTone } from "./tone.js";
import type { ResourceKind } from "./types.js";

export interface TaskRow {
  arn: string;
  task: Task;
}

function eniDetail(task: Task, name: string): string | undefined {
  const eni = task.attachments?.find((a) => a.type === "ElasticNetworkInterface");
  return eni?.details?.find((d) => d.name === name)?.value;
}

export function privateIp(task: Task): string | undefined {
  const fromEni = eniDetail(task, "privateIPv4Address");
  return fromEni ?? task.containers?.flatMap((c) => c.networkInterfaces ?? [])[0]?.privateIpv4Address;
}

const eniId = (task: Task) => eniDetail(task, "networkInterfaceId");

const running = (task: Task) => task.lastStatus !== "STOPPED";

export const taskKind: ResourceKind<TaskRow> = {
  id: "tasks",
  title: (scope) => `tasks(${scope.clusterName ?? ""}/${scope.serviceName ?? ""})`,
  crumb: (scope) => scope.serviceName ?? "tasks",
  key: (row) => row.arn,
  columns: [
    { header: "ID", value: (r) => arnName(r.arn), sortKey: "N" },
    {
      header: "LAST",
      value: (r) => r.task.lastStatus ?? "",
      tone: (r) => statusTone(r.task.lastStatus),
      sortKey: "S",
    },
    { header: "DESIRED", value: (r) => r.task.desiredStatus ?? "", sortKey: "D" },
    {
      header: "HEALTH",
      value: (r) => r.task.healthStatus ?? "",
      tone: (r) => statusTone(r.task.healthStatus),
      sortKey: "H",
    },
    {
      header: "TASK DEFINITION",
      value: (r) => arnName(r.task.taskDefinitionArn),
      sortKey: "T",
      wide: true,
    },
    {
      header: "REV",
      value: (r) => taskDefinitionRevision(r.task.taskDefinitionArn),
      align: "right",
      sortKey: "V",
    },
    { header: "CPU/MEM", value: (r) => `${r.task.cpu ?? "-"}/${r.task.memory ?? "-"}`, sortKey: "C" },
    {
      header: "LAUNCH",
      value: (r) => orDash(r.task.launchType ?? r.task.capacityProviderName),
      sortKey: "L",
      wide: true,
    },
    { header: "IP", value: (r) => orDash(privateIp(r.task)), sortKey: "I" },
    { header: "ENI", value: (r) => orDash(eniId(r.task)), sortKey: "E", wide: true },
    { header: "AZ", value: (r) => orDash(r.task.availabilityZone), sortKey: "Z" },
    { header: "STARTED BY", value: (r) => orDash(r.task.startedBy), sortKey: "B", wide: true },
    {
      header: "AGE",
      value: (r, now) => formatAge(r.task.startedAt ?? r.task.createdAt, now),
      sortValue: (r) => ageOrder(r.task.startedAt ?? r.task.createdAt),
      align: "right",
      sortKey: "A",
    },
    {
      header: "STOP REASON",
      value: (r) => r.task.stoppedReason ?? "",
      tone: (r) => (r.task.stopCode && r.task.stopCode !== "UserInitiated" ? "bad" : "muted"),
      flexible: true,
      pendingSlot: true,
      sortKey: "R",
    },
  ],
  markable: true,
  describe: (r) => r.task,
  filterText: (r) =>
    [arnName(r.arn), r.task.lastStatus, r.task.healthStatus, privateIp(r.task), r.task.stoppedReason].join(
      " ",
    ),
  async load({ gateway, scope }) {
    const cluster = scope.clusterArn ?? "";
    const [live, stopped] = await Promise.all([
      gateway.listTaskArns(cluster, { serviceName: scope.serviceName, desiredStatus: "RUNNING" }),
      gateway.listTaskArns(cluster, { serviceName: scope.serviceName, desiredStatus: "STOPPED" }),
    ]);
    if (!live.ok) return live;
    if (!stopped.ok) return stopped;
    const arns = [...new Set([...live.value, ...stopped.value])];
    const described = await gateway.describeTasks(cluster, arns);
    if (!described.ok) return described;
    // ECS puts a service's tasks in group "service:<name>"; endpoints that ignore the serviceName
    // filter (moto) would otherwise show the whole cluster.
    const group = `service:${scope.serviceName}`;
    const rows = described.value
      .filter((task): task is Task & { taskArn: string } => Boolean(task.taskArn))
      .filter((task) => task.group === undefined || task.group === group)
      .map((task) => ({ arn: task.taskArn, task }))
      .sort(byLiveThenNewest);
    return { ok: true, rows };
  },
  drill: (row, scope) => ({ kind: "containers", scope: { ...scope, taskArn: row.arn } }),
  logs: (row, scope) => ({
    follow: { kind: "task", cluster: scope.clusterArn ?? "", taskArn: row.arn },
    title: `logs(${scope.serviceName ?? ""}/${arnName(row.arn)})`,
  }),
};

/** Live tasks first (oldest first, like the console), then stopped ones, most recently stopped first. */
function byLiveThenNewest(a: TaskRow, b: TaskRow): number {
  const liveA = running(a.task);
  const liveB = running(b.task);
  if (liveA !== liveB) return liveA ? -1 : 1;
  if (liveA) return time(a.task.startedAt ?? a.task.createdAt) - time(b.task.startedAt ?? b.task.createdAt);
  return time(b.task.stoppedAt ?? b.task.stoppingAt) - time(a.task.stoppedAt ?? a.task.stoppingAt);
}

const time = (date: Date | undefined) => date?.getTime() ?? 0;
