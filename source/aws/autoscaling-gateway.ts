// Application Auto Scaling for ECS services: the scalable target (min/max) that bounds a service's
// desired count, its policies and scheduled actions, and changing min/max. A manual scale outside
// min/max is undone by auto scaling, so actions read this before scaling (docs/aws.md,
// "Application Auto Scaling").
import {
  DescribeScalableTargetsCommand,
  DescribeScalingPoliciesCommand,
  DescribeScheduledActionsCommand,
  RegisterScalableTargetCommand,
  type ApplicationAutoScalingClient,
  type ScalableTarget,
  type ScalingPolicy,
  type ScheduledAction,
} from "@aws-sdk/client-application-auto-scaling";
import { resourceName } from "../core/arn.js";
import { singleAttempt } from "./ecs-gateway.js";
import { classifyError, fail, ok, type AwsFailure, type Result } from "./failure.js";

export const ECS_NAMESPACE = "ecs";
export const ECS_DESIRED_COUNT = "ecs:service:DesiredCount";
const PAGE_SIZE = 50;
/** DescribeScalingPolicies takes at most 10 a page (the other Describe calls 50). */
const POLICY_PAGE_SIZE = 10;

/** The RegisterScalableTarget input deckhand sends: min and max, nothing else. */
export interface ScalableTargetRange {
  ServiceNamespace: typeof ECS_NAMESPACE;
  ResourceId: string;
  ScalableDimension: typeof ECS_DESIRED_COUNT;
  MinCapacity: number;
  MaxCapacity: number;
}

/** "service/<cluster>/<service>", from names or ARNs. */
export function serviceResourceId(cluster: string, service: string): string {
  return `service/${resourceName(cluster)}/${resourceName(service)}`;
}

export class AutoScalingGateway {
  constructor(private readonly client: Pick<ApplicationAutoScalingClient, "send">) {}

  /** The service's desired-count target, or undefined when auto scaling does not manage it. */
  async describeScalableTarget(resourceId: string): Promise<Result<ScalableTarget | undefined>> {
    try {
      const out = await this.client.send(
        new DescribeScalableTargetsCommand({
          ServiceNamespace: ECS_NAMESPACE,
          ResourceIds: [resourceId],
          ScalableDimension: ECS_DESIRED_COUNT,
        }),
      );
      return ok(out.ScalableTargets?.find((target) => target.ResourceId === resourceId));
    } catch (error) {
      return fail(failure("DescribeScalableTargets", error));
    }
  }

  describeScalingPolicies(resourceId: string): Promise<Result<ScalingPolicy[]>> {
    return this.pages("DescribeScalingPolicies", async (NextToken) => {
      const out = await this.client.send(
        new DescribeScalingPoliciesCommand({
          ServiceNamespace: ECS_NAMESPACE,
          ResourceId: resourceId,
          ScalableDimension: ECS_DESIRED_COUNT,
          MaxResults: POLICY_PAGE_SIZE,
          NextToken,
        }),
      );
      return { items: out.ScalingPolicies ?? [], nextToken: out.NextToken };
    });
  }

  describeScheduledActions(resourceId: string): Promise<Result<ScheduledAction[]>> {
    return this.pages("DescribeScheduledActions", async (NextToken) => {
      const out = await this.client.send(
        new DescribeScheduledActionsCommand({
          ServiceNamespace: ECS_NAMESPACE,
          ResourceId: resourceId,
          ScalableDimension: ECS_DESIRED_COUNT,
          MaxResults: PAGE_SIZE,
          NextToken,
        }),
      );
      return { items: out.ScheduledActions ?? [], nextToken: out.NextToken };
    });
  }

  /** Creates the target or changes its min/max; sent exactly once. Returns the target's ARN. */
  async registerScalableTarget(range: ScalableTargetRange): Promise<Result<string | undefined>> {
    try {
      const command = new RegisterScalableTargetCommand(range);
      singleAttempt(command);
      const out = await this.client.send(command);
      return ok(out.ScalableTargetARN);
    } catch (error) {
      return fail(failure("RegisterScalableTarget", error));
    }
  }

  private async pages<T>(
    operation: string,
    page: (nextToken: string | undefined) => Promise<{ items: T[]; nextToken?: string }>,
  ): Promise<Result<T[]>> {
    const items: T[] = [];
    let nextToken: string | undefined;
    try {
      do {
        const out = await page(nextToken);
        items.push(...out.items);
        nextToken = out.nextToken;
      } while (nextToken);
      return ok(items);
    } catch (error) {
      return fail(failure(operation, error));
    }
  }
}

const failure = (operation: string, error: unknown): AwsFailure =>
  classifyError(operation, error, "application-autoscaling");
