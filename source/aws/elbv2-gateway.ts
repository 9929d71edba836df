// Elastic Load Balancing v2 for ECS services: the target groups a service registers its tasks in
// (DescribeTargetGroups, paged by Marker) and what the load balancer thinks of each target
// (DescribeTargetHealth). The SDK package is loaded on the first call, like the client
// (connection.ts): only the targets view needs it. The protocol and its limits: docs/aws.md, "ELBv2".
import type {
  ElasticLoadBalancingV2Client,
  TargetGroup,
  TargetHealthDescription,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { chunk } from "./chunk.js";
import { classifyError, fail, ok, type AwsFailure, type Result } from "./failure.js";

/**
 * ARNs per DescribeTargetGroups call. A service has at most five target groups, so one call in
 * practice; a group that is gone fails the whole call (TargetGroupNotFound), and so the view.
 */
const TARGET_GROUPS_PER_CALL = 20;

const sdk = () => import("@aws-sdk/client-elastic-load-balancing-v2");

export class Elbv2Gateway {
  constructor(private readonly client: Pick<ElasticLoadBalancingV2Client, "send">) {}

  /** The target groups with these ARNs, in no particular order. */
  async describeTargetGroups(arns: readonly string[]): Promise<Result<TargetGroup[]>> {
    const groups: TargetGroup[] = [];
    try {
      const { DescribeTargetGroupsCommand } = await sdk();
      for (const batch of chunk([...new Set(arns)], TARGET_GROUPS_PER_CALL)) {
        let marker: string | undefined;
        do {
          const out = await this.client.send(
            new DescribeTargetGroupsCommand({ TargetGroupArns: batch, Marker: marker }),
          );
          groups.push(...(out.TargetGroups ?? []));
          marker = out.NextMarker;
        } while (marker);
      }
      return ok(groups);
    } catch (error) {
      return fail(failure("DescribeTargetGroups", error));
    }
  }

  /** Every registered target of the group and its health. */
  async describeTargetHealth(targetGroupArn: string): Promise<Result<TargetHealthDescription[]>> {
    try {
      const { DescribeTargetHealthCommand } = await sdk();
      const out = await this.client.send(new DescribeTargetHealthCommand({ TargetGroupArn: targetGroupArn }));
      return ok(out.TargetHealthDescriptions ?? []);
    } catch (error) {
      return fail(failure("DescribeTargetHealth", error));
    }
  }
}

/** classifyError does not know ELB's not-found codes ("TargetGroupNotFound[Exception]"). */
function failure(operation: string, error: unknown): AwsFailure {
  const classified = classifyError(operation, error, "elasticloadbalancing");
  return /^(TargetGroupNotFound|LoadBalancerNotFound)/.test(classified.code)
    ? { ...classified, kind: "not-found" }
    : classified;
}
