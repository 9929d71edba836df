// Wires the data layer for a session: the simulated account behind --demo (loaded only then), or
// AWS (or any ECS-compatible endpoint) otherwise; and the action runner that is the only way a
// mutation is sent, read-only when the flag, the config file or the profile says so.
import type { ApplicationAutoScalingClient } from "@aws-sdk/client-application-auto-scaling";
import { fileActionLog } from "./actions/action-log.js";
import { ActionRunner } from "./actions/runner.js";
import { AutoScalingGateway } from "./aws/autoscaling-gateway.js";
import { connect, type Connection } from "./aws/connection.js";
import { LogsGateway } from "./aws/logs-gateway.js";
import { LogFollower, type FollowScope } from "./logs/log-follower.js";
import { EcsGateway } from "./aws/ecs-gateway.js";
import type { Options } from "./options.js";
import { readOnlyReason } from "./settings/read-only.js";
import type { ContextLine } from "./store/app-store.js";
import type { ActionServices } from "./store/session-actions.js";

export interface Account {
  gateway: EcsGateway;
  context: ContextLine[];
  /** A follower for the log pane; all of them share one Logs request budget. */
  openFollower: (scope: FollowScope) => LogFollower;
  actions: ActionServices;
}

function followers(
  connection: Connection,
  ecs: EcsGateway,
  capacity: number,
): (scope: FollowScope) => LogFollower {
  let logs: LogsGateway | undefined;
  return () => {
    logs ??= new LogsGateway(connection.logs, { region: connection.region, clientFor: connection.logsIn });
    return new LogFollower({ ecs, logs, capacity });
  };
}

/**
 * The runner and the reads that prepare actions. The auto scaling client is made on its first
 * call: most sessions never scale anything.
 */
function sessionActions(
  gateway: EcsGateway,
  connection: Connection,
  options: Options,
  profile: string | undefined,
): ActionServices {
  const client = {
    send(...args: unknown[]): unknown {
      const real = connection.autoscaling;
      return Reflect.apply(real.send, real, args);
    },
  } as Pick<ApplicationAutoScalingClient, "send">;
  const autoscaling = new AutoScalingGateway(client);
  const scope = { region: connection.region, ...(profile ? { profile } : {}) };
  const settings = options.settings ?? { readOnly: false, readOnlyProfiles: [], path: "config.json" };
  const runner = new ActionRunner({
    gateways: { ecs: gateway, autoscaling },
    log: fileActionLog(),
    scope,
    readOnly: readOnlyReason(settings, profile, options.readOnly),
  });
  return { runner, autoscaling, scope };
}

export async function openAccount(options: Options, env: NodeJS.ProcessEnv = process.env): Promise<Account> {
  if (options.demo) {
    const { createSimulatedAccount, simOptionsFromEnv } = await import("./sim/index.js");
    const sim = createSimulatedAccount(simOptionsFromEnv(env));
    const connection = await connect({
      region: options.region ?? sim.region,
      requestHandler: sim.requestHandler,
    });
    const gateway = new EcsGateway(connection.ecs);
    return {
      gateway,
      // No profile is used, but readOnlyProfiles still applies to $AWS_PROFILE: a session that
      // looks like prod stays read-only even when it is only the demo.
      actions: sessionActions(gateway, connection, options, env.AWS_PROFILE || undefined),
      openFollower: followers(connection, gateway, options.logBufferLines),
      context: [
        { label: "Account", value: `demo (simulated ${sim.accountId})` },
        { label: "Region", value: connection.region },
        { label: "Refresh", value: `${options.refreshMs / 1000}s` },
      ],
    };
  }
  const connection = await connect(options);
  const endpoint = options.endpointUrl ?? env.AWS_ENDPOINT_URL_ECS ?? env.AWS_ENDPOINT_URL;
  const gateway = new EcsGateway(connection.ecs);
  return {
    gateway,
    actions: sessionActions(gateway, connection, options, connection.profile),
    openFollower: followers(connection, gateway, options.logBufferLines),
    context: [
      { label: "Account", value: "" }, // learnt from the first ARN listed: no extra call (or IAM permission)
      {
        label: "Profile",
        value: connection.profile ?? (env.AWS_ACCESS_KEY_ID ? "(environment credentials)" : "default"),
      },
      { label: "Region", value: connection.region },
      ...(endpoint ? [{ label: "Endpoint", value: endpoint }] : []),
      { label: "Refresh", value: `${options.refreshMs / 1000}s` },
    ],
  };
}
