import { onlyOne } from "../aws/failure.js";
import { resourceName } from "../core/arn.js";
import type { Container, NetworkBinding, PortMapping, Task } from "@aws-sdk/client-ecs";
import { orDash } from "./format.js";
import { forwardsOf } from "./port-forward.js";
import { essentialNames, hasExited } from "./stop-diagnosis.js";
import { taskPage } from "./console-pages.js";
import { statusTone } from "./tone.js";
import type { ResourceKind } from "./types.js";

export interface ContainerRow {
  name: string;
  container: Container;
  task: Task;
  ports: string;
  /** This session's live port forwards to it, e.g. "8080→80". */
  forwards: string;
  /** Its task definition marks it essential (its exit stops the task); true when not known. */
  essential: boolean;
}

function bindingPorts(bindings: NetworkBinding[]): string {
  return bindings
    .map((b) => `${b.hostPort ?? b.containerPort}:${b.containerPort}/${b.protocol ?? "tcp"}`)
    .join(",");
}

function mappingPorts(mappings: PortMapping[]): string {
  return mappings.map((m) => `${m.containerPort}/${m.protocol ?? "tcp"}`).join(",");
}

declare module "./types.js" {
  interface KindIds {
    containers: true;
  }
}

export const containerKind: ResourceKind<ContainerRow> = {
  id: "containers",
  title: (scope) => `containers(${resourceName(scope.taskArn)})`,
  crumb: (scope) => resourceName(scope.taskArn),
  key: (row) => row.name,
  command: { aliases: [], description: "Containers of the task in scope", needs: "task" },
  columns: [
    { header: "NAME", priority: 1, value: (r) => r.name, sortKey: "N" },
    { header: "IMAGE", priority: 3, value: (r) => r.container.image ?? "", flexible: true, sortKey: "I" },
    {
      header: "DIGEST",
      priority: 5,
      value: (r) => orDash(r.container.imageDigest?.replace(/^sha256:/, "").slice(0, 12)),
      sortKey: "D",
      wide: true,
    },
    {
      header: "STATUS",
      priority: 2,
      value: (r) => r.container.lastStatus ?? "",
      tone: (r) => statusTone(r.container.lastStatus),
      sortKey: "S",
    },
    {
      header: "HEALTH",
      priority: 2,
      value: (r) => r.container.healthStatus ?? "",
      tone: (r) => statusTone(r.container.healthStatus),
      sortKey: "H",
    },
    {
      header: "EXIT",
      priority: 2,
      // As the tasks view's EXIT: only once the container stopped (moto reports 0 on ones that run).
      value: (r) => (hasExited(r.container, r.task) ? String(r.container.exitCode) : ""),
      align: "right",
      // A sidecar that failed is worth a look; an essential container that failed stopped the task.
      tone: (r) =>
        hasExited(r.container, r.task) && r.container.exitCode ? (r.essential ? "bad" : "warn") : undefined,
      sortKey: "E",
    },
    {
      header: "REASON",
      priority: 3,
      value: (r) => r.container.reason ?? "",
      tone: () => "bad",
      sortKey: "R",
    },
    {
      header: "CPU",
      priority: 5,
      value: (r) => orDash(r.container.cpu),
      align: "right",
      sortKey: "C",
      wide: true,
    },
    {
      header: "MEMORY",
      priority: 5,
      value: (r) => orDash(r.container.memory ?? r.container.memoryReservation),
      align: "right",
      sortKey: "M",
      wide: true,
    },
    {
      header: "RUNTIME ID",
      priority: 5,
      value: (r) => orDash(r.container.runtimeId),
      sortKey: "U",
      wide: true,
    },
    { header: "PORTS", priority: 4, value: (r) => orDash(r.ports), sortKey: "O" },
    { header: "PF", priority: 3, value: (r) => r.forwards, tone: () => "ok", sortKey: "W" },
  ],
  showsForwards: true,
  exec: (row, scope) => ({
    taskArn: row.task.taskArn ?? scope.taskArn ?? "",
    containers: [{ name: row.name }],
  }),
  views: { image: (row, scope) => ({ kind: "images", scope: { ...scope, containerName: row.name } }) },
  logs: (row, scope) => ({
    follow: {
      kind: "container",
      cluster: scope.clusterArn ?? "",
      taskArn: scope.taskArn ?? "",
      container: row.name,
    },
    title: `logs(${resourceName(scope.taskArn)}/${row.name})`,
  }),
  filterText: (r) => `${r.name} ${r.container.image ?? ""} ${r.container.lastStatus ?? ""}`,
  describe: (r) => r.container,
  references: (key) => [{ label: "name", value: key }],
  consoleUrl: (_key, scope) => taskPage(scope, scope.taskArn),
  async load({ gateway, scope, forwards }) {
    const described = onlyOne(
      await gateway.describeTasks(scope.clusterArn ?? "", [scope.taskArn ?? ""]),
      "DescribeTasks",
      "task",
    );
    if (!described.ok) return described;
    const task = described.value;
    // Port mappings live in the (cached, immutable) task definition for awsvpc tasks.
    const definition = task.taskDefinitionArn
      ? await gateway.describeTaskDefinition(task.taskDefinitionArn)
      : undefined;
    const definitions = definition?.ok ? (definition.value.containerDefinitions ?? []) : [];
    const mappings = new Map(definitions.map((d) => [d.name ?? "", d.portMappings ?? []]));
    // Without its definition, every container counts as essential.
    const essential = definition?.ok ? essentialNames(definition.value) : undefined;
    const rows = (task.containers ?? []).map((container) => {
      const name = container.name ?? "";
      const bound = container.networkBindings ?? [];
      const ports = bound.length > 0 ? bindingPorts(bound) : mappingPorts(mappings.get(name) ?? []);
      const forwarded = forwardsOf(forwards?.() ?? [], task.taskArn, name);
      return { name, container, task, ports, forwards: forwarded, essential: essential?.has(name) ?? true };
    });
    return { ok: true, rows };
  },
};
