// The revisions of one task definition family, newest first: opened from a service (`t`, `:td`),
// it marks the revision the service runs and the ones its older deployments still run; opened
// from the families list, it is the family alone. Revisions are immutable, so each is described
// once (the gateway keeps them), the ones on screen first.
import type { Service, TaskDefinition } from "@aws-sdk/client-ecs";
import { familyRevision, resourceName } from "../core/arn.js";
import type { EcsGateway } from "../aws/ecs-gateway.js";
import type { AwsFailure } from "../aws/failure.js";
import { ageOrder, formatAge, formatTime } from "./format.js";
import { taskDefinitionPage } from "./console-pages.js";
import { holds, scopeFor } from "./scope-need.js";
import { describeScopeService } from "./scope-service.js";
import { statusTone } from "./tone.js";
import type { DiffPair, LoadContext, LoadOutcome, ResourceKind, Scope, Tone, ViewAt } from "./types.js";

/** How the service uses a revision: its PRIMARY deployment's (steady or rolling out), or an older one's. */
export type RevisionUse = "running" | "deploying" | "draining";

export interface RevisionRow {
  arn: string;
  family: string;
  revision: number;
  /**
   * ACTIVE or INACTIVE, from the list the revision came from: the one field of a revision that
   * changes (deregistration), so the list, read again every RELIST_MS, says it rather than the
   * description kept from the first read.
   */
  status: string;
  /** Undefined until described. */
  definition?: TaskDefinition;
  use?: RevisionUse;
  /** Opened from a service, whose deployments say which revisions run; from a family, unknown. */
  usesKnown?: boolean;
}

/** The family is listed again this often (revisions come and go rarely); ctrl-r lists at once. */
export const RELIST_MS = 30_000;

const USE_TONE: Record<RevisionUse, Tone> = { running: "ok", deploying: "progress", draining: "warn" };

/**
 * Which revisions (by "family:revision") the service runs, and how: its own task definition (the
 * PRIMARY deployment's on AWS) steady or rolling out, and the older ones its other deployments
 * still run. The service's field wins over a deployment's: moto does not update its deployments
 * when the task definition changes.
 */
export function revisionUses(service: Service | undefined): Map<string, RevisionUse> {
  const uses = new Map<string, RevisionUse>();
  const deployments = service?.deployments ?? [];
  const primary = deployments.find((deployment) => deployment.status === "PRIMARY");
  const current = resourceName(service?.taskDefinition ?? primary?.taskDefinition ?? "");
  if (current) uses.set(current, primary?.rolloutState === "IN_PROGRESS" ? "deploying" : "running");
  for (const deployment of deployments) {
    const name = resourceName(deployment.taskDefinition ?? "");
    if (name && !uses.has(name)) uses.set(name, "draining");
  }
  return uses;
}

/** The revision the service runs: its PRIMARY deployment's, or its own task definition. */
function currentRevision(rows: readonly RevisionRow[]): RevisionRow | undefined {
  return (
    rows.find((row) => row.use === "running" || row.use === "deploying") ??
    rows.find((row) => row.use === "draining")
  );
}

const containers = (row: RevisionRow) => row.definition?.containerDefinitions ?? [];

/** "nginx:1.27" from "public.ecr.aws/nginx/nginx:1.27": the part that changes between revisions. */
function shortImage(image: string | undefined): string {
  return image ? image.slice(image.lastIndexOf("/") + 1) : "";
}

function size(value: string | undefined): string {
  return value ?? "";
}

/**
 * `:taskdefs`: the revisions of the service in scope; `:taskdefs FAMILY` those of a family; with
 * no service in scope, the account's families (enter opens one).
 */
function openRevisions(words: readonly string[], top: ViewAt): ViewAt | string {
  if (words.length > 1) return `:taskdefs takes one family name (got "${words.join(" ")}")`;
  const cluster = scopeFor("cluster", top.scope);
  if (words[0]) return { kind: "taskdefs", scope: { ...cluster, taskDefinitionFamily: words[0] } };
  if (holds(top.scope, "service")) return { kind: "taskdefs", scope: scopeFor("service", top.scope) };
  if (top.kind === "taskdefs") return { kind: "taskdefs", scope: top.scope };
  return { kind: "families", scope: cluster };
}

declare module "./types.js" {
  interface KindIds {
    taskdefs: true;
  }
}

export const taskDefinitionKind: ResourceKind<RevisionRow> = {
  id: "taskdefs",
  title: (scope) =>
    `taskdefs(${scope.serviceName ? `${scope.clusterName ?? ""}/${scope.serviceName}` : (scope.taskDefinitionFamily ?? "")})`,
  crumb: () => "taskdefs",
  key: (row) => row.arn,
  isPlaceholder: (row) => !row.definition,
  markable: true,
  command: {
    aliases: ["td"],
    description: "Task definition revisions of the service in scope (or :td FAMILY); else the families",
    open: openRevisions,
  },
  columns: [
    {
      header: "REVISION",
      priority: 1,
      value: (r) => `${r.family}:${r.revision}`,
      sortValue: (r) => r.revision,
      sortKey: "R",
    },
    {
      header: "STATUS",
      priority: 2,
      value: (r) => r.status,
      tone: (r) => statusTone(r.status),
      sortKey: "S",
    },
    {
      header: "IN USE",
      priority: 2,
      // "-" says no deployment of the service runs it; from a family nothing says: no column.
      value: (r) => r.use ?? (r.usesKnown ? "-" : ""),
      tone: (r) => (r.use ? USE_TONE[r.use] : "muted"),
      sortKey: "U",
      whenSet: true,
    },
    {
      header: "CPU",
      priority: 3,
      value: (r) => size(r.definition?.cpu),
      sortValue: (r) => Number(r.definition?.cpu) || undefined,
      align: "right",
      sortKey: "C",
    },
    {
      header: "MEMORY",
      priority: 3,
      value: (r) => size(r.definition?.memory),
      sortValue: (r) => Number(r.definition?.memory) || undefined,
      align: "right",
      sortKey: "M",
    },
    {
      header: "CONTAINERS",
      priority: 5,
      value: (r) =>
        containers(r)
          .map((c) => c.name ?? "")
          .join(","),
      sortKey: "O",
      wide: true,
    },
    {
      header: "IMAGES",
      priority: 3,
      value: (r) =>
        containers(r)
          .map((c) => shortImage(c.image))
          .join(", "),
      flexible: true,
      sortKey: "I",
    },
    {
      header: "REGISTERED BY",
      priority: 5,
      value: (r) => registrant(r.definition?.registeredBy),
      sortKey: "B",
      wide: true,
    },
    {
      header: "REGISTERED",
      priority: 5,
      value: (r) => formatTime(r.definition?.registeredAt),
      sortValue: (r) => r.definition?.registeredAt?.getTime(),
      sortKey: "T",
      wide: true,
    },
    {
      header: "AGE",
      priority: 4,
      value: (r, now) => formatAge(r.definition?.registeredAt, now),
      sortValue: (r) => ageOrder(r.definition?.registeredAt),
      align: "right",
      sortKey: "A",
    },
  ],
  filterText: (r) =>
    [
      `${r.family}:${r.revision}`,
      r.status,
      r.use ?? "",
      ...containers(r).map((c) => `${c.name ?? ""} ${c.image ?? ""}`),
    ].join(" "),
  describe: (r) => r.definition,
  diff: revisionPair,
  consoleUrl: (key) => taskDefinitionPage(key, resourceName(key)),
  load: loadRevisions,
};

/**
 * `=` in the revisions: the two marked ones (older first), one marked against the cursor's, or with
 * nothing marked the cursor's against the revision the service runs (the one it runs against the
 * one before it).
 */
function revisionPair(
  rows: readonly RevisionRow[],
  row: RevisionRow | undefined,
  marked: ReadonlySet<string>,
): DiffPair {
  const older = (a: RevisionRow, b: RevisionRow): DiffPair =>
    a.revision <= b.revision
      ? { ok: true, before: a.arn, after: b.arn }
      : { ok: true, before: b.arn, after: a.arn };
  const picked = rows.filter((r) => marked.has(r.arn));
  if (picked.length === 2) return older(picked[0]!, picked[1]!);
  if (picked.length > 2)
    return { ok: false, message: `${picked.length} revisions marked: mark two to diff them` };
  if (!row) return { ok: false, message: "no revision here to diff" };
  if (picked.length === 1) {
    if (picked[0]!.arn === row.arn)
      return { ok: false, message: "move to another revision to diff it with the marked one" };
    return older(picked[0]!, row);
  }
  const current = currentRevision(rows);
  if (!current) {
    return { ok: false, message: "mark two revisions with space to diff them (no service here runs one)" };
  }
  if (current.arn !== row.arn) return { ok: true, before: current.arn, after: row.arn };
  // On the revision the service runs: what it changed from the one before it.
  const previous = rows.filter((r) => r.revision < row.revision).sort((a, b) => b.revision - a.revision)[0];
  if (!previous)
    return {
      ok: false,
      message: `${resourceName(row.arn)} is the first revision: nothing older to diff with`,
    };
  return { ok: true, before: previous.arn, after: row.arn };
}

/** "assumed-role/deploy/ci" from "arn:aws:sts::123456789012:assumed-role/deploy/ci". */
function registrant(arn: string | undefined): string {
  if (!arn) return "";
  const parts = arn.split(":");
  return parts.length > 5 ? parts.slice(5).join(":") : arn;
}

const failed = (failure: AwsFailure, rows?: readonly RevisionRow[]): LoadOutcome<RevisionRow> => ({
  ok: false,
  failure,
  ...(rows ? { rows: [...rows] } : {}),
});

/** The family in scope and, from a service, how its deployments use the revisions. */
async function familyInScope(
  gateway: EcsGateway,
  scope: Scope,
): Promise<
  { ok: true; family: string; uses: Map<string, RevisionUse> } | { ok: false; failure: AwsFailure }
> {
  if (!scope.serviceName) return { ok: true, family: scope.taskDefinitionFamily ?? "", uses: new Map() };
  const described = await describeScopeService(gateway, scope);
  if (!described.ok) return described;
  const service = described.value;
  return {
    ok: true,
    family: familyRevision(service.taskDefinition ?? "").family,
    uses: revisionUses(service),
  };
}

/**
 * Lists the family's ACTIVE and INACTIVE revisions (at most every RELIST_MS, or when the service
 * runs one not listed yet), then describes the revisions on screen and the ones in use that no
 * earlier load described.
 */
async function loadRevisions(context: LoadContext<RevisionRow>): Promise<LoadOutcome<RevisionRow>> {
  const { gateway, scope, now, previous, memo, forced } = context;
  const found = await familyInScope(gateway, scope);
  if (!found.ok) return failed(found.failure, previous);
  const { family, uses } = found;
  const known = new Map((previous ?? []).map((row) => [`${row.family}:${row.revision}`, row]));
  const unlisted = [...uses.keys()].some((name) => !known.has(name));

  let rows: RevisionRow[];
  if (forced || !previous || unlisted || now - (memo.listedAt ?? 0) >= RELIST_MS) {
    const listed = await listRevisions(gateway, family);
    if (!listed.ok) return failed(listed.failure, previous);
    memo.listedAt = now;
    rows = listed.rows.map((row) => {
      const before = known.get(`${row.family}:${row.revision}`);
      return { ...row, definition: before?.definition ?? gateway.knownTaskDefinition(row.arn) };
    });
  } else {
    rows = [...previous];
  }
  const usesKnown = Boolean(scope.serviceName);
  rows = rows.map((row) => ({ ...row, use: uses.get(`${row.family}:${row.revision}`), usesKnown }));
  context.publish(rows);

  const visible = context.visibleKeys(rows);
  const wanted = rows.filter((row) => !row.definition && (visible.has(row.arn) || row.use));
  let failure: AwsFailure | undefined;
  await Promise.all(
    wanted.map(async (row) => {
      const described = await gateway.describeTaskDefinition(row.arn);
      if (!described.ok) {
        failure ??= described.failure;
        return;
      }
      rows = rows.map((r) => (r.arn === row.arn ? { ...r, definition: described.value } : r));
      context.publish(rows);
    }),
  );
  return failure ? failed(failure, rows) : { ok: true, rows };
}

/** Every revision of the family, ACTIVE and INACTIVE, newest first. */
async function listRevisions(
  gateway: EcsGateway,
  family: string,
): Promise<{ ok: true; rows: RevisionRow[] } | { ok: false; failure: AwsFailure }> {
  if (!family) return { ok: true, rows: [] };
  const [active, inactive] = await Promise.all([
    gateway.listTaskDefinitionArns(family, "ACTIVE"),
    gateway.listTaskDefinitionArns(family, "INACTIVE"),
  ]);
  if (!active.ok) return active;
  if (!inactive.ok) return inactive;
  const rows = [
    ...active.value.map((arn) => ({ arn, status: "ACTIVE" })),
    ...inactive.value.map((arn) => ({ arn, status: "INACTIVE" })),
  ].map(({ arn, status }) => ({ arn, ...familyRevision(arn), status }));
  rows.sort((a, b) => b.revision - a.revision);
  return { ok: true, rows };
}
