// What the sidecars print: the Datadog agent's pipe-separated lines, Envoy's default access log,
// and fluent-bit's bracketed engine messages.
import type { Rng } from "../../random.js";
import type { LineSource } from "./line-source.js";
import { isoTime, request, resourceOf, slashTime } from "./words.js";

const DATADOG_CHECKS = ["cpu", "memory", "io", "network", "ecs_fargate", "container", "ntp"];

export function datadogRecord(source: LineSource, rng: Rng, t: number): string[] {
  const time = `${isoTime(t).slice(0, 19).replace("T", " ")} UTC`;
  const roll = rng.next();
  if (roll < 0.05) {
    return [
      `${time} | TRACE | WARN | (pkg/trace/api/api.go:${rng.int(400, 600)} in handleTraces) | Rate limited traces: dropped ${rng.int(1, 40)} payloads from ${source.app}`,
    ];
  }
  if (roll < 0.08) {
    return [
      `${time} | CORE | ERROR | (pkg/forwarder/worker.go:184 in process) | Error while processing transaction: error while sending transaction, rescheduling it: Post "https://7-54-1-app.agent.datadoghq.com/api/v2/series": context deadline exceeded`,
    ];
  }
  const check = rng.pick(DATADOG_CHECKS);
  return [
    `${time} | CORE | INFO | (pkg/collector/worker/check_logger.go:${rng.pick([40, 71])} in Check${rng.pick(["Started", "Finished"])}) | check:${check} | ${rng.chance(0.5) ? "Running check..." : `Done running check, next runs will be logged every 500 runs`}`,
  ];
}

export function envoyRecord(source: LineSource, rng: Rng, t: number): string[] {
  const r = request(source, rng, source.fault !== undefined);
  const flags = r.status === 503 ? "UF" : r.status === 504 ? "UT" : "-";
  const upstream = Math.max(0, Math.round(r.latencyMs) - 1);
  return [
    `[${isoTime(t)}] "${r.method} ${r.path} HTTP/1.1" ${r.status} ${flags} 0 ${r.bytes} ${Math.round(r.latencyMs)} ${upstream} "${r.clientIp}" "${r.userAgent}" "${r.requestId}" "${resourceOf(source.app)}.${source.environment}.local:${source.port}" "127.0.0.1:${source.port}"`,
  ];
}

export function fluentBitRecord(source: LineSource, rng: Rng, t: number): string[] {
  const time = `[${slashTime(t)}]`;
  const roll = rng.next();
  if (roll < 0.08) {
    return [
      `${time} [ warn] [engine] failed to flush chunk '1-${Math.floor(t / 1000)}.${rng.digits(9)}.flb', retry in ${rng.int(6, 12)} seconds: task_id=${rng.int(0, 9)}, input=forward.1 > output=cloudwatch_logs.0 (out_id=0)`,
    ];
  }
  if (roll < 0.16) {
    return [
      `${time} [ info] [engine] flush chunk '1-${Math.floor(t / 1000)}.${rng.digits(9)}.flb' succeeded at retry 1: task_id=${rng.int(0, 9)}, input=forward.1 > output=cloudwatch_logs.0 (out_id=0)`,
    ];
  }
  return [
    `${time} [ info] [output:cloudwatch_logs:cloudwatch_logs.0] Sent ${rng.int(1, 400)} events to CloudWatch for ${source.app}-firelens-${source.taskId}`,
  ];
}
