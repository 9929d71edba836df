// The events of one service, newest first, as DescribeServices reports them (ECS keeps the last
// 100): steady state, deployments starting and completing, tasks that failed to start, target
// health. `/` searches them like any table.
import type { Service, ServiceEvent } from "@aws-sdk/client-ecs";
import { describeScopeService } from "./scope-service.js";
import { ageOrder, formatAge, formatTime } from "./format.js";
import type { ResourceKind, Tone } from "./types.js";

export interface EventRow {
  id: string;
  event: ServiceEvent;
  service: Service;
}

/** The words ECS uses when something went wrong, and when all is well again. */
function eventTone(message: string): Tone | undefined {
  if (/unable to|failed|error|unhealthy|insufficient|circuit breaker/i.test(message)) return "bad";
  if (/has reached a steady state|deployment completed/i.test(message)) return "ok";
  return undefined;
}

declare module "./types.js" {
  interface KindIds {
    events: true;
  }
}

export const eventKind: ResourceKind<EventRow> = {
  id: "events",
  title: (scope) => `events(${scope.clusterName ?? ""}/${scope.serviceName ?? ""})`,
  crumb: () => "events",
  key: (row) => row.id,
  command: { aliases: ["ev"], description: "Events of the service in scope, newest first", needs: "service" },
  columns: [
    {
      header: "AGE",
      priority: 1,
      value: (r, now) => formatAge(r.event.createdAt, now),
      sortValue: (r) => ageOrder(r.event.createdAt),
      align: "right",
      sortKey: "A",
    },
    { header: "TIME", priority: 3, value: (r) => formatTime(r.event.createdAt), sortKey: "T" },
    {
      header: "MESSAGE",
      priority: 1,
      value: (r) => r.event.message ?? "",
      tone: (r) => eventTone(r.event.message ?? ""),
      flexible: true,
      sortKey: "M",
    },
  ],
  filterText: (r) => r.event.message ?? "",
  describe: (r) => r.event,
  async load({ gateway, scope }) {
    const described = await describeScopeService(gateway, scope);
    if (!described.ok) return described;
    const service = described.value;
    const rows = (service.events ?? [])
      .filter((event): event is ServiceEvent & { id: string } => Boolean(event.id))
      .map((event) => ({ id: event.id, event, service }))
      .sort((a, b) => (b.event.createdAt?.getTime() ?? 0) - (a.event.createdAt?.getTime() ?? 0));
    return { ok: true, rows };
  },
};
