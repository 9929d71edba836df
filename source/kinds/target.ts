// The load balancer targets of one service, as the console's "Target health" shows them: for each
// of the service's target groups (loadBalancers[].targetGroupArn) every registered target with
// the load balancer's verdict (healthy, unhealthy, draining, initial, unused) and why, matched back
// to the ECS task that owns the address. The title line adds how the service's running tasks
// spread over availability zones, in warning colour when the spread looks wrong.
import type { TargetGroup, TargetHealthDescription } from "@aws-sdk/client-elastic-load-balancing-v2";
import type { LoadBalancer, Task } from "@aws-sdk/client-ecs";
import type { EcsGateway } from "../aws/ecs-gateway.js";
import { ok, type Result } from "../aws/failure.js";
import { azSpread, spreadText, type ZoneSpread } from "./az-spread.js";
import { orDash } from "./format.js";
import { servicePage } from "./console-pages.js";
import { describeScopeService } from "./scope-service.js";
import { matchTargets } from "./target-match.js";
import type { ResourceKind, Scope, Tone } from "./types.js";
import { inService } from "../aws/task-group.js";
import { resourceName } from "../core/arn.js";

export interface TargetRow {
  key: string;
  binding: LoadBalancer & { targetGroupArn: string };
  group: TargetGroup | undefined;
  health: TargetHealthDescription;
  task: Task | undefined;
  /** The same object on every row of a load: the title line reads it from the first row. */
  spread: ZoneSpread;
}

const STATE_TONE: Record<string, Tone> = {
  healthy: "ok",
  unhealthy: "bad",
  unavailable: "bad",
  draining: "warn",
  initial: "progress",
  unused: "muted",
};

/** Trouble first, as an operator reads the list. */
const STATE_ORDER = ["unhealthy", "unavailable", "draining", "initial", "unused", "healthy"];

/**
 * A row's key: the target's ID first, then its port, target group and container, space-separated
 * (none of them holds a space; an ID may hold colons: an IPv6 address).
 */
export const targetKey = (health: TargetHealthDescription, binding: TargetRow["binding"]): string =>
  [
    health.Target?.Id ?? "",
    health.Target?.Port ?? "",
    binding.targetGroupArn,
    binding.containerName ?? "",
  ].join(" ");

/** The target ID (IP address or EC2 instance ID) a row's key starts with. */
export const targetIdOfKey = (key: string): string => key.split(" ")[0] ?? key;

const stateOf = (row: TargetRow) => row.health.TargetHealth?.State ?? "";
const groupName = (row: TargetRow) => row.group?.TargetGroupName ?? resourceName(row.binding.targetGroupArn);

/** "arn:…:loadbalancer/app/prod-alb/50dc6c495c0c9188" → "prod-alb" */
const loadBalancerName = (arn: string) => arn.split("/")[2] ?? arn;

function healthCheckText(group: TargetGroup | undefined): string {
  if (!group) return "";
  const path = group.HealthCheckProtocol?.startsWith("HTTP") ? (group.HealthCheckPath ?? "/") : "";
  return [group.HealthCheckProtocol, path].filter(Boolean).join(" ");
}

/** The tasks of the service in scope, running and stopping (draining targets are stopping tasks). */
async function serviceTasks(
  gateway: EcsGateway,
  scope: Scope,
  memo: Record<string, number>,
): Promise<Result<Task[]>> {
  const cluster = scope.clusterArn ?? "";
  const [live, stopping] = await Promise.all([
    gateway.listTaskArns(cluster, { serviceName: scope.serviceName, desiredStatus: "RUNNING" }),
    gateway.listTaskArns(cluster, { serviceName: scope.serviceName, desiredStatus: "STOPPED" }),
  ]);
  if (!live.ok) return live;
  if (!stopping.ok) return stopping;
  // ECS deregisters a task's targets, and waits for them to drain, before the task reaches
  // STOPPED: a task once seen STOPPED owns no target, and is not described again (ECS keeps stopped
  // tasks listed for an hour; a service that churns would otherwise cost a DescribeTasks a refresh).
  const listed = new Set(stopping.value);
  for (const key of Object.keys(memo)) {
    if (key.startsWith(SEEN_STOPPED) && !listed.has(key.slice(SEEN_STOPPED.length))) delete memo[key];
  }
  const wanted = [...live.value, ...stopping.value.filter((arn) => !memo[`${SEEN_STOPPED}${arn}`])];
  const described = await gateway.describeTasks(cluster, [...new Set(wanted)]);
  if (!described.ok) return described;
  for (const task of described.value) {
    if (task.taskArn && task.lastStatus === "STOPPED") memo[`${SEEN_STOPPED}${task.taskArn}`] = 1;
  }
  const service = scope.serviceName ?? "";
  return { ok: true, value: described.value.filter((task) => inService(task, service)) };
}

/** memo keys of the tasks already seen STOPPED. */
const SEEN_STOPPED = "stopped ";

declare module "./types.js" {
  interface KindIds {
    targets: true;
  }
}

export const targetKind: ResourceKind<TargetRow> = {
  id: "targets",
  title: (scope) => `targets(${scope.clusterName ?? ""}/${scope.serviceName ?? ""})`,
  caption: (rows) => {
    const spread = rows[0]?.spread;
    const shown = spread && spreadText(spread);
    return shown?.text
      ? { text: `zones: ${shown.text}`, ...(shown.tone ? { tone: shown.tone } : {}) }
      : undefined;
  },
  crumb: () => "targets",
  key: (row) => row.key,
  command: {
    aliases: ["lb"],
    description: "Load balancer targets of the service in scope, and its zones",
    needs: "service",
  },
  columns: [
    { header: "TARGET", priority: 1, value: (r) => r.health.Target?.Id ?? "", sortKey: "I" },
    {
      header: "PORT",
      priority: 3,
      value: (r) => String(r.health.Target?.Port ?? ""),
      align: "right",
      sortKey: "O",
    },
    { header: "AZ", priority: 3, value: (r) => orDash(r.health.Target?.AvailabilityZone), sortKey: "Z" },
    {
      header: "STATE",
      priority: 1,
      value: stateOf,
      tone: (r) => STATE_TONE[stateOf(r)],
      sortKey: "S",
      sortValue: (r) => STATE_ORDER.indexOf(stateOf(r)),
    },
    { header: "REASON", priority: 2, value: (r) => orDash(r.health.TargetHealth?.Reason), sortKey: "R" },
    {
      header: "TASK",
      priority: 3,
      value: (r) => (r.task ? resourceName(r.task.taskArn) : "-"),
      sortKey: "T",
    },
    { header: "TARGET GROUP", priority: 4, value: groupName, sortKey: "N" },
    {
      header: "LOAD BALANCER",
      priority: 5,
      value: (r) => orDash(r.group?.LoadBalancerArns?.map(loadBalancerName).join(",")),
      sortKey: "B",
      wide: true,
    },
    {
      header: "LISTENS",
      priority: 5,
      value: (r) => (r.group ? `${r.group.Protocol ?? ""}:${r.group.Port ?? ""}` : ""),
      sortKey: "L",
      wide: true,
    },
    { header: "HEALTH CHECK", priority: 5, value: (r) => healthCheckText(r.group), sortKey: "H", wide: true },
    {
      header: "CONTAINER",
      priority: 5,
      value: (r) => `${r.binding.containerName ?? ""}:${r.binding.containerPort ?? ""}`,
      sortKey: "C",
      wide: true,
    },
    {
      header: "DESCRIPTION",
      priority: 3,
      value: (r) => r.health.TargetHealth?.Description ?? "",
      tone: (r) => (STATE_TONE[stateOf(r)] === "bad" ? "bad" : undefined),
      flexible: true,
      sortKey: "D",
    },
  ],
  filterText: (r) =>
    [
      r.health.Target?.Id,
      stateOf(r),
      r.health.TargetHealth?.Reason,
      r.health.Target?.AvailabilityZone,
      r.task ? resourceName(r.task.taskArn) : "",
      groupName(r),
      r.health.TargetHealth?.Description,
    ].join(" "),
  describe: (r) => ({
    target: r.health,
    targetGroup: r.group ?? { TargetGroupArn: r.binding.targetGroupArn },
    containerName: r.binding.containerName,
    containerPort: r.binding.containerPort,
    taskArn: r.task?.taskArn,
  }),
  references: (key) => [{ label: "ID", value: targetIdOfKey(key) }],
  consoleUrl: (_key, scope) => servicePage(scope, scope.serviceName, "health"),
  drill: (row, scope) =>
    row.task?.taskArn ? { kind: "containers", scope: { ...scope, taskArn: row.task.taskArn } } : undefined,
  async load({ gateway, elbv2, scope, previous, forced, memo }) {
    if (!elbv2) {
      return {
        ok: false,
        failure: {
          kind: "unavailable",
          operation: "DescribeTargetHealth",
          code: "NoElasticLoadBalancing",
          message: "Elastic Load Balancing is not available in this session",
        },
      };
    }
    const described = await describeScopeService(gateway, scope);
    if (!described.ok) return described;
    const service = described.value;
    const bindings = (service.loadBalancers ?? []).filter((binding): binding is TargetRow["binding"] =>
      Boolean(binding.targetGroupArn),
    );
    const arns = [...new Set(bindings.map((binding) => binding.targetGroupArn))];
    // A target group's settings seldom change: described once, again on ctrl-r.
    const known = new Map<string, TargetGroup>();
    if (!forced)
      for (const row of previous ?? []) if (row.group) known.set(row.binding.targetGroupArn, row.group);
    const unknown = arns.filter((arn) => !known.has(arn));
    const [tasks, groups, ...healths] = await Promise.all([
      serviceTasks(gateway, scope, memo),
      unknown.length > 0 ? elbv2.describeTargetGroups(unknown) : Promise.resolve(ok<TargetGroup[]>([])),
      ...arns.map((arn) => elbv2.describeTargetHealth(arn)),
    ]);
    if (!tasks.ok) return tasks;
    if (!groups.ok) return groups;
    const spread = azSpread(tasks.value, service.networkConfiguration?.awsvpcConfiguration?.subnets);
    const matcher = matchTargets(tasks.value);
    const rows: TargetRow[] = [];
    for (const binding of bindings) {
      const result = healths[arns.indexOf(binding.targetGroupArn)];
      if (!result) continue;
      if (!result.ok) return result;
      const group =
        known.get(binding.targetGroupArn) ??
        groups.value.find((candidate) => candidate.TargetGroupArn === binding.targetGroupArn);
      for (const health of result.value) {
        const key = targetKey(health, binding);
        if (rows.some((row) => row.key === key)) continue;
        rows.push({ key, binding, group, health, task: matcher.taskFor(health.Target), spread });
      }
    }
    rows.sort(
      (a, b) =>
        STATE_ORDER.indexOf(stateOf(a)) - STATE_ORDER.indexOf(stateOf(b)) ||
        (a.health.Target?.AvailabilityZone ?? "").localeCompare(b.health.Target?.AvailabilityZone ?? "") ||
        (a.health.Target?.Id ?? "").localeCompare(b.health.Target?.Id ?? ""),
    );
    return { ok: true, rows };
  },
};
