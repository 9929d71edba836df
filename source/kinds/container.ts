import { onlyOne } from "../aws/failure.js";
import { resourceName } from "../core/arn.js";
import type { Container, NetworkBinding, PortMapping, Task } from "@aws-sdk/client-ecs";
import { orDash } from "./format.js";
import { forwardsOf } from "./port-forward.js";
import { essentialNames, hasExited } from "./stop-diagnosis.js";
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

export const containerKind: ResourceKind<ContainerRow> = {
  id: "containers",
  title: (scope) => `containers(${resourceName(scope.taskArn)})`,
  crumb: (scope) => resourceName(scope.taskArn),
  key: (row) => row.name,
  columns: [
    { header: "NAME", value: (r) => r.name, sortKey: "N" },
    { header: "IMAGE", value: (r) => r.container.image ?? "", flexible: true, sortKey: "I" },
    {
      header: "DIGEST",
      value: (r) => orDash(r.container.imageDigest?.replace(/^sha256:/, "").slice(0, 12)),
      sortKey: "D",
      wide: true,
    },
    {
      header: "STATUS",
      value: (r) => r.container.lastStatus ?? "",
      tone: (r) => statusTone(r.container.lastStatus),
      sortKey: "S",
    },
    {
      header: "HEALTH",
      value: (r) => r.container.healthStatus ?? "",
      tone: (r) => statusTone(r.container.healthStatus),
      sortKey: "H",
    },
    {
      header: "EXIT",
      // As the tasks view's EXIT: only once the container stopped (moto reports 0 on ones that run).
      value: (r) => (hasExited(r.container, r.task) ? String(r.container.exitCode) : ""),
      align: "right",
      // A sidecar that failed is worth a look; an essential container that failed stopped the task.
      tone: (r) =>
        hasExited(r.container, r.task) && r.container.exitCode ? (r.essential ? "bad" : "warn") : undefined,
      sortKey: "E",
    },
    { header: "REASON", value: (r) => r.container.reason ?? "", tone: () => "bad", sortKey: "R" },
    { header: "CPU", value: (r) => orDash(r.container.cpu), align: "right", sortKey: "C", wide: true },
    {
      header: "MEMORY",
      value: (r) => orDash(r.container.memory ?? r.container.memoryReservation),
      align: "right",
      sortKey: "M",
      wide: true,
    },
    { header: "RUNTIME ID", value: (r) => orDash(r.container.runtimeId), sortKey: "U", wide: true },
    { header: "PORTS", value: (r) => orDash(r.ports), sortKey: "O" },
    { header: "PF", value: (r) => r.forwards, tone: () => "ok", sortKey: "W" },
  ],
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
