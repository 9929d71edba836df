// The deployments of one service, as DescribeServices reports them: the PRIMARY one (new tasks)
// and the ACTIVE ones it is replacing (old tasks), with their counts, rollout state and the
// service's circuit breaker; under them the last deployments that finished (deployment-history.ts).
// The view a restart, a rollback or a revision change is watched from.
import { describeScopeService } from "./scope-service.js";
import type { Deployment, Service, ServiceDeploymentBrief } from "@aws-sdk/client-ecs";
import { describeFailure } from "../aws/failure.js";
import { deploymentHistory } from "./deployment-history.js";
import { ageOrder, count, formatAge, orDash } from "./format.js";
import { servicePage } from "./console-pages.js";
import { statusTone } from "./tone.js";
import type { DiffPair, ResourceKind, Tone } from "./types.js";
import { resourceName } from "../core/arn.js";

export interface DeploymentRow {
  id: string;
  deployment: Deployment;
  service: Service;
  /** A finished deployment, from the service deployments API (not running any more). */
  finished?: ServiceDeploymentBrief;
  /** Why finished deployments are not listed, when the API was refused (the same on every row). */
  historyNote?: string;
}

const STATUS_TONE: Record<string, Tone> = {
  PRIMARY: "ok",
  ACTIVE: "warn",
  INACTIVE: "muted",
  SUCCESSFUL: "muted",
  STOPPED: "warn",
  ROLLBACK_SUCCESSFUL: "warn",
  ROLLBACK_FAILED: "bad",
};

/** The circuit breaker: "rollback", "stop" (fails the deployment only) or "off". */
export function circuitBreakerText(service: Service): string {
  const breaker = service.deploymentConfiguration?.deploymentCircuitBreaker;
  if (!breaker?.enable) return "off";
  return breaker.rollback ? "rollback" : "stop";
}

declare module "./types.js" {
  interface KindIds {
    deployments: true;
  }
}

export const deploymentKind: ResourceKind<DeploymentRow> = {
  id: "deployments",
  title: (scope) => `deployments(${scope.clusterName ?? ""}/${scope.serviceName ?? ""})`,
  crumb: () => "deployments",
  key: (row) => row.id,
  command: { aliases: ["dp"], description: "Deployments of the service in scope", needs: "service" },
  columns: [
    { header: "ID", priority: 1, value: (r) => r.id, sortKey: "N" },
    {
      header: "STATUS",
      priority: 2,
      value: (r) => r.deployment.status ?? "",
      tone: (r) => STATUS_TONE[r.deployment.status ?? ""],
      sortKey: "S",
    },
    {
      header: "TASK DEFINITION",
      priority: 2,
      value: (r) => resourceName(r.deployment.taskDefinition),
      sortKey: "T",
    },
    {
      header: "TASKS",
      priority: 2,
      // Running of desired, like k9s's READY.
      value: (r) =>
        r.finished ? "-" : `${r.deployment.runningCount ?? 0}/${r.deployment.desiredCount ?? 0}`,
      align: "right",
      tone: (r) => ((r.deployment.runningCount ?? 0) < (r.deployment.desiredCount ?? 0) ? "warn" : undefined),
      sortKey: "K",
    },
    {
      header: "PENDING",
      priority: 4,
      value: (r) => count(r.deployment.pendingCount),
      align: "right",
      tone: (r) => ((r.deployment.pendingCount ?? 0) > 0 ? "progress" : undefined),
      sortKey: "P",
    },
    {
      header: "FAILED",
      priority: 3,
      value: (r) => count(r.deployment.failedTasks),
      align: "right",
      tone: (r) => ((r.deployment.failedTasks ?? 0) > 0 ? "bad" : undefined),
      sortKey: "F",
    },
    {
      header: "ROLLOUT",
      priority: 2,
      value: (r) => (r.finished ? "finished" : (r.deployment.rolloutState ?? "-")),
      tone: (r) => statusTone(r.deployment.rolloutState),
      sortKey: "O",
    },
    {
      header: "LAUNCH",
      priority: 5,
      value: (r) =>
        orDash(r.deployment.launchType ?? r.deployment.capacityProviderStrategy?.[0]?.capacityProvider),
      sortKey: "L",
      wide: true,
    },
    {
      header: "BREAKER",
      priority: 4,
      value: (r) => (r.finished ? "-" : circuitBreakerText(r.service)),
      sortKey: "B",
    },
    {
      header: "AGE",
      priority: 3,
      value: (r, now) => formatAge(r.deployment.createdAt, now),
      sortValue: (r) => ageOrder(r.deployment.createdAt),
      align: "right",
      sortKey: "A",
    },
    {
      header: "UPDATED",
      priority: 5,
      value: (r, now) => formatAge(r.deployment.updatedAt, now),
      sortValue: (r) => ageOrder(r.deployment.updatedAt),
      align: "right",
      sortKey: "U",
      wide: true,
    },
    {
      header: "REASON",
      priority: 3,
      value: (r) => r.deployment.rolloutStateReason ?? "",
      tone: (r) =>
        r.deployment.rolloutState === "FAILED" || r.deployment.status?.startsWith("ROLLBACK")
          ? "bad"
          : "muted",
      flexible: true,
      sortKey: "R",
    },
  ],
  filterText: (r) =>
    [r.id, r.deployment.status, resourceName(r.deployment.taskDefinition), r.deployment.rolloutState].join(
      " ",
    ),
  describe: (r) => r.finished ?? r.deployment,
  consoleUrl: (_key, scope) => servicePage(scope, scope.serviceName, "deployments"),
  watches: "service",
  diff: deploymentPair,
  caption: (rows) => (rows[0]?.historyNote ? { text: rows[0].historyNote, tone: "muted" } : undefined),
  async load({ gateway, scope }) {
    const [described, history] = await Promise.all([
      describeScopeService(gateway, scope),
      deploymentHistory(gateway, scope.clusterArn ?? "", scope.serviceName ?? ""),
    ]);
    if (!described.ok) return described;
    const service = described.value;
    const historyNote = history.ok
      ? undefined
      : `no finished deployments: ${describeFailure(history.failure)}`;
    const current = (service.deployments ?? [])
      .filter((deployment): deployment is Deployment & { id: string } => Boolean(deployment.id))
      .map((deployment): DeploymentRow => ({ id: deployment.id, deployment, service, historyNote }))
      .sort(primaryThenNewest);
    const finished = (history.ok ? history.finished : [])
      .filter((past) => !current.some((row) => sameDeployment(row.deployment, past.deployment)))
      .map(({ id, deployment, brief }): DeploymentRow => ({ id, deployment, service, finished: brief }));
    return { ok: true, rows: [...current, ...finished.sort(newestFirst)] };
  },
};

/**
 * `=` in the deployments: an ACTIVE or finished deployment's revision (old) against the PRIMARY
 * one's (new), unless both run the same.
 */
function deploymentPair(rows: readonly DeploymentRow[], row: DeploymentRow | undefined): DiffPair {
  if (!row) return { ok: false, message: "no deployment here to diff" };
  const primary = rows.find((r) => r.deployment.status === "PRIMARY");
  const newestActive = rows.filter((r) => r.deployment.status === "ACTIVE").sort(newestFirst)[0];
  // With no older deployment running, the PRIMARY one is compared with the last one that finished
  // on another revision: what the latest deployment changed.
  const previous = rows
    .filter((r) => r.finished && r.deployment.taskDefinition !== primary?.deployment.taskDefinition)
    .sort(newestFirst)[0];
  const old = row.deployment.status === "PRIMARY" ? (newestActive ?? previous) : row;
  if (!primary?.deployment.taskDefinition)
    return { ok: false, message: "the service has no PRIMARY deployment" };
  if (!old?.deployment.taskDefinition || old === primary) {
    return {
      ok: false,
      message: "no older deployment, running or finished: nothing to diff the PRIMARY one with",
    };
  }
  // A restart (forceNewDeployment) rolls out the revision already running: the same on both sides.
  const same = resourceName(old.deployment.taskDefinition);
  if (same === resourceName(primary.deployment.taskDefinition)) {
    return { ok: false, message: `both deployments run ${same} (a forced new deployment): nothing to diff` };
  }
  return { ok: true, before: old.deployment.taskDefinition, after: primary.deployment.taskDefinition };
}

/**
 * A completed PRIMARY deployment is also listed as SUCCESSFUL by the service deployments API, under
 * another ID: the same revision, started within a minute of each other, is one deployment.
 */
function sameDeployment(current: Deployment, past: Deployment): boolean {
  const apart = Math.abs((current.createdAt?.getTime() ?? 0) - (past.createdAt?.getTime() ?? 0));
  return current.taskDefinition === past.taskDefinition && apart < 60_000;
}

/** Deployments by start, newest first. */
const newestFirst = (a: DeploymentRow, b: DeploymentRow) =>
  (b.deployment.createdAt?.getTime() ?? 0) - (a.deployment.createdAt?.getTime() ?? 0);

function primaryThenNewest(a: DeploymentRow, b: DeploymentRow): number {
  const primaryA = a.deployment.status === "PRIMARY";
  const primaryB = b.deployment.status === "PRIMARY";
  if (primaryA !== primaryB) return primaryA ? -1 : 1;
  return newestFirst(a, b);
}
