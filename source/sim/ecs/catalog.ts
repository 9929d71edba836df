// What a real company's ECS account is made of: service names, which of them serve HTTP, the
// images they run and the sidecars next to them. Static data plus name generation for big worlds.
import type { Rng } from "../random.js";

/**
 * The prod service whose tasks crowd into two of the three zones (the third gets none), and whose
 * load balancer times out on one healthy task: the demo's lopsided availability-zone spread.
 */
export const LOPSIDED_SERVICE = "web-frontend";
/** Its placement: subnet indexes taken in turn (zones a, a, b), instead of a, b, c. */
export const LOPSIDED_SUBNETS: readonly number[] = [0, 0, 1];

/** Prod services in the order they appear; the first 42 are the default world. */
export const PROD_SERVICE_NAMES: readonly string[] = [
  "api-gateway",
  "web-frontend",
  "checkout",
  "payments-api",
  "payments-worker",
  "orders-api",
  "orders-worker",
  "cart",
  "catalog",
  "search-api",
  "search-indexer",
  "inventory",
  "pricing",
  "recommendations",
  "user-profile",
  "auth",
  "notifications",
  "email-sender",
  "sms-sender",
  "shipping",
  "fulfillment-worker",
  "returns",
  "reviews",
  "media-resizer",
  "feature-flags",
  "graphql-gateway",
  "admin-portal",
  "reporting-api",
  "analytics-ingest",
  "event-router",
  "webhook-dispatcher",
  "fraud-detection",
  "tax-calculator",
  "loyalty",
  "coupons",
  "geo-lookup",
  "currency-rates",
  "audit-log",
  "scheduler",
  "kafka-connect",
  "ledger",
  "otel-collector",
  "invoice-generator",
  "subscription-billing",
  "customer-support-api",
  "chat-gateway",
  "sitemap-builder",
  "pdf-renderer",
];

const DOMAINS = [
  "billing",
  "accounts",
  "identity",
  "catalog",
  "orders",
  "payments",
  "shipping",
  "inventory",
  "pricing",
  "search",
  "ads",
  "marketing",
  "partners",
  "vendors",
  "warehouse",
  "logistics",
  "returns",
  "claims",
  "risk",
  "compliance",
  "reporting",
  "insights",
  "metrics",
  "telemetry",
  "messaging",
  "mobile",
  "content",
  "media",
  "profiles",
  "sessions",
  "ledger",
  "payouts",
  "refunds",
  "disputes",
  "tax",
  "quotes",
  "contracts",
  "onboarding",
  "kyc",
  "loyalty",
];
const ROLES = [
  "api",
  "worker",
  "consumer",
  "sync",
  "cron",
  "gateway",
  "projector",
  "indexer",
  "exporter",
  "service",
];

/** `count` unique, realistic service names; the well-known ones first, then domain-role combinations. */
export function prodServiceNames(count: number, rng: Rng): string[] {
  const names = PROD_SERVICE_NAMES.slice(0, count);
  if (names.length === count) return names;
  const taken = new Set(names);
  const combos = rng.shuffle(DOMAINS.flatMap((domain) => ROLES.map((role) => `${domain}-${role}`)));
  for (let round = 1; names.length < count; round++) {
    for (const combo of combos) {
      const name = round === 1 ? combo : `${combo}-${round}`;
      if (taken.has(name)) continue;
      taken.add(name);
      names.push(name);
      if (names.length === count) break;
    }
  }
  return names;
}

export const STAGING_SERVICE_NAMES: readonly string[] = [
  "api-gateway",
  "web-frontend",
  "checkout",
  "payments-api",
  "orders-api",
  "catalog",
  "search-api",
  "notifications",
  "auth",
  "feature-flags",
];

export interface BatchServicePlan {
  name: string;
  desired: number;
  capacityProvider: boolean;
}

export const BATCH_SERVICES: readonly BatchServicePlan[] = [
  { name: "report-generator", desired: 2, capacityProvider: false },
  { name: "image-resizer", desired: 3, capacityProvider: true },
  { name: "etl-runner", desired: 1, capacityProvider: true },
  { name: "clamav-scanner", desired: 2, capacityProvider: true },
];

const WEB_SUFFIXES = [
  "-api",
  "-gateway",
  "frontend",
  "portal",
  "checkout",
  "cart",
  "catalog",
  "auth",
  "pricing",
];

export function isWebService(name: string): boolean {
  return (
    WEB_SUFFIXES.some((suffix) => name.endsWith(suffix)) || name === "inventory" || name === "user-profile"
  );
}

/** Services that run a vendor image rather than one of ours from ECR. */
const PUBLIC_APP_IMAGES: Record<string, { repository: string; tag: string; port: number }> = {
  "kafka-connect": { repository: "confluentinc/cp-kafka-connect", tag: "7.6.1", port: 8083 },
  "otel-collector": {
    repository: "public.ecr.aws/aws-observability/aws-otel-collector",
    tag: "v0.40.0",
    port: 4317,
  },
  "feature-flags": { repository: "flagsmith/flagsmith", tag: "2.104.0", port: 8000 },
  "clamav-scanner": { repository: "clamav/clamav", tag: "1.3.1", port: 3310 },
};

export function publicImageFor(name: string): { repository: string; tag: string; port: number } | undefined {
  return PUBLIC_APP_IMAGES[name];
}

export const DATADOG_AGENT = { repository: "public.ecr.aws/datadog/agent", tag: "7.54.1" };
export const APPMESH_ENVOY = {
  repository: "840364872350.dkr.ecr.us-east-1.amazonaws.com/aws-appmesh-envoy",
  tag: "v1.29.6.0-prod",
};
export const FLUENT_BIT = {
  repository: "public.ecr.aws/aws-observability/aws-for-fluent-bit",
  tag: "2.32.2",
};
export const NGINX = { repository: "public.ecr.aws/nginx/nginx", tag: "1.27-alpine" };

/** Fargate's valid task sizes that services here use: [cpu units, memory MiB]. */
export const FARGATE_SIZES: ReadonlyArray<readonly [number, number]> = [
  [256, 512],
  [512, 1024],
  [512, 2048],
  [1024, 2048],
  [1024, 4096],
  [2048, 4096],
  [4096, 8192],
];
