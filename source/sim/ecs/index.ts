// The simulated ECS API: the JSON 1.1 operations, their throttling categories (the ECS token
// buckets of aws-api.md §1.2), and advancing the world to the current time before each answer.
import type { Operation, SimulatedService } from "../request-handler.js";
import type { JsonObject } from "../protocol.js";
import type { BucketSpec } from "../token-buckets.js";
import { describeClusters, listClusters } from "./ops-clusters.js";
import { describeContainerInstances, listContainerInstances } from "./ops-container-instances.js";
import { describeServices, listServices } from "./ops-services.js";
import { describeTaskDefinition } from "./ops-task-definitions.js";
import { describeTasks, listTasks } from "./ops-tasks.js";
import type { World } from "./world.js";

export const ECS_TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113";

/** ECS throttling categories: all actions in one share a bucket (burst, refill per second). */
export const ECS_BUCKETS: Readonly<Record<string, BucketSpec>> = {
  "cluster-read": { burst: 50, perSecond: 20 },
  "cluster-modify": { burst: 20, perSecond: 1 },
  "service-read": { burst: 100, perSecond: 20 },
  "service-modify": { burst: 50, perSecond: 5 },
  "service-deployment": { burst: 50, perSecond: 20 },
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
  ListServiceDeployments: "service-deployment",
  DescribeServiceDeployments: "service-deployment",
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

type EcsOperation = (world: World, input: JsonObject) => unknown;

const OPERATIONS: Readonly<Record<string, EcsOperation>> = {
  ListClusters: listClusters,
  DescribeClusters: describeClusters,
  ListServices: listServices,
  DescribeServices: describeServices,
  ListTasks: listTasks,
  DescribeTasks: describeTasks,
  ListContainerInstances: listContainerInstances,
  DescribeContainerInstances: describeContainerInstances,
  DescribeTaskDefinition: describeTaskDefinition,
};

export function createEcsService(world: World, now: () => number): SimulatedService {
  const operations: Record<string, Operation> = {};
  for (const [name, operation] of Object.entries(OPERATIONS)) {
    operations[name] = (input) => {
      world.advance(now());
      return operation(world, input);
    };
  }
  return {
    targetPrefix: ECS_TARGET_PREFIX,
    operations,
    throttleBucket: (operation) => {
      const category = CATEGORY[operation];
      const spec = category === undefined ? undefined : ECS_BUCKETS[category];
      return category === undefined || spec === undefined ? undefined : { name: `ecs:${category}`, spec };
    },
  };
}
