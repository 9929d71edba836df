// The deployments a service has finished, from the service deployments API (ListServiceDeployments,
// then DescribeServiceRevisions for the task definition each one deployed): what DescribeServices
// forgets once a deployment is replaced. Where the API is refused or missing (an older endpoint,
// a policy without ecs:ListServiceDeployments), the view shows the service's own deployments only.
import type { Deployment, ServiceDeploymentBrief, ServiceDeploymentStatus } from "@aws-sdk/client-ecs";
import { resourceName } from "../core/arn.js";
import type { EcsGateway } from "../aws/ecs-gateway.js";
import type { AwsFailure } from "../aws/failure.js";

/** How many finished deployments the view keeps: the recent past, not the whole history. */
export const HISTORY_LIMIT = 10;

const FINISHED: ServiceDeploymentStatus[] = [
  "SUCCESSFUL",
  "STOPPED",
  "ROLLBACK_SUCCESSFUL",
  "ROLLBACK_FAILED",
];

export interface FinishedDeployment {
  id: string;
  /** The brief in the shape of the service's own deployments, so that one set of columns shows both. */
  deployment: Deployment;
  brief: ServiceDeploymentBrief;
}

export type History = { ok: true; finished: FinishedDeployment[] } | { ok: false; failure: AwsFailure };

export async function deploymentHistory(
  gateway: EcsGateway,
  cluster: string,
  service: string,
): Promise<History> {
  const listed = await gateway.listServiceDeployments(cluster, service, FINISHED, HISTORY_LIMIT);
  if (!listed.ok) return listed;
  const briefs = listed.value.filter((brief) => brief.serviceDeploymentArn);
  const revisions = await gateway.describeServiceRevisions(
    briefs.flatMap((brief) => brief.targetServiceRevisionArn ?? []),
  );
  if (!revisions.ok) return revisions;
  const taskDefinitionOf = new Map(
    revisions.value.map((revision) => [revision.serviceRevisionArn, revision.taskDefinition]),
  );
  const finished = briefs.map((brief) => {
    const id = resourceName(brief.serviceDeploymentArn);
    const deployment: Deployment = {
      id,
      status: brief.status,
      taskDefinition: taskDefinitionOf.get(brief.targetServiceRevisionArn),
      createdAt: brief.startedAt ?? brief.createdAt,
      updatedAt: brief.finishedAt,
      rolloutStateReason: brief.statusReason,
    };
    return { id, deployment, brief };
  });
  return { ok: true, finished };
}
