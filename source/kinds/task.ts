import type { Task } from "@aws-sdk/client-ecs";
import { resourceName, taskDefinitionRevision } from "../core/arn.js";
import { ageOrder, formatAge, orDash } from "./format.js";
import { diagnoseStop, exitCodes, exitTone, type Essential } from "./stop-diagnosis.js";
import { loadServiceTasks, taskSetOf } from "./task-set.js";
import { eniDetail } from "./task-eni.js";
import { statusTone } from "./tone.js";
import type { ResourceKind } from "./types.js";

export interface TaskRow {
  arn: string;
  task: Task;
  /** Names of the task's essential containers (from its task definition), when known. */
  essential?: Essential;
}

export function privateIp(task: Task): string | undefined {
  const fromEni = eniDetail(task, "privateIPv4Address");
  return fromEni ?? task.containers?.flatMap((c) => c.networkInterfaces ?? [])[0]?.privateIpv4Address;
}

const eniId = (task: Task) => eniDetail(task, "networkInterfaceId");

export const taskKind: ResourceKind<TaskRow> = {
  id: "tasks",
  title: (scope) =>
    `tasks(${scope.clusterName ?? ""}/${scope.serviceName ?? scope.instanceId ?? ""})[${taskSetOf(scope)}]`,
  crumb: (scope) => scope.serviceName ?? scope.instanceId ?? "tasks",
  key: (row) => row.arn,
  columns: [
    { header: "ID", value: (r) => resourceName(r.arn), sortKey: "N" },
    {
      header: "LAST",
      value: (r) => r.task.lastStatus ?? "",
      tone: (r) => statusTone(r.task.lastStatus),
      sortKey: "S",
    },
    { header: "DESIRED", value: (r) => r.task.desiredStatus ?? "", sortKey: "D" },
    {
      header: "HEALTH",
      // A stopped task's health is UNKNOWN: the column is left out when it only says that.
      value: (r) => (r.task.lastStatus === "STOPPED" ? "" : (r.task.healthStatus ?? "")),
      tone: (r) => statusTone(r.task.healthStatus),
      sortKey: "H",
      whenSet: true,
    },
    {
      header: "TASK DEFINITION",
      value: (r) => resourceName(r.task.taskDefinitionArn),
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
      header: "EXIT",
      value: (r) => exitCodes(r.task),
      tone: (r) => exitTone(r.task, r.essential),
      sortKey: "Q",
      whenSet: true,
    },
    {
      header: "WHY",
      value: (r) => diagnoseStop(r.task, r.essential)?.text ?? "",
      tone: (r) => diagnoseStop(r.task, r.essential)?.tone,
      sortKey: "W",
      whenSet: true,
    },
    { header: "STOP CODE", value: (r) => r.task.stopCode ?? "", sortKey: "O", wide: true, whenSet: true },
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
    [
      resourceName(r.arn),
      r.task.lastStatus,
      r.task.healthStatus,
      privateIp(r.task),
      r.task.stopCode,
      r.task.stoppedReason,
      diagnoseStop(r.task, r.essential)?.text,
    ].join(" "),
  load: loadServiceTasks,
  drill: (row, scope) => {
    const { taskSet: _shown, ...service } = scope;
    return { kind: "containers", scope: { ...service, taskArn: row.arn } };
  },
  logs: (row, scope) => ({
    follow: { kind: "task", cluster: scope.clusterArn ?? "", taskArn: row.arn },
    title: `logs(${scope.serviceName ?? scope.instanceId ?? ""}/${resourceName(row.arn)})`,
  }),
};
