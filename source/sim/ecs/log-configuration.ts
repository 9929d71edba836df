// Where each container's logs go, as its task definition says: awslogs to /ecs/<family> with the
// stream prefix "ecs" (streams ecs/<container>/<taskId>), FireLens through the family's fluent-bit
// router to CloudWatch, or Splunk. DescribeTaskDefinition and the simulated CloudWatch Logs both
// read it from here, so the log streams always match what the task definition says.
import type { ContainerDefinition, FirelensConfiguration, LogConfiguration } from "@aws-sdk/client-ecs";
import type { AccountScope } from "./arns.js";
import type { ContainerSpec, TaskFamily } from "./model.js";

/** Families whose app logs through FireLens (besides the ones that happen to run a log router). */
export const FIRELENS_FAMILIES: ReadonlySet<string> = new Set(["orders-api"]);
/** Families whose app logs straight to Splunk: nothing of theirs reaches CloudWatch but the sidecars. */
export const SPLUNK_FAMILIES: ReadonlySet<string> = new Set(["inventory"]);

export const AWSLOGS_STREAM_PREFIX = "ecs";
export const FIRELENS_STREAM_PREFIX = "fluent-bit/";
const SPLUNK_URL = "https://http-inputs-acme.splunkcloud.com:443";

export type LogDestination =
  | { driver: "awslogs"; group: string; region: string; streamPrefix: string }
  | { driver: "awsfirelens"; group: string; region: string; streamPrefix: string }
  | { driver: "splunk"; url: string };

/** The log group the FireLens router's cloudwatch_logs output writes the app's lines to. */
export const firelensLogGroup = (family: TaskFamily): string => `/ecs/firelens/${family.name}`;

export function logDestination(scope: AccountScope, family: TaskFamily, spec: ContainerSpec): LogDestination {
  const driver = spec.role === "app" ? family.appLogDriver : "awslogs";
  if (driver === "splunk") return { driver, url: SPLUNK_URL };
  if (driver === "awsfirelens") {
    return {
      driver,
      group: firelensLogGroup(family),
      region: scope.region,
      streamPrefix: FIRELENS_STREAM_PREFIX,
    };
  }
  return { driver, group: family.logGroup, region: scope.region, streamPrefix: AWSLOGS_STREAM_PREFIX };
}

/**
 * The CloudWatch stream a container of a task writes to: awslogs names it
 * `<prefix>/<container>/<taskId>`; FireLens tags records `<container>-firelens-<taskId>` and the
 * cloudwatch_logs output puts its log_stream_prefix in front.
 */
export function cloudWatchStream(
  destination: LogDestination,
  containerName: string,
  taskId: string,
): { group: string; stream: string } | undefined {
  if (destination.driver === "awslogs") {
    return {
      group: destination.group,
      stream: `${destination.streamPrefix}/${containerName}/${taskId}`,
    };
  }
  if (destination.driver === "awsfirelens") {
    return {
      group: destination.group,
      stream: `${destination.streamPrefix}${containerName}-firelens-${taskId}`,
    };
  }
  return undefined;
}

/** Every CloudWatch log group a family's containers write to. */
export function familyLogGroups(scope: AccountScope, family: TaskFamily): string[] {
  const groups = new Set<string>([family.logGroup]);
  for (const spec of family.containers) {
    const destination = logDestination(scope, family, spec);
    if (destination.driver !== "splunk") groups.add(destination.group);
  }
  return [...groups];
}

/** The logConfiguration (and, for the router, firelensConfiguration) of a container definition. */
export function renderLogConfiguration(
  scope: AccountScope & { accountId: string },
  family: TaskFamily,
  spec: ContainerSpec,
): Pick<ContainerDefinition, "logConfiguration" | "firelensConfiguration"> {
  const destination = logDestination(scope, family, spec);
  let logConfiguration: LogConfiguration;
  if (destination.driver === "splunk") {
    logConfiguration = {
      logDriver: "splunk",
      options: {
        "splunk-url": destination.url,
        "splunk-index": `${family.environment}-${family.name}`,
        "splunk-sourcetype": "_json",
        "splunk-format": "raw",
        tag: "{{.Name}}/{{.ID}}",
      },
      secretOptions: [
        {
          name: "splunk-token",
          valueFrom: `arn:aws:ssm:${scope.region}:${scope.accountId}:parameter/${family.environment}/splunk/hec-token`,
        },
      ],
    };
  } else if (destination.driver === "awsfirelens") {
    logConfiguration = {
      logDriver: "awsfirelens",
      options: {
        Name: "cloudwatch_logs",
        region: destination.region,
        log_group_name: destination.group,
        log_stream_prefix: destination.streamPrefix,
        auto_create_group: "true",
      },
    };
  } else {
    logConfiguration = {
      logDriver: "awslogs",
      options: {
        "awslogs-group": destination.group,
        "awslogs-region": destination.region,
        "awslogs-stream-prefix": destination.streamPrefix,
      },
    };
  }
  const firelensConfiguration: FirelensConfiguration | undefined =
    spec.name === "log-router" && family.appLogDriver === "awsfirelens"
      ? { type: "fluentbit", options: { "enable-ecs-log-metadata": "true" } }
      : undefined;
  return firelensConfiguration ? { logConfiguration, firelensConfiguration } : { logConfiguration };
}

/** The requiresAttributes a family's log drivers add to its task definition. */
export function logDriverAttributes(family: TaskFamily): Array<{ name: string }> {
  if (family.appLogDriver === "awsfirelens") {
    return [
      { name: "com.amazonaws.ecs.capability.logging-driver.awsfirelens" },
      { name: "ecs.capability.firelens.fluentbit" },
    ];
  }
  if (family.appLogDriver === "splunk")
    return [{ name: "com.amazonaws.ecs.capability.logging-driver.splunk" }];
  return [];
}
