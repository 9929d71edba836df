// Wires the data layer for a session: the simulated account behind --demo (loaded only then), or
// AWS (or any ECS-compatible endpoint) otherwise.
import { connect, type Connection } from "./aws/connection.js";
import { LogsGateway } from "./aws/logs-gateway.js";
import { LogFollower, type FollowScope } from "./logs/log-follower.js";
import { EcsGateway } from "./aws/ecs-gateway.js";
import type { Options } from "./options.js";
import type { ContextLine } from "./store/app-store.js";

export interface Account {
  gateway: EcsGateway;
  context: ContextLine[];
  /** A follower for the log pane; all of them share one Logs request budget. */
  openFollower: (scope: FollowScope) => LogFollower;
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
