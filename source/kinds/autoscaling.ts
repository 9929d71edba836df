// Application Auto Scaling of one service: its scalable target (the min/max its desired count is
// kept within), its scaling policies and its scheduled actions, one row each.
import type {
  ScalableTarget,
  ScalingPolicy,
  ScheduledAction,
} from "@aws-sdk/client-application-auto-scaling";
import type { Service } from "@aws-sdk/client-ecs";
import { serviceResourceId } from "../aws/autoscaling-gateway.js";
import { onlyOne, type AwsFailure } from "../aws/failure.js";
import { servicePage } from "./console-pages.js";
import { ageOrder, formatAge } from "./format.js";
import type { ResourceKind, Tone } from "./types.js";

interface RowBase {
  key: string;
  name: string;
}

export type ScalingRow =
  | (RowBase & { type: "target"; resourceId: string; service: Service; target?: ScalableTarget })
  | (RowBase & { type: "policy"; policy: ScalingPolicy })
  | (RowBase & { type: "scheduled"; scheduled: ScheduledAction });

export const targetKey = (resourceId: string) => `target:${resourceId}`;

const bound = (value: number | undefined) => (value === undefined ? "-" : String(value));

function suspendedText(target: ScalableTarget): string {
  const state = target.SuspendedState;
  const parts = [
    state?.DynamicScalingInSuspended ? "scale-in" : "",
    state?.DynamicScalingOutSuspended ? "scale-out" : "",
    state?.ScheduledScalingSuspended ? "scheduled" : "",
  ].filter(Boolean);
  return parts.length > 0 ? `, suspended: ${parts.join(", ")}` : "";
}

const METRIC_NAMES: Record<string, string> = {
  ECSServiceAverageCPUUtilization: "CPU",
  ECSServiceAverageMemoryUtilization: "memory",
  ALBRequestCountPerTarget: "requests per target",
};
const PERCENT = new Set(["ECSServiceAverageCPUUtilization", "ECSServiceAverageMemoryUtilization"]);

function policyText(policy: ScalingPolicy): string {
  const tracking = policy.TargetTrackingScalingPolicyConfiguration;
  if (tracking) {
    const predefined = tracking.PredefinedMetricSpecification?.PredefinedMetricType;
    const metric =
      (predefined && (METRIC_NAMES[predefined] ?? predefined)) ??
      tracking.CustomizedMetricSpecification?.MetricName ??
      "custom metric";
    const cooldowns = [
      tracking.ScaleOutCooldown === undefined ? "" : `out ${tracking.ScaleOutCooldown}s`,
      tracking.ScaleInCooldown === undefined ? "" : `in ${tracking.ScaleInCooldown}s`,
    ].filter(Boolean);
    return [
      `target tracking: ${metric} at ${tracking.TargetValue ?? "?"}${predefined && PERCENT.has(predefined) ? "%" : ""}`,
      cooldowns.length > 0 ? `cooldown ${cooldowns.join(", ")}` : "",
      tracking.DisableScaleIn ? "no scale-in" : "",
    ]
      .filter(Boolean)
      .join(", ");
  }
  const step = policy.StepScalingPolicyConfiguration;
  if (step) {
    return `step scaling: ${step.AdjustmentType ?? "?"}, ${step.StepAdjustments?.length ?? 0} steps`;
  }
  return policy.PolicyType ?? "";
}

function targetDetails(row: Extract<ScalingRow, { type: "target" }>): string {
  const desired = `desired ${row.service.desiredCount ?? 0}`;
  if (!row.target) return `${desired}; not managed by auto scaling (e sets a min/max)`;
  return `${desired}${suspendedText(row.target)}`;
}

function createdAt(row: ScalingRow): Date | undefined {
  if (row.type === "target") return row.target?.CreationTime;
  return row.type === "policy" ? row.policy.CreationTime : row.scheduled.CreationTime;
}

const TYPE_TONE: Record<ScalingRow["type"], Tone | undefined> = {
  target: "ok",
  policy: undefined,
  scheduled: "progress",
};

declare module "./types.js" {
  interface KindIds {
    autoscaling: true;
  }
}

export const autoscalingKind: ResourceKind<ScalingRow> = {
  id: "autoscaling",
  title: (scope) => `autoscaling(${scope.clusterName ?? ""}/${scope.serviceName ?? ""})`,
  crumb: () => "autoscaling",
  key: (row) => row.key,
  command: { aliases: ["as"], description: "Auto scaling of the service in scope", needs: "service" },
  columns: [
    { header: "TYPE", priority: 1, value: (r) => r.type, tone: (r) => TYPE_TONE[r.type], sortKey: "Y" },
    { header: "NAME", priority: 1, value: (r) => r.name, sortKey: "N" },
    {
      header: "MIN",
      priority: 2,
      value: (r) =>
        r.type === "target"
          ? bound(r.target?.MinCapacity)
          : r.type === "scheduled"
            ? bound(r.scheduled.ScalableTargetAction?.MinCapacity)
            : "",
      align: "right",
      sortKey: "M",
    },
    {
      header: "MAX",
      priority: 2,
      value: (r) =>
        r.type === "target"
          ? bound(r.target?.MaxCapacity)
          : r.type === "scheduled"
            ? bound(r.scheduled.ScalableTargetAction?.MaxCapacity)
            : "",
      align: "right",
      sortKey: "X",
    },
    {
      header: "DETAILS",
      priority: 3,
      value: (r) =>
        r.type === "target"
          ? targetDetails(r)
          : r.type === "policy"
            ? policyText(r.policy)
            : [r.scheduled.Schedule, r.scheduled.Timezone].filter(Boolean).join(" "),
      flexible: true,
      pendingSlot: true,
      sortKey: "D",
    },
    {
      header: "AGE",
      priority: 4,
      value: (r, now) => formatAge(createdAt(r), now),
      sortValue: (r) => ageOrder(createdAt(r)),
      align: "right",
      sortKey: "A",
    },
  ],
  filterText: (r) => `${r.type} ${r.name}`,
  describe: (r) => (r.type === "target" ? r.target : r.type === "policy" ? r.policy : r.scheduled),
  consoleUrl: (_key, scope) => servicePage(scope, scope.serviceName, "configuration"),
  subject: {
    resource: "scalableTarget",
    of: (row) =>
      row.type === "target"
        ? { resourceId: row.resourceId, service: row.service, target: row.target }
        : undefined,
    rowKey: targetKey,
  },
  async load({ gateway, autoscaling, scope }) {
    if (!autoscaling) {
      const failure: AwsFailure = {
        kind: "unknown",
        operation: "DescribeScalableTargets",
        code: "Unavailable",
        message: "Application Auto Scaling is not available in this session",
      };
      return { ok: false, failure };
    }
    const cluster = scope.clusterArn ?? "";
    const name = scope.serviceName ?? "";
    const resourceId = serviceResourceId(scope.clusterName ?? cluster, name);
    const [described, target, policies, scheduled] = await Promise.all([
      gateway.describeServices(cluster, [name]),
      autoscaling.describeScalableTarget(resourceId),
      autoscaling.describeScalingPolicies(resourceId),
      autoscaling.describeScheduledActions(resourceId),
    ]);
    const service = onlyOne(described, "DescribeServices", `service ${name}`);
    if (!service.ok) return service;
    if (!target.ok) return target;
    const rows: ScalingRow[] = [
      {
        key: targetKey(resourceId),
        type: "target",
        name: resourceId,
        resourceId,
        service: service.value,
        target: target.value,
      },
      ...(policies.ok ? policies.value : []).map((policy): ScalingRow => ({
        key: `policy:${policy.PolicyARN ?? policy.PolicyName}`,
        type: "policy",
        name: policy.PolicyName ?? "",
        policy,
      })),
      ...(scheduled.ok ? scheduled.value : []).map((action): ScalingRow => ({
        key: `scheduled:${action.ScheduledActionARN ?? action.ScheduledActionName}`,
        type: "scheduled",
        name: action.ScheduledActionName ?? "",
        scheduled: action,
      })),
    ];
    // The target is what matters most; policies or scheduled actions that could not be read are
    // reported, with the rows that could.
    if (!policies.ok) return { ok: false, failure: policies.failure, rows };
    if (!scheduled.ok) return { ok: false, failure: scheduled.failure, rows };
    return { ok: true, rows };
  },
};
