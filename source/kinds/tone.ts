import type { Tone } from "./types.js";

const BY_STATUS: Record<string, Tone> = {
  ACTIVE: "ok",
  RUNNING: "ok",
  HEALTHY: "ok",
  COMPLETED: "ok",
  PROVISIONING: "progress",
  PENDING: "progress",
  ACTIVATING: "progress",
  IN_PROGRESS: "progress",
  DEACTIVATING: "warn",
  STOPPING: "warn",
  DEPROVISIONING: "warn",
  DRAINING: "warn",
  UNKNOWN: "muted",
  STOPPED: "muted",
  INACTIVE: "muted",
  UNHEALTHY: "bad",
  FAILED: "bad",
  FAILED_PROVISION: "bad",
};

export function statusTone(status: string | undefined): Tone | undefined {
  return status ? BY_STATUS[status] : undefined;
}
