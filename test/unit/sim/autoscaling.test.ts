// Application Auto Scaling in the simulated account, through the real SDK client: the demo
// services' scalable targets, target-tracking policies and scheduled actions, RegisterScalableTarget
// with AWS's validation, and a desired count set outside [min, max] being scaled back within a
// minute (with a service event and a scaling activity), as AWS's auto scaling does.
import {
  DescribeScalableTargetsCommand,
  DescribeScalingActivitiesCommand,
  DescribeScalingPoliciesCommand,
  DescribeScheduledActionsCommand,
  RegisterScalableTargetCommand,
} from "@aws-sdk/client-application-auto-scaling";
import { DescribeServicesCommand, ECSClient, UpdateServiceCommand, type Service } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import type { SimOptions } from "../../../source/sim/index.js";
import { failure, simulatedLogs } from "../../helpers/sim-logs-client.js";

function setup(options: SimOptions = {}) {
  return simulatedLogs({ throttle: false, ...options });
}

const ECS = { ServiceNamespace: "ecs", ScalableDimension: "ecs:service:DesiredCount" } as const;

async function service(ecs: ECSClient, name: string): Promise<Service> {
  const result = await ecs.send(new DescribeServicesCommand({ cluster: "prod", services: [name] }));
  const found = result.services?.[0];
  if (found === undefined) throw new Error(`no service ${name}`);
  return found;
}

describe("simulated Application Auto Scaling", () => {
  it("describes the demo services' scalable targets, policies and scheduled actions", async () => {
    const { scaling } = setup();
    const targets =
      (await scaling.send(new DescribeScalableTargetsCommand({ ServiceNamespace: "ecs" }))).ScalableTargets ??
      [];
    expect(targets.map((target) => target.ResourceId)).toEqual([
      "service/prod/checkout",
      "service/prod/api-gateway",
      "service/prod/web-frontend",
      "service/prod/cart",
      "service/prod/search-api",
      "service/prod/orders-worker",
    ]);
    const checkout = targets[0];
    expect(checkout).toMatchObject({
      ServiceNamespace: "ecs",
      ScalableDimension: "ecs:service:DesiredCount",
      MinCapacity: 3,
      MaxCapacity: 12,
      SuspendedState: {
        DynamicScalingInSuspended: false,
        DynamicScalingOutSuspended: false,
        ScheduledScalingSuspended: false,
      },
    });
    expect(checkout?.RoleARN).toMatch(/AWSServiceRoleForApplicationAutoScaling_ECSService$/);
    expect(checkout?.ScalableTargetARN).toMatch(
      /^arn:aws:application-autoscaling:us-east-1:123456789012:scalable-target\/[0-9a-f]{36}$/,
    );
    expect(checkout?.CreationTime?.getTime()).toBeLessThan(Date.UTC(2026, 0, 13));
    expect(
      targets.find((target) => target.ResourceId === "service/prod/orders-worker")?.SuspendedState,
    ).toMatchObject({
      DynamicScalingInSuspended: true,
    });

    const filtered = await scaling.send(
      new DescribeScalableTargetsCommand({ ...ECS, ResourceIds: ["service/prod/cart", "service/prod/nope"] }),
    );
    expect(filtered.ScalableTargets?.map((target) => target.ResourceId)).toEqual(["service/prod/cart"]);
    const dynamo = await scaling.send(new DescribeScalableTargetsCommand({ ServiceNamespace: "dynamodb" }));
    expect(dynamo.ScalableTargets).toEqual([]);
    const first = await scaling.send(new DescribeScalableTargetsCommand({ ...ECS, MaxResults: 4 }));
    const rest = await scaling.send(
      new DescribeScalableTargetsCommand({ ...ECS, MaxResults: 4, NextToken: first.NextToken }),
    );
    expect([...(first.ScalableTargets ?? []), ...(rest.ScalableTargets ?? [])]).toHaveLength(6);
    expect(rest.NextToken).toBeUndefined();

    const policies = await scaling.send(
      new DescribeScalingPoliciesCommand({ ...ECS, ResourceId: "service/prod/checkout" }),
    );
    expect(policies.ScalingPolicies).toHaveLength(1);
    expect(policies.ScalingPolicies?.[0]).toMatchObject({
      PolicyName: "checkout-cpu-target-tracking",
      PolicyType: "TargetTrackingScaling",
      TargetTrackingScalingPolicyConfiguration: {
        TargetValue: 60,
        PredefinedMetricSpecification: { PredefinedMetricType: "ECSServiceAverageCPUUtilization" },
      },
    });
    expect(policies.ScalingPolicies?.[0]?.PolicyARN).toMatch(
      /^arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:[0-9a-f-]{36}:resource\/ecs\/service\/prod\/checkout:policyName\/checkout-cpu-target-tracking$/,
    );
    expect(policies.ScalingPolicies?.[0]?.Alarms?.map((alarm) => alarm.AlarmName)).toEqual([
      expect.stringMatching(/^TargetTracking-service\/prod\/checkout-AlarmHigh-/),
      expect.stringMatching(/^TargetTracking-service\/prod\/checkout-AlarmLow-/),
    ]);
    const requests = await scaling.send(
      new DescribeScalingPoliciesCommand({ ...ECS, ResourceId: "service/prod/api-gateway" }),
    );
    expect(
      requests.ScalingPolicies?.[0]?.TargetTrackingScalingPolicyConfiguration?.PredefinedMetricSpecification,
    ).toMatchObject({
      PredefinedMetricType: "ALBRequestCountPerTarget",
      ResourceLabel: expect.stringMatching(
        /^app\/prod-alb\/[0-9a-f]{16}\/targetgroup\/prod-api-gateway\/[0-9a-f]{16}$/,
      ),
    });
    const allPolicies = await scaling.send(new DescribeScalingPoliciesCommand({ ServiceNamespace: "ecs" }));
    expect(allPolicies.ScalingPolicies).toHaveLength(6);
    const tooMany = await failure(
      scaling.send(new DescribeScalingPoliciesCommand({ ...ECS, MaxResults: 11 })),
    );
    expect(tooMany.name).toBe("ValidationException");

    const actions = await scaling.send(new DescribeScheduledActionsCommand({ ServiceNamespace: "ecs" }));
    expect(actions.ScheduledActions?.map((action) => [action.ScheduledActionName, action.Schedule])).toEqual([
      ["checkout-business-hours", "cron(0 7 ? * MON-FRI *)"],
      ["checkout-nights", "cron(0 22 ? * * *)"],
    ]);
    expect(actions.ScheduledActions?.[0]).toMatchObject({
      ResourceId: "service/prod/checkout",
      Timezone: "Europe/Berlin",
      ScalableTargetAction: { MinCapacity: 6 },
    });
    expect(actions.ScheduledActions?.[0]?.ScheduledActionARN).toMatch(
      /^arn:aws:autoscaling:us-east-1:123456789012:scheduledAction:[0-9a-f-]{36}:resource\/ecs\/service\/prod\/checkout:scheduledActionName\/checkout-business-hours$/,
    );
    expect(
      (await scaling.send(new DescribeScalingActivitiesCommand({ ServiceNamespace: "ecs" })))
        .ScalingActivities,
    ).toEqual([]);
  });

  it("leaves the demo alone: no target moves a desired count on its own", async () => {
    const { ecs, clock, scaling } = setup();
    const before = await ecs.send(
      new DescribeServicesCommand({
        cluster: "prod",
        services: ["checkout", "api-gateway", "cart", "search-api"],
      }),
    );
    clock.advance(30 * 60_000);
    const after = await ecs.send(
      new DescribeServicesCommand({
        cluster: "prod",
        services: ["checkout", "api-gateway", "cart", "search-api"],
      }),
    );
    expect(after.services?.map((svc) => svc.desiredCount)).toEqual(
      before.services?.map((svc) => svc.desiredCount),
    );
    expect(
      (await scaling.send(new DescribeScalingActivitiesCommand({ ServiceNamespace: "ecs" })))
        .ScalingActivities,
    ).toEqual([]);
  });

  it("keeps an UpdateService above the maximum, then scales it back within a minute", async () => {
    const { ecs, clock, scaling } = setup();
    const response = await ecs.send(
      new UpdateServiceCommand({ cluster: "prod", service: "cart", desiredCount: 15 }),
    );
    expect(response.service?.desiredCount).toBe(15);
    clock.advance(10_000);
    expect((await service(ecs, "cart")).desiredCount).toBe(15);
    clock.advance(50_000);
    const after = await service(ecs, "cart");
    expect(after.desiredCount).toBe(8);
    expect(after.events?.map((event) => event.message)).toContainEqual(
      "(service cart) has its desired count set from 15 to 8 by Application Auto Scaling: the desired count of 15 was above the maximum capacity of 8.",
    );
    const activities = await scaling.send(
      new DescribeScalingActivitiesCommand({ ...ECS, ResourceId: "service/prod/cart" }),
    );
    expect(activities.ScalingActivities).toHaveLength(1);
    expect(activities.ScalingActivities?.[0]).toMatchObject({
      Description: "Setting desired count to 8.",
      StatusCode: "Successful",
      StatusMessage: "Successfully set desired count to 8. Change successfully fulfilled by ecs.",
    });
    // The scheduler follows the new desired count.
    clock.advance(5 * 60_000);
    const settled = await service(ecs, "cart");
    expect(settled.runningCount).toBe(8);
    expect(settled.pendingCount).toBe(0);
  });

  it("scales a desired count below the minimum back up, unless it is brought back in range first", async () => {
    const { ecs, clock, scaling } = setup();
    await ecs.send(new UpdateServiceCommand({ cluster: "prod", service: "search-api", desiredCount: 0 }));
    clock.advance(60_000);
    expect((await service(ecs, "search-api")).desiredCount).toBe(2);

    await ecs.send(new UpdateServiceCommand({ cluster: "prod", service: "cart", desiredCount: 1 }));
    await ecs.send(new UpdateServiceCommand({ cluster: "prod", service: "cart", desiredCount: 5 }));
    clock.advance(60_000);
    expect((await service(ecs, "cart")).desiredCount).toBe(5);
    const activities = await scaling.send(new DescribeScalingActivitiesCommand({ ServiceNamespace: "ecs" }));
    expect(activities.ScalingActivities?.map((activity) => activity.ResourceId)).toEqual([
      "service/prod/search-api",
    ]);
  });

  it("does not scale in a target whose dynamic scale-in is suspended", async () => {
    const { ecs, clock } = setup();
    await ecs.send(new UpdateServiceCommand({ cluster: "prod", service: "orders-worker", desiredCount: 9 }));
    clock.advance(2 * 60_000);
    expect((await service(ecs, "orders-worker")).desiredCount).toBe(9);
  });

  it("moves the desired count into a new range set by RegisterScalableTarget", async () => {
    const { ecs, clock, scaling } = setup();
    const registered = await scaling.send(
      new RegisterScalableTargetCommand({
        ...ECS,
        ResourceId: "service/prod/cart",
        MinCapacity: 1,
        MaxCapacity: 2,
      }),
    );
    expect(registered.ScalableTargetARN).toMatch(/^arn:aws:application-autoscaling:/);
    clock.advance(5000);
    const cart = await service(ecs, "cart");
    expect(cart.desiredCount).toBe(2);
    expect(cart.events?.map((event) => event.message)).toContainEqual(
      "(service cart) has its desired count set from 4 to 2 by Application Auto Scaling: the maximum capacity was set to 2.",
    );
    const [activity] =
      (await scaling.send(new DescribeScalingActivitiesCommand({ ...ECS, ResourceId: "service/prod/cart" })))
        .ScalingActivities ?? [];
    expect(activity?.Cause).toBe("maximum capacity was set to 2");
    const target = await scaling.send(
      new DescribeScalableTargetsCommand({ ...ECS, ResourceIds: ["service/prod/cart"] }),
    );
    expect(target.ScalableTargets?.[0]).toMatchObject({ MinCapacity: 1, MaxCapacity: 2 });

    // Only the maximum: the minimum stays.
    await scaling.send(
      new RegisterScalableTargetCommand({ ...ECS, ResourceId: "service/prod/cart", MaxCapacity: 6 }),
    );
    const updated = await scaling.send(
      new DescribeScalableTargetsCommand({ ...ECS, ResourceIds: ["service/prod/cart"] }),
    );
    expect(updated.ScalableTargets?.[0]).toMatchObject({ MinCapacity: 1, MaxCapacity: 6 });

    // A new target for a service that had none, above its desired count.
    await scaling.send(
      new RegisterScalableTargetCommand({
        ...ECS,
        ResourceId: "service/prod/pricing",
        MinCapacity: 6,
        MaxCapacity: 10,
        SuspendedState: { ScheduledScalingSuspended: true },
      }),
    );
    clock.advance(5000);
    expect((await service(ecs, "pricing")).desiredCount).toBe(6);
    const pricing = await scaling.send(
      new DescribeScalableTargetsCommand({ ...ECS, ResourceIds: ["service/prod/pricing"] }),
    );
    expect(pricing.ScalableTargets?.[0]?.SuspendedState?.ScheduledScalingSuspended).toBe(true);
    expect(pricing.ScalableTargets?.[0]?.CreationTime?.getTime()).toBe(clock.now() - 5000);
  });

  it("pages scaling activities newest first, and takes a NextToken only from the request it came from", async () => {
    const { ecs, clock, scaling } = setup();
    for (const [name, count] of [
      ["cart", 15],
      ["search-api", 0],
      ["checkout", 20],
    ] as const) {
      await ecs.send(new UpdateServiceCommand({ cluster: "prod", service: name, desiredCount: count }));
      clock.advance(60_000);
    }
    const resources: string[] = [];
    let token: string | undefined;
    do {
      const page = await scaling.send(
        new DescribeScalingActivitiesCommand({ ...ECS, MaxResults: 1, NextToken: token }),
      );
      expect(page.ScalingActivities).toHaveLength(1);
      resources.push(...(page.ScalingActivities ?? []).map((activity) => activity.ResourceId ?? ""));
      token = page.NextToken;
    } while (token !== undefined);
    expect(resources).toEqual(["service/prod/checkout", "service/prod/search-api", "service/prod/cart"]);

    const first = await scaling.send(new DescribeScalingActivitiesCommand({ ...ECS, MaxResults: 1 }));
    const elsewhere = await failure(
      scaling.send(new DescribeScalableTargetsCommand({ ...ECS, NextToken: first.NextToken })),
    );
    expect(elsewhere.name).toBe("InvalidNextTokenException");
  });

  it("validates RegisterScalableTarget like AWS", async () => {
    const { scaling, sim } = setup();
    const register = (input: Partial<ConstructorParameters<typeof RegisterScalableTargetCommand>[0]>) =>
      failure(
        scaling.send(
          new RegisterScalableTargetCommand({
            ...ECS,
            ResourceId: "service/prod/cart",
            MinCapacity: 1,
            MaxCapacity: 4,
            ...input,
          }),
        ),
      );
    const inverted = await register({ MinCapacity: 5, MaxCapacity: 2 });
    expect([inverted.name, inverted.message]).toEqual([
      "ValidationException",
      "Minimum capacity cannot be greater than maximum capacity",
    ]);
    const missing = await register({ ResourceId: "service/prod/nope" });
    expect([missing.name, missing.message]).toEqual([
      "ValidationException",
      "ECS service doesn't exist: service/prod/nope",
    ]);
    const noCluster = await register({ ResourceId: "service/nope/cart" });
    expect(noCluster.message).toBe("ECS service doesn't exist: service/nope/cart");
    const newWithoutMax = await register({ ResourceId: "service/prod/pricing", MaxCapacity: undefined });
    expect(newWithoutMax.name).toBe("ValidationException");
    const negative = await register({ MinCapacity: -1 });
    expect(negative.name).toBe("ValidationException");
    const wrongDimension = await register({ ScalableDimension: "dynamodb:table:ReadCapacityUnits" });
    expect([wrongDimension.name, wrongDimension.message]).toEqual([
      "ValidationException",
      "Unsupported service namespace, resource type or scalable dimension",
    ]);
    const badId = await register({ ResourceId: "cart" });
    expect(badId.name).toBe("ValidationException");
    const noNamespace = await failure(scaling.send(new DescribeScalableTargetsCommand({} as never)));
    expect(noNamespace.name).toBe("ValidationException");
    const badToken = await failure(
      scaling.send(new DescribeScalableTargetsCommand({ ...ECS, NextToken: "nope" })),
    );
    expect(badToken.name).toBe("InvalidNextTokenException");
    expect(sim.autoScaling.targets.get("service/prod/cart")).toMatchObject({
      minCapacity: 2,
      maxCapacity: 8,
    });
    expect(sim.autoScaling.targets.has("service/prod/pricing")).toBe(false);
    expect(sim.calls.mutations().map((mutation) => [mutation.action, mutation.outcome])).toEqual(
      Array(7).fill(["application-autoscaling:RegisterScalableTarget", "ValidationException"]),
    );
  });
});
