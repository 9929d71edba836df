// The task definition families of the account and region (`:td` outside a service): a family is
// the name revisions are registered under; enter lists its revisions. Families belong to no
// cluster, so the list is the same from every cluster.
import { regionHome, taskDefinitionPage } from "./console-pages.js";
import type { ResourceKind } from "./types.js";

export interface FamilyRow {
  name: string;
}

/** Families are listed again this often; ctrl-r lists at once. */
export const RELIST_MS = 60_000;

declare module "./types.js" {
  interface KindIds {
    families: true;
  }
}

export const taskFamilyKind: ResourceKind<FamilyRow> = {
  id: "families",
  title: () => "families",
  crumb: () => "families",
  key: (row) => row.name,
  columns: [{ header: "FAMILY", priority: 1, value: (r) => r.name, flexible: true, sortKey: "Y" }],
  filterText: (r) => r.name,
  // A family has nothing to describe of its own: its revisions do.
  describe: () => undefined,
  references: (key) => [{ label: "name", value: key }],
  // Listed from no cluster, the family is placed by the session's region.
  consoleUrl: (key, scope, sessionRegion) =>
    taskDefinitionPage(scope.clusterArn || regionHome(sessionRegion), key),
  drill: (row, scope) => ({
    kind: "taskdefs",
    scope: { clusterArn: scope.clusterArn, clusterName: scope.clusterName, taskDefinitionFamily: row.name },
  }),
  async load({ gateway, previous, memo, forced, now }) {
    if (previous && !forced && now - (memo.listedAt ?? 0) < RELIST_MS)
      return { ok: true, rows: [...previous] };
    const listed = await gateway.listTaskDefinitionFamilies();
    if (!listed.ok) return { ok: false, failure: listed.failure, rows: previous ? [...previous] : undefined };
    memo.listedAt = now;
    return { ok: true, rows: listed.value.map((name) => ({ name })) };
  },
};
