// How a service's running tasks spread over availability zones, and whether the spread is worth a
// warning: everything in one zone, a subnet of the service (so a zone it may run in) with no task,
// or zones further apart than one task (ECS's AZ rebalancing keeps them within one).
import type { Task } from "@aws-sdk/client-ecs";
import { eniDetail } from "./task-eni.js";
import type { Tone } from "./types.js";

export interface ZoneCount {
  /** An availability zone, or a subnet ID when no task runs there and its zone is unknown. */
  zone: string;
  tasks: number;
}

export interface ZoneSpread {
  zones: ZoneCount[];
  /** Why the spread looks wrong, in a few words; undefined when it looks right. */
  warning?: string;
}

const isRunning = (task: Task) => task.lastStatus === "RUNNING" && task.desiredStatus !== "STOPPED";

/**
 * The running tasks per zone, zones in name order, then the service's subnets (awsvpc
 * `subnets`) that hold none of them, as 0 (their zone is unknown without EC2: a subnet with a task
 * names its zone through the task).
 */
export function azSpread(tasks: readonly Task[], serviceSubnets: readonly string[] = []): ZoneSpread {
  const counts = new Map<string, number>();
  const zoneOfSubnet = new Map<string, string>();
  for (const task of tasks) {
    const subnet = eniDetail(task, "subnetId");
    if (subnet && task.availabilityZone) zoneOfSubnet.set(subnet, task.availabilityZone);
    // A task that does not name its zone (moto's) counts under its subnet.
    const where = task.availabilityZone || subnet;
    if (!isRunning(task) || !where) continue;
    counts.set(where, (counts.get(where) ?? 0) + 1);
  }
  const zones: ZoneCount[] = [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([zone, count]) => ({ zone, tasks: count }));
  const emptyZones = new Set<string>();
  for (const subnet of serviceSubnets) {
    const name = zoneOfSubnet.get(subnet) ?? subnet;
    if (counts.has(name)) continue;
    if (emptyZones.has(name)) continue;
    emptyZones.add(name);
    zones.push({ zone: name, tasks: 0 });
  }
  const total = zones.reduce((sum, entry) => sum + entry.tasks, 0);
  return { zones, warning: warningOf(zones, total) };
}

function warningOf(zones: readonly ZoneCount[], total: number): string | undefined {
  if (total === 0) return undefined;
  const used = zones.filter((entry) => entry.tasks > 0);
  const empty = zones.filter((entry) => entry.tasks === 0);
  if (used.length === 1 && total > 1) return `all in ${used[0]!.zone}`;
  // Fewer tasks than zones cannot fill every zone: that is not a fault.
  if (empty.length > 0 && total >= zones.length) {
    return `none in ${empty.map((entry) => entry.zone).join(", ")}`;
  }
  const counts = zones.map((entry) => entry.tasks);
  if (Math.max(...counts) - Math.min(...counts) > 1 && total >= zones.length) return "uneven";
  return undefined;
}

/** "us-east-1a 3 · us-east-1b 3 · us-east-1c 2", and the warning after it. */
export function spreadText(spread: ZoneSpread): { text: string; tone?: Tone } {
  if (spread.zones.length === 0) return { text: "" };
  const text = spread.zones.map((entry) => `${entry.zone} ${entry.tasks}`).join(" · ");
  return spread.warning ? { text: `${text} (${spread.warning})`, tone: "warn" } : { text };
}
