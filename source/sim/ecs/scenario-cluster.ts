// Cluster records and the EC2 container instances behind an EC2 cluster.
import { Rng } from "../random.js";
import { clusterArn, containerInstanceArn } from "./arns.js";
import type { LaunchType, SimCluster, SimContainerInstance, Subnet } from "./model.js";
import { DAY } from "./time.js";
import type { World } from "./world.js";

export interface ClusterPlan {
  name: string;
  launchType: LaunchType;
  status?: "ACTIVE" | "INACTIVE";
  capacityProviders: string[];
  defaultCapacityProviderStrategy: Array<{ capacityProvider: string; weight: number; base: number }>;
  containerInsights: "enabled" | "disabled";
  tags: Record<string, string>;
  /** Second octet of the cluster's VPC, 10.<octet>.0.0/16. */
  vpcOctet: number;
}

const AVAILABILITY_ZONES = ["us-east-1a", "us-east-1b", "us-east-1c"];

export function buildCluster(world: World, plan: ClusterPlan): SimCluster {
  const rng = Rng.derive(world.seed, "cluster", plan.name);
  const subnets: Subnet[] = AVAILABILITY_ZONES.map((availabilityZone, index) => ({
    id: `subnet-0${rng.hex(16)}`,
    availabilityZone,
    prefix: [10, plan.vpcOctet, index * 32],
  }));
  const status = plan.status ?? "ACTIVE";
  const cluster: SimCluster = {
    name: plan.name,
    arn: clusterArn(world, plan.name),
    status,
    listed: status === "ACTIVE",
    seq: world.clusters.length,
    launchType: plan.launchType,
    services: [],
    servicesByName: new Map(),
    tasks: [],
    purgedTasks: 0,
    tasksById: new Map(),
    instances: [],
    instancesById: new Map(),
    capacityProviders: plan.capacityProviders,
    defaultCapacityProviderStrategy: plan.defaultCapacityProviderStrategy,
    containerInsights: plan.containerInsights,
    tags: Object.entries(plan.tags).map(([key, value]) => ({ key, value })),
    subnets,
    securityGroupId: `sg-0${rng.hex(16)}`,
    counts: { FARGATE: { running: 0, pending: 0 }, EC2: { running: 0, pending: 0 } },
    rng,
  };
  world.addCluster(cluster);
  return cluster;
}

export function addContainerInstances(
  world: World,
  cluster: SimCluster,
  count: number,
  capacityProviderName: string,
  now: number,
): void {
  const { rng } = cluster;
  for (let i = 0; i < count; i++) {
    const subnet = cluster.subnets[i % cluster.subnets.length] as Subnet;
    const id = rng.hex(32);
    const instance: SimContainerInstance = {
      id,
      arn: containerInstanceArn(world, cluster.name, id),
      ec2InstanceId: `i-0${rng.hex(16)}`,
      cluster,
      availabilityZone: subnet.availabilityZone,
      instanceType: "m6i.xlarge",
      cpu: 4096,
      memory: 15_578,
      registeredAt: now - rng.int(2, 20) * DAY,
      privateIp: `10.${subnet.prefix[1]}.${subnet.prefix[2] + rng.int(0, 31)}.${rng.int(4, 254)}`,
      amiId: "ami-0b5e6a3c2a8d5f1e7",
      capacityProviderName,
      tasks: new Set(),
      version: rng.int(20, 400),
      agentConnected: true,
      agentVersion: "1.88.0",
    };
    cluster.instances.push(instance);
    cluster.instancesById.set(id, instance);
  }
}
