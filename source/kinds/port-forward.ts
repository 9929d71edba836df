import type { PortForward } from "./port-forward-record.js";
import type { ResourceKind, Tone } from "./types.js";
import { resourceName } from "../core/arn.js";

/** A forward as its row: the manager's own record, which already knows everything shown. */
export type PortForwardRow = PortForward;

const STATE_TONES: Record<PortForward["state"], Tone> = {
  starting: "progress",
  open: "ok",
  failed: "bad",
  stopped: "muted",
};

/** "8080→80" (or "8080→db.internal:5432"), as the containers table's PF column shows a forward. */
export function forwardLabel(forward: PortForward): string {
  return `${forward.localPort}→${forward.remoteHost ? `${forward.remoteHost}:` : ""}${forward.remotePort}`;
}

/** The live forwards of one container, for its PF cell. */
export function forwardsOf(
  forwards: readonly PortForward[],
  taskArn: string | undefined,
  containerName: string,
): string {
  return forwards
    .filter((f) => f.taskArn === taskArn && f.containerName === containerName)
    .filter((f) => f.state === "open" || f.state === "starting")
    .map(forwardLabel)
    .join(",");
}

/**
 * The port forwards of this session (`P`, `:pf`). Nothing is asked of AWS: the rows are the
 * session's own plugins, whatever view they were opened from.
 */

declare module "./types.js" {
  interface KindIds {
    portforwards: true;
  }
}

export const portForwardKind: ResourceKind<PortForwardRow> = {
  id: "portforwards",
  title: () => "portforwards",
  crumb: () => "portforwards",
  key: (row) => row.id,
  command: { aliases: ["pf"], description: "Port forwards of this session" },
  showsForwards: true,
  forward: (row) => row,
  columns: [
    { header: "LOCAL", priority: 1, value: (r) => `localhost:${r.localPort}`, sortKey: "L" },
    {
      header: "REMOTE",
      priority: 1,
      value: (r) => `${r.remoteHost ?? r.containerName}:${r.remotePort}`,
      sortKey: "R",
    },
    { header: "CONTAINER", priority: 2, value: (r) => r.containerName, sortKey: "C" },
    { header: "TASK", priority: 3, value: (r) => resourceName(r.taskArn), sortKey: "T" },
    {
      header: "STATE",
      priority: 1,
      value: (r) => r.state.toUpperCase(),
      tone: (r) => STATE_TONES[r.state],
      sortKey: "S",
    },
    { header: "SESSION", priority: 4, value: (r) => r.sessionId, sortKey: "E" },
    { header: "MESSAGE", priority: 3, value: (r) => r.message ?? "", flexible: true, sortKey: "M" },
  ],
  filterText: (r) => `${r.localPort} ${r.remotePort} ${r.remoteHost ?? ""} ${r.containerName} ${r.state}`,
  describe: (r) => r,
  async load({ forwards }) {
    return { ok: true, rows: [...(forwards?.() ?? [])] };
  },
};
