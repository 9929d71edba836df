// Says, in one line, where a container's logs go when deckhand cannot follow them itself.
import type { ContainerDefinition, TaskDefinition } from "@aws-sdk/client-ecs";

const NAMED_OPTION: Record<string, string[]> = {
  splunk: ["splunk-url", "splunk-index"],
  fluentd: ["fluentd-address", "tag"],
  gelf: ["gelf-address"],
  syslog: ["syslog-address"],
  logentries: ["logentries-token"],
  sumologic: ["sumo-url"],
};

const ON_HOST = new Set(["json-file", "journald", "local"]);

export function elsewhereExplanation(
  definition: TaskDefinition,
  def: ContainerDefinition,
  taskId: string,
): string {
  const config = def.logConfiguration;
  if (!config?.logDriver) {
    return "no logConfiguration in the task definition: output stays on the container instance (Fargate discards it)";
  }
  const driver = config.logDriver;
  const options = config.options ?? {};
  if (driver === "awsfirelens") return fireLensExplanation(definition, def, taskId);
  if (ON_HOST.has(driver))
    return `${driver} log driver: on the container instance, read it there with docker logs`;
  const named = (NAMED_OPTION[driver] ?? [])
    .filter((key) => options[key])
    .map((key) => `${key}=${options[key]}`);
  return `${driver} log driver${named.length > 0 ? ` (${named.join(", ")})` : ""}: not in CloudWatch Logs`;
}

/**
 * FireLens routes through a Fluent Bit/Fluentd sidecar; the app container's options are the output
 * plugin's. With the cloudwatch_logs plugin we can say which group and stream prefix to look at.
 */
function fireLensExplanation(definition: TaskDefinition, def: ContainerDefinition, taskId: string): string {
  const router = definition.containerDefinitions?.find((c) => c.firelensConfiguration);
  const via = router
    ? `FireLens (${router.firelensConfiguration?.type ?? "fluentbit"} in container ${router.name})`
    : "FireLens";
  const options = def.logConfiguration?.options ?? {};
  const plugin = options.Name ?? options.name;
  if (!plugin) return `${via}, routed by its own configuration file: see the router's config`;
  const lower = plugin.toLowerCase();
  if (lower === "cloudwatch_logs" || lower === "cloudwatch") {
    const group = options.log_group_name ?? "(group from the plugin's config)";
    const region = options.region ? ` in ${options.region}` : "";
    const stream = options.log_stream_name
      ? `stream ${options.log_stream_name}`
      : `streams ${options.log_stream_prefix ?? ""}${def.name ?? ""}-firelens-${taskId}`;
    return `${via} → CloudWatch Logs plugin ${plugin}: group ${group}${region}, ${stream}`;
  }
  const where =
    options.delivery_stream ??
    options.stream ??
    options.bucket ??
    options.Host ??
    options.host ??
    options.index ??
    undefined;
  return `${via} → ${plugin} output${where ? ` (${where})` : ""}: not in CloudWatch Logs`;
}
