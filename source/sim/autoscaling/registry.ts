// Application Auto Scaling's state for ECS services: scalable targets (min/max of a service's
// desired count), target-tracking policies and scheduled actions (described, never run), and the
// scaling activities it records. What it does: a service whose desired count is outside its
// target's [min, max] is scaled back inside. ECS accepts any desiredCount in UpdateService; AWS's
// auto scaling brings it back on its next activity, which the simulator models as "within a
// minute" (SCALE_BACK_DELAY_MS). Changing min/max moves the desired count into the new range within
// seconds. Both leave a service event and a scaling activity.
import { Rng, formatUuid, hashHex } from "../random.js";
import type { SimService } from "../ecs/model.js";
import { addEvent } from "../ecs/service-events.js";
import { reconcile } from "../ecs/service-scheduler.js";
import { SECOND } from "../ecs/time.js";
import type { World } from "../ecs/world.js";

export const ECS_NAMESPACE = "ecs";
export const ECS_DIMENSION = "ecs:service:DesiredCount";
/** How long after an out-of-range UpdateService the desired count is scaled back (at most). */
export const SCALE_BACK_DELAY_MS = { min: 20 * SECOND, max: 55 * SECOND };
/** How long after RegisterScalableTarget changed min/max the desired count follows (at most). */
export const REGISTER_DELAY_MS = { min: 1 * SECOND, max: 4 * SECOND };
const MAX_ACTIVITIES = 200;

export interface SuspendedState {
  dynamicScalingInSuspended: boolean;
  dynamicScalingOutSuspended: boolean;
  scheduledScalingSuspended: boolean;
}

export interface ScalableTarget {
  seq: number;
  resourceId: string;
  service: SimService;
  arn: string;
  roleArn: string;
  minCapacity: number;
  maxCapacity: number;
  createdAt: number;
  suspended: SuspendedState;
  /** When the next range check is due, if one is scheduled. */
  checkAt: number | undefined;
}

export type PredefinedMetric =
  "ECSServiceAverageCPUUtilization" | "ECSServiceAverageMemoryUtilization" | "ALBRequestCountPerTarget";

export interface TargetTrackingPolicy {
  seq: number;
  name: string;
  arn: string;
  target: ScalableTarget;
  targetValue: number;
  metric: PredefinedMetric;
  resourceLabel: string | undefined;
  scaleInCooldown: number;
  scaleOutCooldown: number;
  disableScaleIn: boolean;
  createdAt: number;
  alarms: Array<{ name: string; arn: string }>;
}

export interface ScheduledAction {
  seq: number;
  name: string;
  arn: string;
  target: ScalableTarget;
  schedule: string;
  timezone: string | undefined;
  minCapacity: number | undefined;
  maxCapacity: number | undefined;
  createdAt: number;
}

export interface ScalingActivity {
  seq: number;
  id: string;
  target: ScalableTarget;
  description: string;
  cause: string;
  startTime: number;
  endTime: number;
  statusMessage: string;
}

/** Why a desired count is being moved into the target's range. */
type RangeCause = "update" | "register";

export class ScalingRegistry {
  readonly targets = new Map<string, ScalableTarget>();
  readonly policies: TargetTrackingPolicy[] = [];
  readonly scheduledActions: ScheduledAction[] = [];
  /** Newest last. */
  readonly activities: ScalingActivity[] = [];
  private readonly byService = new Map<SimService, ScalableTarget>();
  private readonly rng: Rng;
  private seq = 0;

  constructor(readonly world: World) {
    this.rng = Rng.derive(world.seed, "application-autoscaling");
    const previous = world.hooks.desiredCountSet;
    world.hooks.desiredCountSet = (service, at) => {
      previous(service, at);
      const target = this.byService.get(service);
      if (target !== undefined) this.scheduleCheck(target, at, SCALE_BACK_DELAY_MS, "update");
    };
  }

  nextSeq(): number {
    return this.seq++;
  }

  /** The ECS service a resource id ("service/<cluster>/<service>") names, if it exists and is ACTIVE. */
  serviceFor(resourceId: string): SimService | undefined {
    const parts = resourceId.split("/");
    if (parts.length !== 3 || parts[0] !== "service") return undefined;
    const service = this.world.clustersByName.get(parts[1] ?? "")?.servicesByName.get(parts[2] ?? "");
    return service?.status === "ACTIVE" ? service : undefined;
  }

  targetFor(service: SimService): ScalableTarget | undefined {
    return this.byService.get(service);
  }

  targetArn(resourceId: string): string {
    return `arn:aws:application-autoscaling:${this.world.region}:${this.world.accountId}:scalable-target/${hashHex(`${this.world.seed}/${resourceId}`, 36)}`;
  }

  roleArn(): string {
    return `arn:aws:iam::${this.world.accountId}:role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService`;
  }

  /**
   * Creates or updates the target of an ECS service (RegisterScalableTarget). A change of min or max
   * moves the desired count into the new range within seconds.
   */
  register(
    service: SimService,
    at: number,
    update: {
      minCapacity?: number;
      maxCapacity?: number;
      suspended?: Partial<SuspendedState>;
      roleArn?: string;
      createdAt?: number;
    },
  ): ScalableTarget {
    let target = this.byService.get(service);
    const rangeChanged =
      target === undefined ||
      (update.minCapacity !== undefined && update.minCapacity !== target.minCapacity) ||
      (update.maxCapacity !== undefined && update.maxCapacity !== target.maxCapacity);
    if (target === undefined) {
      const resourceId = `service/${service.cluster.name}/${service.name}`;
      target = {
        seq: this.nextSeq(),
        resourceId,
        service,
        arn: this.targetArn(resourceId),
        roleArn: update.roleArn ?? this.roleArn(),
        minCapacity: update.minCapacity ?? 0,
        maxCapacity: update.maxCapacity ?? 0,
        createdAt: update.createdAt ?? at,
        suspended: {
          dynamicScalingInSuspended: false,
          dynamicScalingOutSuspended: false,
          scheduledScalingSuspended: false,
        },
        checkAt: undefined,
      };
      this.targets.set(resourceId, target);
      this.byService.set(service, target);
    }
    if (update.minCapacity !== undefined) target.minCapacity = update.minCapacity;
    if (update.maxCapacity !== undefined) target.maxCapacity = update.maxCapacity;
    if (update.roleArn !== undefined) target.roleArn = update.roleArn;
    Object.assign(target.suspended, definedOnly(update.suspended ?? {}));
    if (rangeChanged) this.scheduleCheck(target, at, REGISTER_DELAY_MS, "register");
    return target;
  }

  private scheduleCheck(
    target: ScalableTarget,
    at: number,
    delay: { min: number; max: number },
    cause: RangeCause,
  ): void {
    const { minCapacity, maxCapacity } = target;
    const desired = target.service.desiredCount;
    if (desired >= minCapacity && desired <= maxCapacity) return;
    const due = at + this.rng.int(delay.min / SECOND, delay.max / SECOND) * SECOND;
    if (target.checkAt !== undefined && target.checkAt <= due) return;
    target.checkAt = due;
    this.world.schedule(due, (now) => {
      if (target.checkAt !== due) return;
      target.checkAt = undefined;
      this.bringIntoRange(target, now, cause);
    });
  }

  /** Sets the service's desired count to the nearest bound of the target's range, if it is outside. */
  private bringIntoRange(target: ScalableTarget, at: number, cause: RangeCause): void {
    const service = target.service;
    if (service.status !== "ACTIVE" || this.byService.get(service) !== target) return;
    const from = service.desiredCount;
    const above = from > target.maxCapacity;
    const below = from < target.minCapacity;
    if (!above && !below) return;
    // Out-of-range counts set through UpdateService are corrected by dynamic scaling, which may be
    // suspended; a new min/max applies regardless.
    if (cause === "update" && above && target.suspended.dynamicScalingInSuspended) return;
    if (cause === "update" && below && target.suspended.dynamicScalingOutSuspended) return;
    const to = above ? target.maxCapacity : target.minCapacity;
    const bound = above ? "maximum" : "minimum";
    service.desiredCount = to;
    const reason =
      cause === "register"
        ? `the ${bound} capacity was set to ${to}`
        : `the desired count of ${from} was ${above ? "above" : "below"} the ${bound} capacity of ${to}`;
    addEvent(
      service,
      at,
      `(service ${service.name}) has its desired count set from ${from} to ${to} by Application Auto Scaling: ${reason}.`,
    );
    this.activities.push({
      seq: this.nextSeq(),
      id: formatUuid(this.rng.hex(32)),
      target,
      description: `Setting desired count to ${to}.`,
      cause: cause === "register" ? `${bound} capacity was set to ${to}` : `${reason}`,
      startTime: at,
      endTime: at + this.rng.int(300, 1500),
      statusMessage: `Successfully set desired count to ${to}. Change successfully fulfilled by ecs.`,
    });
    if (this.activities.length > MAX_ACTIVITIES) this.activities.shift();
    reconcile(this.world, service, at);
  }

  addPolicy(policy: Omit<TargetTrackingPolicy, "seq">): TargetTrackingPolicy {
    const stored = { ...policy, seq: this.nextSeq() };
    this.policies.push(stored);
    return stored;
  }

  addScheduledAction(action: Omit<ScheduledAction, "seq">): ScheduledAction {
    const stored = { ...action, seq: this.nextSeq() };
    this.scheduledActions.push(stored);
    return stored;
  }

  /** A stable uuid for an ARN, from the resource it names. */
  uuidFor(key: string): string {
    return formatUuid(hashHex(`${this.world.seed}/${key}`, 32));
  }
}

function definedOnly(state: Partial<SuspendedState>): Partial<SuspendedState> {
  const out: Partial<SuspendedState> = {};
  for (const [key, value] of Object.entries(state) as Array<[keyof SuspendedState, boolean | undefined]>) {
    if (value !== undefined) out[key] = value;
  }
  return out;
}
