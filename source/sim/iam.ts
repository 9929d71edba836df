// What the simulated account answers, by IAM service prefix: the operations that only read and the
// ones that change something (mutations). DECKHAND_SIM_DENY refuses operations the way IAM does,
// with AccessDeniedException and AWS's message for a user whose policies do not allow the action.
// The services' operation tables are checked against this list by the unit tests.
import { SimError } from "./protocol.js";

export type IamService = "ecs" | "logs" | "application-autoscaling" | "ssm" | "ecr" | "elasticloadbalancing";

export const SIMULATED_OPERATIONS: Readonly<
  Record<IamService, { reads: readonly string[]; mutations: readonly string[] }>
> = {
  ecs: {
    reads: [
      "ListClusters",
      "DescribeClusters",
      "ListServices",
      "DescribeServices",
      "ListTasks",
      "DescribeTasks",
      "ListContainerInstances",
      "DescribeContainerInstances",
      "DescribeTaskDefinition",
      "ListTaskDefinitions",
      "ListTaskDefinitionFamilies",
      "ListServiceDeployments",
      "DescribeServiceDeployments",
      "DescribeServiceRevisions",
    ],
    mutations: ["UpdateService", "StopTask", "StopServiceDeployment", "ExecuteCommand"],
  },
  logs: {
    reads: ["DescribeLogGroups", "DescribeLogStreams", "GetLogEvents", "FilterLogEvents", "StartLiveTail"],
    mutations: [],
  },
  "application-autoscaling": {
    reads: [
      "DescribeScalableTargets",
      "DescribeScalingPolicies",
      "DescribeScheduledActions",
      "DescribeScalingActivities",
    ],
    mutations: ["RegisterScalableTarget"],
  },
  ssm: {
    reads: [],
    mutations: ["StartSession", "TerminateSession"],
  },
  ecr: {
    reads: ["DescribeImages", "DescribeImageScanFindings"],
    mutations: [],
  },
  elasticloadbalancing: {
    reads: ["DescribeTargetGroups", "DescribeTargetHealth"],
    mutations: [],
  },
};

const IAM_SERVICES = Object.keys(SIMULATED_OPERATIONS) as IamService[];

export function isMutation(service: IamService, operation: string): boolean {
  return SIMULATED_OPERATIONS[service].mutations.includes(operation);
}

/** The operations to refuse, as "service:Operation" keys. */
export interface DenyRule {
  readonly actions: ReadonlySet<string>;
}

export const ALLOW_ALL: DenyRule = { actions: new Set() };

export function isDenied(rule: DenyRule, service: IamService, operation: string): boolean {
  return rule.actions.size > 0 && rule.actions.has(`${service}:${operation}`);
}

/**
 * Reads a deny list: "*" (every mutation), "ecs:*" (every mutation of one service), or operation
 * names, bare ("UpdateService") or with their IAM prefix ("ecs:UpdateService"), in any case.
 * Throws a one-line message naming `label` for anything else.
 */
export function parseDenyList(items: readonly string[], label: string): DenyRule {
  const actions = new Set<string>();
  const mutationsOf = (service: IamService): string[] =>
    SIMULATED_OPERATIONS[service].mutations.map((operation) => `${service}:${operation}`);
  for (const raw of items) {
    const item = raw.trim();
    if (item === "") {
      throw new Error(`${label} has an empty item; give operation names separated by commas, or "*"`);
    }
    if (item === "*") {
      for (const service of IAM_SERVICES) for (const action of mutationsOf(service)) actions.add(action);
      continue;
    }
    const colon = item.indexOf(":");
    const prefix = colon >= 0 ? item.slice(0, colon).toLowerCase() : undefined;
    const name = colon >= 0 ? item.slice(colon + 1) : item;
    const services =
      prefix === undefined ? IAM_SERVICES : IAM_SERVICES.filter((service) => service === prefix);
    if (prefix !== undefined && services.length === 0) {
      throw new Error(`${label}: unknown service "${prefix}" in "${item}"; use ${IAM_SERVICES.join(", ")}`);
    }
    if (name === "*") {
      for (const service of services) for (const action of mutationsOf(service)) actions.add(action);
      continue;
    }
    let found = false;
    for (const service of services) {
      const { reads, mutations } = SIMULATED_OPERATIONS[service];
      const operation = [...reads, ...mutations].find((known) => known.toLowerCase() === name.toLowerCase());
      if (operation !== undefined) {
        actions.add(`${service}:${operation}`);
        found = true;
      }
    }
    if (!found) {
      const mutations = IAM_SERVICES.flatMap((service) => SIMULATED_OPERATIONS[service].mutations);
      throw new Error(
        `${label}: the simulated account has no operation "${item}" (mutations: ${mutations.join(", ")}; or "*" for all of them)`,
      );
    }
  }
  return { actions };
}

/** The IAM user the demo account's requests come from. */
export const demoUserArn = (accountId: string): string => `arn:aws:iam::${accountId}:user/demo`;

/** AWS's AccessDeniedException for an action no identity-based policy allows. */
export function accessDenied(
  accountId: string,
  service: IamService,
  operation: string,
  resource: string,
): SimError {
  const action = `${service}:${operation}`;
  return new SimError(
    "AccessDeniedException",
    `User: ${demoUserArn(accountId)} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`,
  );
}
