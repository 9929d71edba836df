// The container instances of an EC2 cluster (`:instances`, `:ci`, or `i` on a cluster): the hosts
// its EC2 tasks run on, with their agent, what is left of their CPU and memory, and their tasks.
// A cluster with none says why instead of showing an empty table (Fargate needs no hosts).
import type { Cluster, ContainerInstance, Resource } from "@aws-sdk/client-ecs";
import { ageOrder, count, formatAge, orDash } from "./format.js";
import { scopePage } from "./console-pages.js";
import { arnReferences } from "./references.js";
import { statusTone } from "./tone.js";
import type { ResourceKind, Scope } from "./types.js";
import { resourceName } from "../core/arn.js";

export interface InstanceRow {
  arn: string;
  instance: ContainerInstance;
}

function resource(resources: Resource[] | undefined, name: string): number | undefined {
  return resources?.find((r) => r.name === name)?.integerValue;
}

export function attribute(instance: ContainerInstance, name: string): string | undefined {
  return instance.attributes?.find((a) => a.name === name)?.value;
}

/** Registered and remaining CPU units or memory MiB of an instance. */
export function capacity(instance: ContainerInstance, name: "CPU" | "MEMORY") {
  const registered = resource(instance.registeredResources, name);
  const remaining = resource(instance.remainingResources, name);
  return { registered, remaining };
}

/** "2048/4096 50%": units in use of the registered units, and that as a share. */
export function usage(instance: ContainerInstance, name: "CPU" | "MEMORY"): string {
  const { registered, remaining } = capacity(instance, name);
  if (registered === undefined || remaining === undefined) return "-";
  const used = registered - remaining;
  const percent = registered > 0 ? Math.round((used / registered) * 100) : 0;
  return `${used}/${registered} ${percent}%`;
}

function usedShare(instance: ContainerInstance, name: "CPU" | "MEMORY"): number | undefined {
  const { registered, remaining } = capacity(instance, name);
  return registered && remaining !== undefined ? (registered - remaining) / registered : undefined;
}

const usageTone = (share: number | undefined) => (share !== undefined && share >= 0.9 ? "warn" : undefined);

/** "Docker version 25.0.6" → "25.0.6" (the agent reports "DockerVersion: 25.0.6"). */
function dockerVersion(instance: ContainerInstance): string {
  const raw = instance.versionInfo?.dockerVersion ?? "";
  return raw.replace(/^DockerVersion:\s*/i, "").replace(/^Docker version\s*/i, "");
}

/**
 * A cluster with no registered instance: Fargate-only says so; one with an Auto Scaling group
 * capacity provider (scaled to zero) says who starts them; one with neither has nowhere to run
 * EC2 tasks.
 */
export function noInstancesText(cluster: Cluster | undefined, name: string): string {
  // The cluster could not be described (DescribeClusters refused): say only what is known.
  if (!cluster) return `no container instances are registered to ${name}`;
  const providers = cluster.capacityProviders ?? [];
  const hosts = providers.filter((provider) => !provider.startsWith("FARGATE"));
  if (providers.length > 0 && hosts.length === 0)
    return "no container instances: this cluster runs on Fargate";
  if (hosts.length > 0) {
    return `no container instances are registered to ${name} yet: its capacity providers (${hosts.join(", ")}) start them when tasks need them`;
  }
  return `no container instances are registered to ${name} (its tasks can only run on Fargate)`;
}

declare module "./types.js" {
  interface KindIds {
    instances: true;
  }
}

export const instanceKind: ResourceKind<InstanceRow> = {
  id: "instances",
  title: (scope) => `instances(${scope.clusterName ?? ""})`,
  crumb: () => "instances",
  key: (row) => row.arn,
  command: {
    aliases: ["ci"],
    description: "Container instances (EC2 hosts) of the cluster in scope",
    needs: "cluster",
  },
  columns: [
    { header: "INSTANCE", priority: 1, value: (r) => orDash(r.instance.ec2InstanceId), sortKey: "I" },
    {
      header: "STATUS",
      priority: 2,
      value: (r) => r.instance.status ?? "",
      tone: (r) => statusTone(r.instance.status),
      sortKey: "S",
    },
    {
      header: "AGENT",
      priority: 2,
      value: (r) => (r.instance.agentConnected ? "connected" : "disconnected"),
      tone: (r) => (r.instance.agentConnected ? undefined : "bad"),
      sortKey: "C",
    },
    {
      header: "AGENT VERSION",
      priority: 4,
      value: (r) => orDash(r.instance.versionInfo?.agentVersion),
      sortKey: "V",
    },
    {
      header: "DOCKER",
      priority: 5,
      value: (r) => orDash(dockerVersion(r.instance)),
      sortKey: "D",
      wide: true,
    },
    {
      header: "CPU USED",
      priority: 3,
      value: (r) => usage(r.instance, "CPU"),
      tone: (r) => usageTone(usedShare(r.instance, "CPU")),
      sortValue: (r) => usedShare(r.instance, "CPU"),
      align: "right",
      sortKey: "U",
    },
    {
      header: "MEM USED",
      priority: 3,
      value: (r) => usage(r.instance, "MEMORY"),
      tone: (r) => usageTone(usedShare(r.instance, "MEMORY")),
      sortValue: (r) => usedShare(r.instance, "MEMORY"),
      align: "right",
      sortKey: "M",
    },
    {
      header: "RUNNING",
      priority: 3,
      value: (r) => count(r.instance.runningTasksCount),
      sortValue: (r) => r.instance.runningTasksCount,
      align: "right",
      sortKey: "R",
    },
    {
      header: "PENDING",
      priority: 4,
      value: (r) => count(r.instance.pendingTasksCount),
      sortValue: (r) => r.instance.pendingTasksCount,
      tone: (r) => ((r.instance.pendingTasksCount ?? 0) > 0 ? "progress" : undefined),
      align: "right",
      sortKey: "P",
    },
    {
      header: "AZ",
      priority: 4,
      value: (r) => orDash(attribute(r.instance, "ecs.availability-zone")),
      sortKey: "Z",
    },
    {
      header: "TYPE",
      priority: 4,
      value: (r) => orDash(attribute(r.instance, "ecs.instance-type")),
      sortKey: "T",
    },
    {
      header: "CAPACITY PROVIDER",
      priority: 5,
      value: (r) => orDash(r.instance.capacityProviderName),
      sortKey: "O",
      wide: true,
    },
    {
      header: "AGE",
      priority: 4,
      value: (r, now) => formatAge(r.instance.registeredAt, now),
      sortValue: (r) => ageOrder(r.instance.registeredAt),
      align: "right",
      sortKey: "A",
    },
  ],
  filterText: (r) =>
    [
      r.instance.ec2InstanceId,
      resourceName(r.arn),
      r.instance.status,
      r.instance.agentConnected ? "connected" : "disconnected",
      attribute(r.instance, "ecs.availability-zone"),
      attribute(r.instance, "ecs.instance-type"),
      r.instance.capacityProviderName,
    ]
      .filter(Boolean)
      .join(" "),
  describe: (r) => r.instance,
  references: (key) => arnReferences(key, "ID"),
  consoleUrl: (_key, scope) => scopePage(scope, "infrastructure"),
  drill: (row, scope) => ({
    kind: "tasks",
    scope: {
      clusterArn: scope.clusterArn,
      clusterName: scope.clusterName,
      containerInstanceArn: row.arn,
      instanceId: row.instance.ec2InstanceId ?? resourceName(row.arn),
    },
  }),
  async load({ gateway, scope }) {
    const cluster = scope.clusterArn ?? "";
    const listed = await gateway.listContainerInstanceArns(cluster);
    if (!listed.ok) return listed;
    if (listed.value.length === 0) {
      const described = await gateway.describeClusters([cluster]);
      const found = described.ok ? described.value[0] : undefined;
      return { ok: true, rows: [], empty: noInstancesText(found, clusterLabel(scope)) };
    }
    const described = await gateway.describeContainerInstances(cluster, listed.value);
    if (!described.ok) return described;
    const rows = described.value
      .filter((instance): instance is ContainerInstance & { containerInstanceArn: string } =>
        Boolean(instance.containerInstanceArn),
      )
      .map((instance) => ({ arn: instance.containerInstanceArn, instance }))
      .sort((a, b) => (a.instance.ec2InstanceId ?? "").localeCompare(b.instance.ec2InstanceId ?? ""));
    return { ok: true, rows };
  },
};

const clusterLabel = (scope: Scope): string => scope.clusterName ?? resourceName(scope.clusterArn);
