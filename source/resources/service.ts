import type { Service } from "@aws-sdk/client-ecs";
import { arnName, count, formatAge, orDash, taskDefinitionName } from "./format.js";
import { statusTone } from "./tone.js";
import type { LoadContext, LoadOutcome, ResourceKind } from "./types.js";

export interface ServiceRow {
  arn: string;
  name: string;
  /** Undefined until the row has been described. */
  service?: Service;
  describedAt?: number;
}

/** Watching a cluster re-lists it this often; in between only described rows are refreshed. */
export const RELIST_MS = 60_000;
/** Rows off screen are re-described a few batches per poll, oldest first. */
export const SWEEP_BATCHES = 2;
const BATCH = 10;

function primaryDeployment(service: Service | undefined) {
  return service?.deployments?.find((d) => d.status === "PRIMARY");
}

function rollout(service: Service | undefined): string {
  const primary = primaryDeployment(service);
  if (!primary?.rolloutState) return service ? "-" : "";
  const others = (service?.deployments?.length ?? 1) - 1;
  return others > 0 ? `${primary.rolloutState} (+${others})` : primary.rolloutState;
}

function launch(service: Service | undefined): string {
  if (!service) return "";
  if (service.launchType) return service.launchType;
  const providers = service.capacityProviderStrategy?.map((s) => s.capacityProvider).filter(Boolean);
  return providers?.length ? providers.join(",") : "-";
}

export const serviceKind: ResourceKind<ServiceRow> = {
  id: "services",
  title: (scope) => `services(${scope.clusterName ?? ""})`,
  crumb: (scope) => scope.clusterName ?? "services",
  key: (row) => row.arn,
  isPlaceholder: (row) => !row.service,
  columns: [
    { header: "NAME", value: (r) => r.name },
    { header: "STATUS", value: (r) => r.service?.status ?? "", tone: (r) => statusTone(r.service?.status) },
    { header: "DESIRED", value: (r) => count(r.service?.desiredCount), align: "right" },
    {
      header: "RUNNING",
      value: (r) => count(r.service?.runningCount),
      align: "right",
      tone: (r) =>
        r.service && (r.service.runningCount ?? 0) < (r.service.desiredCount ?? 0) ? "warn" : undefined,
    },
    {
      header: "PENDING",
      value: (r) => count(r.service?.pendingCount),
      align: "right",
      tone: (r) => ((r.service?.pendingCount ?? 0) > 0 ? "progress" : undefined),
    },
    {
      header: "ROLLOUT",
      value: (r) => rollout(r.service),
      tone: (r) => statusTone(primaryDeployment(r.service)?.rolloutState),
    },
    {
      header: "TASK DEFINITION",
      value: (r) => taskDefinitionName(r.service?.taskDefinition),
      flexible: true,
    },
    { header: "LAUNCH", value: (r) => launch(r.service) },
    { header: "AGE", value: (r, now) => formatAge(r.service?.createdAt, now), align: "right" },
  ],
  filterText: (r) =>
    `${r.name} ${r.service?.status ?? ""} ${orDash(taskDefinitionName(r.service?.taskDefinition))}`,
  load: loadServices,
  drill: (row, scope) => ({ kind: "tasks", scope: { ...scope, serviceName: row.name } }),
};

/**
 * Lists the cluster (at most every RELIST_MS unless forced), shows the names at once, then describes
 * what is on screen first, then everything never described, then a small sweep of the stalest rows.
 */
async function loadServices(context: LoadContext<ServiceRow>): Promise<LoadOutcome<ServiceRow>> {
  const { gateway, scope, now, previous, memo, forced } = context;
  const cluster = scope.clusterArn ?? "";
  const known = new Map((previous ?? []).map((row) => [row.arn, row]));
  let rows: ServiceRow[];

  if (forced || !previous || now - (memo.listedAt ?? 0) >= RELIST_MS) {
    const listed = await gateway.listServiceArns(cluster);
    if (!listed.ok) return { ok: false, failure: listed.failure, rows: previous ? [...previous] : undefined };
    memo.listedAt = now;
    rows = listed.value
      .map((arn) => known.get(arn) ?? { arn, name: arnName(arn) })
      .sort((a, b) => a.name.localeCompare(b.name));
    context.publish(rows);
  } else {
    rows = [...previous];
  }

  const visible = context.visibleKeys(rows);
  const wanted = new Set<string>();
  for (const row of rows) if (visible.has(row.arn)) wanted.add(row.arn);
  for (const row of rows) if (!row.service) wanted.add(row.arn);
  const stalest = rows
    .filter((row) => row.service && !wanted.has(row.arn))
    .sort((a, b) => (a.describedAt ?? 0) - (b.describedAt ?? 0))
    .slice(0, SWEEP_BATCHES * BATCH);
  for (const row of stalest) wanted.add(row.arn);

  const index = new Map(rows.map((row, i) => [row.arn, i]));
  const described = await gateway.describeServices(cluster, [...wanted], (services) => {
    const next = [...rows];
    for (const service of services) {
      const i = service.serviceArn === undefined ? undefined : index.get(service.serviceArn);
      if (i === undefined) continue;
      next[i] = { arn: next[i]!.arn, name: service.serviceName ?? next[i]!.name, service, describedAt: now };
    }
    rows = next;
    context.publish(rows);
  });
  if (!described.ok) return { ok: false, failure: described.failure, rows };
  return { ok: true, rows };
}
