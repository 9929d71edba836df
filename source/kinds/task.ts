import type { Task } from "@aws-sdk/client-ecs";
import { ageOrder, formatAge, orDash } from "./format.js";
import { diagnoseStop, exitCodes, exitTone } from "./stop-diagnosis.js";
import { openFor } from "./scope-need.js";
import { isTaskSet, loadServiceTasks, TASK_SETS, taskSetOf, withTaskSet, type TaskRow } from "./task-set.js";
import { eniDetail } from "./task-eni.js";
import { taskPage } from "./console-pages.js";
import { arnReferences } from "./references.js";
import { statusTone } from "./tone.js";
import type { ResourceKind, ViewAt } from "./types.js";
import { serviceOfTask } from "../aws/task-group.js";
import { resourceName, taskDefinitionRevision } from "../core/arn.js";

export type { TaskRow };

export function privateIp(task: Task): string | undefined {
  const fromEni = eniDetail(task, "privateIPv4Address");
  return fromEni ?? task.containers?.flatMap((c) => c.networkInterfaces ?? [])[0]?.privateIpv4Address;
}

const eniId = (task: Task) => eniDetail(task, "networkInterfaceId");

/** `:tasks` opens the running tasks; `:tasks stopped` or `:tasks all` another set. */
function openTasks(words: readonly string[], top: ViewAt): ViewAt | string {
  const [word, ...rest] = words;
  const set = word?.toLowerCase() ?? "running";
  if (!isTaskSet(set) || rest.length > 0) {
    return `:tasks takes one of ${TASK_SETS.join(", ")} (got "${words.join(" ")}")`;
  }
  const opened = openFor("tasks", "service", top.scope);
  return typeof opened === "string" ? opened : { ...opened, scope: withTaskSet(opened.scope, set) };
}

declare module "./types.js" {
  interface KindIds {
    tasks: true;
  }
}

export const taskKind: ResourceKind<TaskRow> = {
  id: "tasks",
  title: (scope) =>
    `tasks(${scope.clusterName ?? ""}/${scope.serviceName ?? scope.instanceId ?? ""})[${taskSetOf(scope)}]`,
  crumb: (scope) => scope.serviceName ?? scope.instanceId ?? "tasks",
  key: (row) => row.arn,
  command: {
    aliases: [],
    description: "Tasks of the service in scope (:tasks stopped|all)",
    needs: "service",
    open: openTasks,
  },
  taskSets: true,
  columns: [
    { header: "ID", priority: 1, value: (r) => resourceName(r.arn), sortKey: "N" },
    {
      header: "LAST",
      priority: 2,
      value: (r) => r.task.lastStatus ?? "",
      tone: (r) => statusTone(r.task.lastStatus),
      sortKey: "S",
    },
    { header: "DESIRED", priority: 4, value: (r) => r.task.desiredStatus ?? "", sortKey: "D" },
    {
      header: "HEALTH",
      priority: 2,
      // A stopped task's health is UNKNOWN: the column is left out when it only says that.
      value: (r) => (r.task.lastStatus === "STOPPED" ? "" : (r.task.healthStatus ?? "")),
      tone: (r) => statusTone(r.task.healthStatus),
      sortKey: "H",
      whenSet: true,
    },
    {
      header: "TASK DEFINITION",
      priority: 5,
      value: (r) => resourceName(r.task.taskDefinitionArn),
      sortKey: "T",
      wide: true,
    },
    {
      header: "REV",
      priority: 3,
      value: (r) => taskDefinitionRevision(r.task.taskDefinitionArn),
      align: "right",
      sortKey: "V",
    },
    {
      header: "CPU/MEM",
      priority: 4,
      value: (r) => `${r.task.cpu ?? "-"}/${r.task.memory ?? "-"}`,
      sortKey: "C",
    },
    {
      header: "LAUNCH",
      priority: 5,
      value: (r) => orDash(r.task.launchType ?? r.task.capacityProviderName),
      sortKey: "L",
      wide: true,
    },
    { header: "IP", priority: 3, value: (r) => orDash(privateIp(r.task)), sortKey: "I" },
    { header: "ENI", priority: 5, value: (r) => orDash(eniId(r.task)), sortKey: "E", wide: true },
    { header: "AZ", priority: 4, value: (r) => orDash(r.task.availabilityZone), sortKey: "Z" },
    { header: "STARTED BY", priority: 5, value: (r) => orDash(r.task.startedBy), sortKey: "B", wide: true },
    {
      header: "AGE",
      priority: 3,
      value: (r, now) => formatAge(r.task.startedAt ?? r.task.createdAt, now),
      sortValue: (r) => ageOrder(r.task.startedAt ?? r.task.createdAt),
      align: "right",
      sortKey: "A",
    },
    {
      header: "EXIT",
      priority: 2,
      value: (r) => exitCodes(r.task),
      tone: (r) => exitTone(r.task, r.essential),
      sortKey: "Q",
      whenSet: true,
    },
    {
      header: "WHY",
      priority: 2,
      value: (r) => diagnoseStop(r.task, r.essential)?.text ?? "",
      tone: (r) => diagnoseStop(r.task, r.essential)?.tone,
      sortKey: "W",
      whenSet: true,
    },
    {
      header: "STOP CODE",
      priority: 5,
      value: (r) => r.task.stopCode ?? "",
      sortKey: "O",
      wide: true,
      whenSet: true,
    },
    {
      header: "STOP REASON",
      priority: 3,
      value: (r) => r.task.stoppedReason ?? "",
      tone: (r) => (r.task.stopCode && r.task.stopCode !== "UserInitiated" ? "bad" : "muted"),
      flexible: true,
      pendingSlot: true,
      sortKey: "R",
    },
  ],
  markable: true,
  describe: (r) => r.task,
  references: (key) => arnReferences(key, "ID"),
  consoleUrl: (key, scope) => taskPage(scope, key),
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
  subject: { resource: "task", of: (row) => row.task },
  exec: (row) => ({
    taskArn: row.arn,
    containers: (row.task.containers ?? []).map((c) => ({ name: c.name ?? "", status: c.lastStatus })),
  }),
  views: {
    // With the task's service in scope when it has one, as if opened from the service.
    network: (row, scope) => {
      const serviceName = serviceOfTask(row.task) ?? scope.serviceName;
      return {
        kind: "network",
        scope: { ...scope, ...(serviceName ? { serviceName } : {}), taskArn: row.arn },
      };
    },
  },
  logs: (row, scope) => ({
    follow: { kind: "task", cluster: scope.clusterArn ?? "", taskArn: row.arn },
    title: `logs(${scope.serviceName ?? scope.instanceId ?? ""}/${resourceName(row.arn)})`,
  }),
};
