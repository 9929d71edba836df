// The names an UpdateService call needs, taken from a described service.
import type { Service } from "@aws-sdk/client-ecs";
import { resourceName } from "../../core/arn.js";

export interface ServiceRef {
  /** Cluster name: shorter in the CLI line, and as exact as the ARN within one account and region. */
  cluster: string;
  service: string;
  arn: string;
}

export function serviceRef(service: Service): { ok: true; ref: ServiceRef } | { ok: false; message: string } {
  const { clusterArn, serviceArn, serviceName } = service;
  if (!clusterArn || !serviceArn || !serviceName) {
    return { ok: false, message: "the service is not fully described yet; refresh and try again" };
  }
  return { ok: true, ref: { cluster: resourceName(clusterArn), service: serviceName, arn: serviceArn } };
}

/** Tasks that scaling to 0 would stop: running, and pending ones on their way up. */
export function liveTaskCount(service: Service): number {
  return (service.runningCount ?? 0) + (service.pendingCount ?? 0);
}
