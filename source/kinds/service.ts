import type { Service } from "@aws-sdk/client-ecs";
import { ageOrder, count, formatAge, formatTime, orDash } from "./format.js";
import { servicePage } from "./console-pages.js";
import { statusTone } from "./tone.js";
import type { KindId, LoadContext, LoadOutcome, ResourceKind, Scope, ViewAt } from "./types.js";
import { resourceName } from "../core/arn.js";

export interface ServiceRow {
  arn: string;
  name: string;
  /** Undefined until the row has been described. */
  service?: Service;
  describedAt?: number;
}

/** Watching a cluster re-lists it this often; in between only described rows are refreshed. */
export const RELIST_MS = 60_000;
/**
 * Batches of 10 re-described per poll once every row is known: rows on screen first (the stalest
 * first when the screen holds more), then the stalest rows off screen. With a 5 s refresh that is
 * 72 calls a minute, plus the re-list, however tall the terminal is.
 */
export const POLL_BATCHES = 6;
const BATCH = 10;

export function primaryDeployment(service: Service | undefined) {
  return service?.deployments?.find((d) => d.status === "PRIMARY");
}

/**
 * The rollout at a glance: the PRIMARY deployment's state, and while older deployments still have
 * tasks, how far the new one is ("IN_PROGRESS 2/6 new, 4 old").
 */
export function rolloutText(service: Service | undefined): string {
  const primary = primaryDeployment(service);
  if (!primary?.rolloutState) return service ? "-" : "";
  const others = (service?.deployments ?? []).filter((d) => d !== primary);
  if (others.length === 0) return primary.rolloutState;
  const old = others.reduce((sum, d) => sum + (d.runningCount ?? 0), 0);
  return `${primary.rolloutState} ${primary.runningCount ?? 0}/${primary.desiredCount ?? 0} new, ${old} old`;
}

function launch(service: Service | undefined): string {
  if (!service) return "";
  if (service.launchType) return service.launchType;
  const providers = service.capacityProviderStrategy?.map((s) => s.capacityProvider).filter(Boolean);
  return providers?.length ? providers.join(",") : "-";
}

/** A view of the service's own (its deployments, events…), scoped to the service. */
const ofService =
  (kind: KindId) =>
  (row: ServiceRow, scope: Scope): ViewAt => ({ kind, scope: { ...scope, serviceName: row.name } });

declare module "./types.js" {
  interface KindIds {
    services: true;
  }
}

export const serviceKind: ResourceKind<ServiceRow> = {
  id: "services",
  title: (scope) => `services(${scope.clusterName ?? ""})`,
  crumb: (scope) => scope.clusterName ?? "services",
  key: (row) => row.arn,
  isPlaceholder: (row) => !row.service,
  command: { aliases: ["svc"], description: "Services of the cluster in scope", needs: "cluster" },
  columns: [
    { header: "NAME", priority: 1, value: (r) => r.name, sortKey: "N" },
    {
      header: "STATUS",
      priority: 2,
      value: (r) => r.service?.status ?? "",
      tone: (r) => statusTone(r.service?.status),
      sortKey: "S",
    },
    {
      header: "DESIRED",
      priority: 3,
      value: (r) => count(r.service?.desiredCount),
      align: "right",
      sortKey: "D",
    },
    {
      header: "RUNNING",
      priority: 2,
      value: (r) => count(r.service?.runningCount),
      align: "right",
      tone: (r) =>
        r.service && (r.service.runningCount ?? 0) < (r.service.desiredCount ?? 0) ? "warn" : undefined,
      sortKey: "R",
    },
    {
      header: "PENDING",
      priority: 4,
      value: (r) => count(r.service?.pendingCount),
      align: "right",
      tone: (r) => ((r.service?.pendingCount ?? 0) > 0 ? "progress" : undefined),
      sortKey: "P",
    },
    {
      header: "ROLLOUT",
      priority: 2,
      value: (r) => rolloutText(r.service),
      tone: (r) => statusTone(primaryDeployment(r.service)?.rolloutState),
      pendingSlot: true,
      sortKey: "O",
    },
    {
      header: "TASK DEFINITION",
      priority: 3,
      value: (r) => resourceName(r.service?.taskDefinition),
      flexible: true,
      sortKey: "T",
    },
    { header: "LAUNCH", priority: 4, value: (r) => launch(r.service), sortKey: "L" },
    {
      header: "TYPE",
      priority: 5,
      value: (r) => r.service?.schedulingStrategy ?? "",
      sortKey: "Y",
      wide: true,
    },
    {
      header: "EXEC",
      priority: 4,
      value: (r) => (r.service ? (r.service.enableExecuteCommand ? "on" : "off") : ""),
      sortKey: "E",
    },
    {
      header: "CREATED",
      priority: 5,
      value: (r) => formatTime(r.service?.createdAt),
      sortValue: (r) => r.service?.createdAt?.getTime(),
      sortKey: "C",
      wide: true,
    },
    {
      header: "AGE",
      priority: 3,
      value: (r, now) => formatAge(r.service?.createdAt, now),
      sortValue: (r) => ageOrder(r.service?.createdAt),
      align: "right",
      sortKey: "A",
    },
  ],
  filterText: (r) =>
    `${r.name} ${r.service?.status ?? ""} ${orDash(resourceName(r.service?.taskDefinition))}`,
  describe: (r) => r.service,
  consoleUrl: (key, scope) => servicePage(scope, resourceName(key), "health"),
  load: loadServices,
  subject: { resource: "service", of: (row) => ({ name: row.name, service: row.service }) },
  drill: ofService("tasks"),
  views: {
    deployments: ofService("deployments"),
    events: ofService("events"),
    autoscaling: ofService("autoscaling"),
    taskDefinitions: ofService("taskdefs"),
    // Not described yet: opened anyway, the view says what it finds.
    loadBalancers: (row, scope) => {
      const balanced = row.service?.loadBalancers?.some((binding) => binding.targetGroupArn);
      if (row.service && !balanced) return `${row.name} has no load balancer target group`;
      return ofService("targets")(row, scope);
    },
  },
  logs: (row, scope) => ({
    follow: { kind: "service", cluster: scope.clusterArn ?? "", service: row.name },
    title: `logs(${scope.clusterName ?? ""}/${row.name})`,
  }),
};

/**
 * Lists the cluster (at most every RELIST_MS unless forced) and shows the names at once; then
 * describes every row never described (those on screen first) and POLL_BATCHES of refreshes.
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
      .map((arn) => known.get(arn) ?? { arn, name: resourceName(arn) })
      .sort((a, b) => a.name.localeCompare(b.name));
    context.publish(rows);
  } else {
    rows = [...previous];
  }

  const visible = context.visibleKeys(rows);
  const stalestFirst = (a: ServiceRow, b: ServiceRow) => (a.describedAt ?? 0) - (b.describedAt ?? 0);
  const described = rows.filter((row) => row.service);
  const refresh = [
    ...described.filter((row) => visible.has(row.arn)).sort(stalestFirst),
    ...described.filter((row) => !visible.has(row.arn)).sort(stalestFirst),
  ].slice(0, POLL_BATCHES * BATCH);
  // Rows never described (a first load, new services) are always described, visible ones first.
  const undescribed = rows.filter((row) => !row.service);
  undescribed.sort((a, b) => Number(visible.has(b.arn)) - Number(visible.has(a.arn)));
  const wanted = [...undescribed, ...refresh].map((row) => row.arn);

  const index = new Map(rows.map((row, i) => [row.arn, i]));
  const outcome = await gateway.describeServices(cluster, wanted, (services) => {
    const next = [...rows];
    for (const service of services) {
      const i = service.serviceArn === undefined ? undefined : index.get(service.serviceArn);
      if (i === undefined) continue;
      next[i] = { arn: next[i]!.arn, name: service.serviceName ?? next[i]!.name, service, describedAt: now };
    }
    rows = next;
    context.publish(rows);
  });
  if (!outcome.ok) return { ok: false, failure: outcome.failure, rows };
  return { ok: true, rows };
}
