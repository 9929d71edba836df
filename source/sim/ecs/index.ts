// The simulated ECS API: the JSON 1.1 operations, their throttling categories (the ECS token
// buckets of docs/aws.md, "ECS throttling"), and advancing the world to the current time before
// each answer.
import type { SimulatedService } from "../request-handler.js";
import type { JsonObject } from "../protocol.js";
import { clusterArn, serviceArn, taskArn } from "./arns.js";
import type { BucketSpec } from "../token-buckets.js";
import { describeClusters, listClusters } from "./ops-clusters.js";
import { describeContainerInstances, listContainerInstances } from "./ops-container-instances.js";
import {
  describeServiceDeployments,
  describeServiceRevisions,
  listServiceDeployments,
  stopServiceDeployment,
} from "./ops-service-deployments.js";
import { describeServices, listServices } from "./ops-services.js";
import {
  describeTaskDefinition,
  listTaskDefinitionFamilies,
  listTaskDefinitions,
} from "./ops-task-definitions.js";
import { executeCommand } from "./ops-execute-command.js";
import { describeTasks, listTasks, stopTaskOperation } from "./ops-tasks.js";
import type { SessionRegistry } from "../ssm/sessions.js";
import { updateService } from "./ops-update-service.js";
import type { World } from "./world.js";
import { worldOperations, type WorldOperation } from "../world-operations.js";

export const ECS_TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113";

/** ECS throttling categories: all actions in one share a bucket (burst, refill per second). */
export const ECS_BUCKETS: Readonly<Record<string, BucketSpec>> = {
  "cluster-read": { burst: 50, perSecond: 20 },
  "cluster-modify": { burst: 20, perSecond: 1 },
  "service-read": { burst: 100, perSecond: 20 },
  "service-modify": { burst: 50, perSecond: 5 },
  "service-deployment": { burst: 50, perSecond: 20 },
  "service-revision": { burst: 50, perSecond: 20 },
  "cluster-resource-read": { burst: 100, perSecond: 20 },
  "cluster-resource-modify": { burst: 100, perSecond: 40 },
  "task-definition-read": { burst: 50, perSecond: 20 },
  "task-definition-modify": { burst: 20, perSecond: 1 },
  "tag-read": { burst: 50, perSecond: 20 },
  "settings-read": { burst: 50, perSecond: 20 },
  "cluster-service-resource-read": { burst: 10, perSecond: 1 },
};

const CATEGORY: Readonly<Record<string, string>> = {
  ListClusters: "cluster-read",
  DescribeClusters: "cluster-read",
  ListServices: "service-read",
  DescribeServices: "service-read",
  UpdateService: "service-modify",
  StopServiceDeployment: "service-modify",
  ListServiceDeployments: "service-deployment",
  DescribeServiceDeployments: "service-deployment",
  DescribeServiceRevisions: "service-revision",
  ListTasks: "cluster-resource-read",
  DescribeTasks: "cluster-resource-read",
  ListContainerInstances: "cluster-resource-read",
  DescribeContainerInstances: "cluster-resource-read",
  StopTask: "cluster-resource-modify",
  ExecuteCommand: "cluster-resource-modify",
  DescribeTaskDefinition: "task-definition-read",
  ListTaskDefinitions: "task-definition-read",
  ListTaskDefinitionFamilies: "task-definition-read",
  ListTagsForResource: "tag-read",
  ListAccountSettings: "settings-read",
  ListServicesByNamespace: "cluster-service-resource-read",
};

const OPERATIONS: Readonly<Record<string, WorldOperation>> = {
  ListClusters: listClusters,
  DescribeClusters: describeClusters,
  ListServices: listServices,
  DescribeServices: describeServices,
  ListTasks: listTasks,
  DescribeTasks: describeTasks,
  ListContainerInstances: listContainerInstances,
  DescribeContainerInstances: describeContainerInstances,
  DescribeTaskDefinition: describeTaskDefinition,
  ListTaskDefinitions: listTaskDefinitions,
  ListTaskDefinitionFamilies: listTaskDefinitionFamilies,
  ListServiceDeployments: listServiceDeployments,
  DescribeServiceDeployments: describeServiceDeployments,
  DescribeServiceRevisions: describeServiceRevisions,
  UpdateService: updateService,
  StopTask: stopTaskOperation,
  StopServiceDeployment: stopServiceDeployment,
};

export function createEcsService(
  world: World,
  now: () => number,
  sessions: SessionRegistry,
): SimulatedService {
  const operations = worldOperations(world, now, {
    ...OPERATIONS,
    ExecuteCommand: (w, input) => executeCommand(w, input, sessions),
  });
  return {
    targetPrefix: ECS_TARGET_PREFIX,
    iamService: "ecs",
    resourceFor: (operation, input) => resourceFor(world, operation, input),
    operations,
    throttleBucket: (operation) => {
      const category = CATEGORY[operation];
      const spec = category === undefined ? undefined : ECS_BUCKETS[category];
      return category === undefined || spec === undefined ? undefined : { name: `ecs:${category}`, spec };
    },
  };
}

/** The ARN an AccessDeniedException names: the service, task or deployment acted on, else the cluster. */
function resourceFor(world: World, operation: string, input: JsonObject): string {
  const text = (member: string): string | undefined => {
    const value = input[member];
    return typeof value === "string" && value !== "" ? value : undefined;
  };
  const clusterParam = text("cluster") ?? "default";
  const cluster = clusterParam.startsWith("arn:") ? (clusterParam.split("/").pop() ?? "") : clusterParam;
  const named = (value: string | undefined, arn: (name: string) => string): string | undefined =>
    value === undefined ? undefined : value.startsWith("arn:") ? value : arn(value);
  const specific =
    operation === "UpdateService" || operation === "ListServiceDeployments"
      ? named(text("service"), (name) => serviceArn(world, cluster, name))
      : operation === "StopTask" || operation === "ExecuteCommand"
        ? named(text("task"), (id) => taskArn(world, cluster, id))
        : operation === "StopServiceDeployment"
          ? text("serviceDeploymentArn")
          : undefined;
  if (specific !== undefined) return specific;
  return operation.includes("TaskDefinition") ? "*" : clusterArn(world, cluster);
}
