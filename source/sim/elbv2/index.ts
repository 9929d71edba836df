// The simulated Elastic Load Balancing v2 API (AWS Query protocol, signing name
// "elasticloadbalancing"), as far as ECS services need it: DescribeTargetGroups and
// DescribeTargetHealth. Every service with a load balancer has one target group (its ARN is the
// service's loadBalancers[0].targetGroupArn) behind its cluster's application load balancer; the
// targets are the service's tasks (see target-health.ts). Not throttled.
import type {
  DescribeTargetGroupsOutput,
  DescribeTargetHealthOutput,
  TargetGroup,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import type { SimService } from "../ecs/model.js";
import type { World } from "../ecs/world.js";
import { pageRequest, paginateByPosition, type PageLimits } from "../pagination.js";
import { SimError, type JsonObject } from "../protocol.js";
import { queryInteger, queryList, queryString, queryStructs } from "../query-protocol.js";
import { hashHex } from "../random.js";
import type { SimulatedService } from "../request-handler.js";
import { worldOperations } from "../world-operations.js";
import { targetsOf } from "./target-health.js";

export { targetsOf, type SimTarget } from "./target-health.js";

export const ELBV2_SIGNING_NAME = "elasticloadbalancing";
export const ELBV2_NAMESPACE = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";

const HEALTH_CHECK_PATH = "/healthz";

const notFound = (): SimError => new SimError("TargetGroupNotFound", "One or more target groups not found");
const validation = (message: string): SimError => new SimError("ValidationError", message);
const badPageSize = (): SimError => validation("Page size must be between 1 and 400");

const PAGE_LIMITS: PageLimits = {
  defaultSize: 400,
  max: 400,
  badSize: badPageSize,
  badToken: () => validation("Invalid marker"),
};

/** The services behind a load balancer, in a stable order. */
function balancedServices(world: World): SimService[] {
  return world.clusters.flatMap((cluster) =>
    cluster.services.filter((service) => service.loadBalancer !== undefined && service.status !== "INACTIVE"),
  );
}

const nameOf = (arn: string): string => arn.split("/")[1] ?? arn;

function targetGroupOf(world: World, service: SimService): TargetGroup {
  const binding = service.loadBalancer!;
  const cluster = service.cluster;
  const awsvpc = service.family.networkMode === "awsvpc";
  return {
    TargetGroupArn: binding.targetGroupArn,
    TargetGroupName: nameOf(binding.targetGroupArn),
    Protocol: "HTTP",
    Port: binding.containerPort,
    VpcId: `vpc-0${hashHex(`${cluster.name}/vpc`, 16)}`,
    HealthCheckProtocol: "HTTP",
    HealthCheckPort: "traffic-port",
    HealthCheckEnabled: true,
    HealthCheckIntervalSeconds: 10,
    HealthCheckTimeoutSeconds: 5,
    HealthyThresholdCount: 2,
    UnhealthyThresholdCount: 3,
    HealthCheckPath: HEALTH_CHECK_PATH,
    Matcher: { HttpCode: "200" },
    LoadBalancerArns: [
      `arn:aws:elasticloadbalancing:${world.region}:${world.accountId}:loadbalancer/app/${cluster.name}-alb/${hashHex(`${cluster.name}/alb`, 16)}`,
    ],
    TargetType: awsvpc ? "ip" : "instance",
    ProtocolVersion: "HTTP1",
    IpAddressType: "ipv4",
  };
}

function describeTargetGroups(world: World, input: JsonObject): DescribeTargetGroupsOutput {
  const arns = queryList(input, "TargetGroupArns");
  const names = queryList(input, "Names");
  const scope = `DescribeTargetGroups|${arns.join(",")}|${names.join(",")}`;
  const page = pageRequest(
    // A PageSize that is no number is answered like one out of range.
    queryInteger(input, "PageSize", badPageSize),
    queryString(input, "Marker"),
    scope,
    PAGE_LIMITS,
  );
  let groups = balancedServices(world).map((service) => targetGroupOf(world, service));
  if (arns.length > 0) {
    groups = arns
      .map((arn) => groups.find((group) => group.TargetGroupArn === arn) ?? null)
      .filter((group): group is TargetGroup => group !== null);
    if (groups.length < new Set(arns).size) throw notFound();
  } else if (names.length > 0) {
    groups = groups.filter((group) => names.includes(group.TargetGroupName ?? ""));
    if (groups.length < new Set(names).size) throw notFound();
  }
  const shown = paginateByPosition(groups, page, scope);
  return { TargetGroups: shown.items, ...(shown.nextToken ? { NextMarker: shown.nextToken } : {}) };
}

function describeTargetHealth(world: World, input: JsonObject): DescribeTargetHealthOutput {
  const arn = queryString(input, "TargetGroupArn");
  if (arn === undefined) throw validation("A target group ARN must be specified");
  const service = balancedServices(world).find((candidate) => candidate.loadBalancer?.targetGroupArn === arn);
  if (service === undefined) throw notFound();
  const targets = targetsOf(service, world.time);
  const asked = queryStructs(input, "Targets");
  const described = targets.map((target) => ({
    Target: { Id: target.id, Port: target.port, AvailabilityZone: target.availabilityZone },
    HealthCheckPort: String(target.port),
    TargetHealth: {
      State: target.state,
      ...(target.reason ? { Reason: target.reason } : {}),
      ...(target.description ? { Description: target.description } : {}),
    },
  }));
  if (asked.length === 0) return { TargetHealthDescriptions: described } as DescribeTargetHealthOutput;
  return {
    TargetHealthDescriptions: asked.map((field) => {
      const id = field("Id") ?? "";
      const port = field("Port");
      const found = described.find(
        (entry) => entry.Target.Id === id && (port === undefined || String(entry.Target.Port) === port),
      );
      return (
        found ?? {
          Target: { Id: id, ...(port !== undefined ? { Port: Number(port) } : {}) },
          TargetHealth: {
            State: "unused",
            Reason: "Target.NotRegistered",
            Description: "Target is not registered to the target group",
          },
        }
      );
    }),
  } as DescribeTargetHealthOutput;
}

export function createElbv2Service(world: World, now: () => number): SimulatedService {
  const operations = worldOperations(world, now, {
    DescribeTargetGroups: describeTargetGroups,
    DescribeTargetHealth: describeTargetHealth,
  });
  return {
    targetPrefix: ELBV2_SIGNING_NAME,
    queryNamespace: ELBV2_NAMESPACE,
    iamService: "elasticloadbalancing",
    resourceFor: (_operation, input) => queryString(input, "TargetGroupArn") ?? "*",
    operations,
    throttleBucket: () => undefined,
  };
}
