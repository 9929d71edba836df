import type { Cluster } from "@aws-sdk/client-ecs";
import { count, orDash } from "./format.js";
import { clusterPage } from "./console-pages.js";
import { statusTone } from "./tone.js";
import type { ResourceKind, Scope } from "./types.js";

export interface ClusterRow {
  arn: string;
  cluster: Cluster;
}

const clusterScope = (row: ClusterRow): Scope => ({
  clusterArn: row.arn,
  clusterName: row.cluster.clusterName ?? row.arn,
});

// This kind's id, added to the ids every view's kind is one of.
declare module "./types.js" {
  interface KindIds {
    clusters: true;
  }
}

export const clusterKind: ResourceKind<ClusterRow> = {
  id: "clusters",
  title: () => "clusters",
  crumb: () => "clusters",
  key: (row) => row.arn,
  command: { aliases: ["cl"], description: "All clusters (back to the top)" },
  columns: [
    { header: "NAME", priority: 1, value: (r) => r.cluster.clusterName ?? "", sortKey: "N" },
    {
      header: "STATUS",
      priority: 2,
      value: (r) => r.cluster.status ?? "",
      tone: (r) => statusTone(r.cluster.status),
      sortKey: "S",
    },
    {
      header: "SERVICES",
      priority: 3,
      value: (r) => count(r.cluster.activeServicesCount),
      align: "right",
      sortKey: "V",
    },
    {
      header: "RUNNING",
      priority: 3,
      value: (r) => count(r.cluster.runningTasksCount),
      align: "right",
      sortKey: "R",
    },
    {
      header: "PENDING",
      priority: 4,
      value: (r) => count(r.cluster.pendingTasksCount),
      align: "right",
      tone: (r) => ((r.cluster.pendingTasksCount ?? 0) > 0 ? "progress" : undefined),
      sortKey: "P",
    },
    {
      header: "INSTANCES",
      priority: 4,
      value: (r) => count(r.cluster.registeredContainerInstancesCount),
      align: "right",
      sortKey: "I",
    },
    {
      header: "MONITORING",
      priority: 5,
      value: (r) => orDash(r.cluster.settings?.find((s) => s.name === "containerInsights")?.value),
      sortKey: "M",
      wide: true,
    },
    {
      header: "CAPACITY PROVIDERS",
      priority: 4,
      value: (r) => (r.cluster.capacityProviders ?? []).join(",") || "-",
      flexible: true,
      sortKey: "C",
    },
  ],
  filterText: (r) => `${r.cluster.clusterName ?? ""} ${r.cluster.status ?? ""}`,
  describe: (r) => r.cluster,
  consoleUrl: (key) => clusterPage(key, "services"),
  async load({ gateway }) {
    const listed = await gateway.listClusterArns();
    if (!listed.ok) return listed;
    const described = await gateway.describeClusters(listed.value);
    if (!described.ok) return described;
    const rows = described.value
      .filter((cluster): cluster is Cluster & { clusterArn: string } => Boolean(cluster.clusterArn))
      .map((cluster) => ({ arn: cluster.clusterArn, cluster }))
      .sort((a, b) => (a.cluster.clusterName ?? "").localeCompare(b.cluster.clusterName ?? ""));
    return { ok: true, rows };
  },
  drill: (row) => ({ kind: "services", scope: clusterScope(row) }),
  views: { instances: (row) => ({ kind: "instances", scope: clusterScope(row) }) },
};
