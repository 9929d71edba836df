// One record of a running container, by the program it runs; and how often each program writes.
import type { Rng } from "../../random.js";
import { appRecord } from "./app-lines.js";
import type { LineSource, Program } from "./line-source.js";
import { datadogRecord, envoyRecord, fluentBitRecord } from "./sidecar-lines.js";

export function runningRecord(source: LineSource, rng: Rng, t: number): string[] {
  switch (source.program) {
    case "datadog-agent":
      return datadogRecord(source, rng, t);
    case "envoy":
      return envoyRecord(source, rng, t);
    case "log-router":
      return fluentBitRecord(source, rng, t);
    default:
      return appRecord(source, rng, t);
  }
}

/** A sidecar's share of its app's line rate (Envoy logs every request; the agent now and then). */
export const PROGRAM_RATE_SHARE: Readonly<Record<Program, number>> = {
  app: 1,
  envoy: 0.8,
  "datadog-agent": 0.1,
  "log-router": 0.05,
};
