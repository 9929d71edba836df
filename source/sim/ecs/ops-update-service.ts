// UpdateService, as docs/aws.md ("ECS services and tasks") describes it: desiredCount scales
// through the scheduler with no new deployment; taskDefinition (a different revision),
// forceNewDeployment and the members that change what a task is (network, platform version, load
// balancers, ...) start a new PRIMARY deployment that rolls within minimumHealthyPercent /
// maximumPercent; deploymentConfiguration and enableExecuteCommand change the service only (exec
// reaches tasks started afterwards). Application Auto Scaling hears about every desiredCount set
// (it may scale back into its range).
import type { UpdateServiceResponse } from "@aws-sdk/client-ecs";
import { optionalBoolean, optionalInteger, optionalObject, optionalString } from "../input.js";
import { SimError, invalidParameter, type JsonObject } from "../protocol.js";
import { requireActive, requireCluster, requireService } from "./ops-common.js";
import { resolveTaskDefinition } from "./ops-task-definitions.js";
import { renderService } from "./render-service.js";
import { reconcile, startDeployment } from "./service-scheduler.js";
import type { World } from "./world.js";

/** Tasks per service (the ECS service quota); more is refused rather than simulated. */
export const MAX_DESIRED_COUNT = 5000;

/** Members that change what a task is: any of them starts a new deployment (their values are not modelled). */
const DEPLOYING_MEMBERS = [
  "networkConfiguration",
  "platformVersion",
  "loadBalancers",
  "serviceRegistries",
  "serviceConnectConfiguration",
  "volumeConfigurations",
  "vpcLatticeConfigurations",
];

interface DeploymentConfigurationUpdate {
  minimumHealthyPercent: number | undefined;
  maximumPercent: number | undefined;
  circuitBreaker: { enable: boolean; rollback: boolean } | undefined;
}

function readDeploymentConfiguration(input: JsonObject): DeploymentConfigurationUpdate | undefined {
  const config = optionalObject(input, "deploymentConfiguration");
  if (config === undefined) return undefined;
  const minimumHealthyPercent = optionalInteger(config, "minimumHealthyPercent");
  const maximumPercent = optionalInteger(config, "maximumPercent");
  if (minimumHealthyPercent !== undefined && (minimumHealthyPercent < 0 || minimumHealthyPercent > 100))
    throw invalidParameter("minimumHealthyPercent must be between 0 and 100.");
  if (maximumPercent !== undefined && (maximumPercent < 100 || maximumPercent > 200))
    throw invalidParameter("maximumPercent must be between 100 and 200.");
  const breaker = optionalObject(config, "deploymentCircuitBreaker");
  let circuitBreaker: DeploymentConfigurationUpdate["circuitBreaker"];
  if (breaker !== undefined) {
    const enable = optionalBoolean(breaker, "enable");
    const rollback = optionalBoolean(breaker, "rollback");
    if (enable === undefined || rollback === undefined)
      throw invalidParameter("deploymentCircuitBreaker requires enable and rollback.");
    circuitBreaker = { enable, rollback };
  }
  return { minimumHealthyPercent, maximumPercent, circuitBreaker };
}

export function updateService(world: World, input: JsonObject): UpdateServiceResponse {
  const at = world.time;
  const serviceName = optionalString(input, "service");
  const desiredCount = optionalInteger(input, "desiredCount");
  if (desiredCount !== undefined && desiredCount < 0)
    throw invalidParameter("Invalid desiredCount: desired count must be greater than or equal to 0.");
  if (desiredCount !== undefined && desiredCount > MAX_DESIRED_COUNT)
    throw invalidParameter(`Invalid desiredCount: a service can run at most ${MAX_DESIRED_COUNT} tasks.`);
  const taskDefinition = optionalString(input, "taskDefinition");
  const forceNewDeployment = optionalBoolean(input, "forceNewDeployment") ?? false;
  const enableExecuteCommand = optionalBoolean(input, "enableExecuteCommand");
  const healthCheckGracePeriodSeconds = optionalInteger(input, "healthCheckGracePeriodSeconds");
  if (healthCheckGracePeriodSeconds !== undefined && healthCheckGracePeriodSeconds < 0)
    throw invalidParameter("healthCheckGracePeriodSeconds must be greater than or equal to 0.");
  const configuration = readDeploymentConfiguration(input);
  const deploying = DEPLOYING_MEMBERS.some((member) => input[member] !== undefined && input[member] !== null);

  const cluster = requireCluster(world, input);
  const service = requireActive(requireService(world, cluster, serviceName));
  const primary = service.deployments[0];
  if (healthCheckGracePeriodSeconds !== undefined && service.loadBalancer === undefined) {
    throw invalidParameter(
      "Health check grace period is only valid for services configured to use load balancers",
    );
  }

  let target = primary === undefined ? undefined : { family: primary.family, revision: primary.revision };
  if (taskDefinition !== undefined) {
    const resolved = resolveTaskDefinition(world, taskDefinition);
    if (resolved === undefined) throw new SimError("ClientException", "TaskDefinition not found.");
    const launchType = service.launchType ?? cluster.launchType;
    if (resolved.family.compatibility !== launchType)
      throw invalidParameter(`Task definition does not support launch_type ${launchType}.`);
    target = resolved;
  }

  if (configuration?.minimumHealthyPercent !== undefined)
    service.minimumHealthyPercent = configuration.minimumHealthyPercent;
  if (configuration?.maximumPercent !== undefined) service.maximumPercent = configuration.maximumPercent;
  if (configuration?.circuitBreaker !== undefined) service.circuitBreaker = configuration.circuitBreaker;
  if (enableExecuteCommand !== undefined) service.enableExecuteCommand = enableExecuteCommand;
  if (healthCheckGracePeriodSeconds !== undefined)
    service.healthCheckGracePeriodSeconds = healthCheckGracePeriodSeconds;
  if (desiredCount !== undefined) service.desiredCount = desiredCount;

  const changesRevision =
    target !== undefined &&
    (primary === undefined || target.family !== primary.family || target.revision !== primary.revision);
  if (target !== undefined && (forceNewDeployment || deploying || changesRevision)) {
    startDeployment(world, service, target.revision, at, { family: target.family });
  } else {
    reconcile(world, service, at);
  }
  if (desiredCount !== undefined) world.hooks.desiredCountSet(service, at);
  return { service: renderService(world, service, false) };
}
