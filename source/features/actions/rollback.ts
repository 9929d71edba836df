// Roll a service back. While a deployment is pending or in progress, StopServiceDeployment with
// ROLLBACK lets ECS return to the previous service revision (all of it, not only the task
// definition). When that API cannot be used (no deployment in progress, no permission, moto), the
// fallback is an UpdateService to the previous task definition revision.
import type { Service, ServiceDeploymentStatus } from "@aws-sdk/client-ecs";
import type { EcsGateway } from "../../aws/ecs-gateway.js";
import { familyRevision, resourceName } from "../../core/arn.js";
import { planCalls } from "./cli.js";
import { serviceRef } from "./service-ref.js";
import type { AwsCall, AwsScope, Built } from "./types.js";

export type RollbackPlan =
  | { kind: "stop-deployment"; serviceDeploymentArn: string; why: string }
  | { kind: "previous-revision"; taskDefinition: string; why: string }
  | { kind: "none"; why: string };

type RollbackReads = Pick<EcsGateway, "listServiceDeployments" | "listTaskDefinitionArns">;

const STOPPABLE: ServiceDeploymentStatus[] = ["PENDING", "IN_PROGRESS"];
const ROLLING_BACK: ServiceDeploymentStatus[] = ["ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS"];

export async function planRollback(ecs: RollbackReads, service: Service): Promise<RollbackPlan> {
  const described = serviceRef(service);
  if (!described.ok) return { kind: "none", why: described.message };
  const { cluster, service: name } = described.ref;

  let unlisted = "";
  const listed = await ecs.listServiceDeployments(cluster, name, [...STOPPABLE, ...ROLLING_BACK]);
  if (listed.ok) {
    const rollingBack = listed.value.find((d) => d.status && ROLLING_BACK.includes(d.status));
    if (rollingBack) return { kind: "none", why: `${name} is already rolling back (${rollingBack.status})` };
    const ongoing = listed.value.find((d) => d.status && STOPPABLE.includes(d.status));
    if (ongoing?.serviceDeploymentArn) {
      return {
        kind: "stop-deployment",
        serviceDeploymentArn: ongoing.serviceDeploymentArn,
        why: `A deployment of ${name} is ${ongoing.status}: ECS stops it and returns to the previous service revision.`,
      };
    }
  } else {
    unlisted = ` (could not list service deployments: ${listed.failure.code})`;
  }

  // A rollout still under way keeps the old tasks in an ACTIVE deployment: go back to those.
  const primary = service.deployments?.find((d) => d.status === "PRIMARY");
  const [replaced] = (service.deployments ?? [])
    .filter((d) => d.status === "ACTIVE" && d.taskDefinition && d.taskDefinition !== primary?.taskDefinition)
    .sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0));
  if (replaced?.taskDefinition && primary?.taskDefinition) {
    return {
      kind: "previous-revision",
      taskDefinition: replaced.taskDefinition,
      why: `The rollout to ${resourceName(primary.taskDefinition)} is under way; ${name} goes back to ${resourceName(replaced.taskDefinition)}, which still has tasks${unlisted}.`,
    };
  }

  if (!service.taskDefinition) {
    return { kind: "none", why: `${name} has no task definition to roll back from` };
  }
  const current = familyRevision(service.taskDefinition);
  const revisions = await ecs.listTaskDefinitionArns(current.family);
  if (!revisions.ok) {
    return {
      kind: "none",
      why: `cannot list the revisions of ${current.family}: ${revisions.failure.code}: ${revisions.failure.message}`,
    };
  }
  const earlier = revisions.value.find((arn) => familyRevision(arn).revision < current.revision);
  if (!earlier) {
    return {
      kind: "none",
      why: `${resourceName(service.taskDefinition)} has no earlier active revision to go back to`,
    };
  }
  return {
    kind: "previous-revision",
    taskDefinition: earlier,
    why: `No rollout is under way; ${name} goes back from ${resourceName(service.taskDefinition)} to ${resourceName(earlier)}, the newest earlier active revision${unlisted}.`,
  };
}

export function rollbackAction(scope: AwsScope, service: Service, plan: RollbackPlan): Built {
  if (plan.kind === "none") return { ok: false, message: plan.why };
  const described = serviceRef(service);
  if (!described.ok) return described;
  const { cluster, service: name, arn } = described.ref;
  const call: AwsCall =
    plan.kind === "stop-deployment"
      ? {
          service: "ecs",
          operation: "StopServiceDeployment",
          parameters: { serviceDeploymentArn: plan.serviceDeploymentArn, stopType: "ROLLBACK" },
        }
      : {
          service: "ecs",
          operation: "UpdateService",
          parameters: { cluster, service: name, taskDefinition: plan.taskDefinition },
        };
  const target = plan.kind === "previous-revision" ? ` to ${resourceName(plan.taskDefinition)}` : "";
  return {
    ok: true,
    action: {
      id: "rollback",
      title: `Roll back ${name}${target}`,
      resourceArn: arn,
      calls: planCalls(scope, [call]),
      destructive: true,
      confirmation: { kind: "plain" },
      details: [plan.why],
      warnings: [],
      successText: `${name}: rollback${target} started`,
    },
  };
}
