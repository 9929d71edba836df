// Wires the data layer for a session: the simulated account behind --demo (loaded only then), or
// AWS (or any ECS-compatible endpoint) otherwise; the action runner that is the only way a
// mutation is sent, read-only when the flag, the config file or the profile says so; and what ECS
// exec and port forwarding need (SSM, the plugin, the running forwards).
import type { ApplicationAutoScalingClient } from "@aws-sdk/client-application-auto-scaling";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { fileActionLog } from "../features/actions/action-log.js";
import { ActionRunner } from "../features/actions/runner.js";
import { AutoScalingGateway } from "../aws/autoscaling-gateway.js";
import { connect, type Connection } from "../aws/connection.js";
import { EcrGateway } from "../aws/ecr-gateway.js";
import { Elbv2Gateway } from "../aws/elbv2-gateway.js";
import { LogsGateway } from "../aws/logs-gateway.js";
import { SsmGateway } from "../aws/ssm-gateway.js";
import { findPlugin, installHint } from "../features/exec/plugin-lookup.js";
import { PortForwards } from "../features/exec/port-forwards.js";
import { LogFollower, type FollowScope } from "../features/logs/log-follower.js";
import { EcsGateway } from "../aws/ecs-gateway.js";
import { simPluginFromEnv, type Options } from "./options.js";
import { readOnlyReason } from "../settings/read-only.js";
import type { ContextLine } from "../state/app-store.js";
import type { ActionServices } from "../features/actions/session-actions.js";
import { logExec } from "../features/exec/exec-log.js";
import type { ExecServices, PluginChoice } from "../features/exec/exec-services.js";
import type { AccountChoice } from "../features/accounts/account-switch.js";

export interface Account {
  gateway: EcsGateway;
  context: ContextLine[];
  /** A follower for the log pane; all of them share one Logs request budget. */
  openFollower: (scope: FollowScope) => LogFollower;
  actions: ActionServices;
  /** ECS exec and port forwarding; tui.tsx adds the terminal to hand over. */
  exec: ExecServices;
  /** The profile (none: the SDK's default chain) and the region in use. */
  current: AccountChoice;
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
      const real: { send(...args: unknown[]): unknown } = connection.autoscaling;
      return real.send(...args);
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
  return {
    runner,
    autoscaling,
    ecr: new EcrGateway((region) => connection.ecrIn(region)),
    elbv2: new Elbv2Gateway(connection.elbv2),
    scope,
  };
}

/** The simulated plugin, next to the bundle that is running (dist/, or dist/chunks/ for a chunk). */
function bundledSimPlugin(): string | undefined {
  return ["./sim-session-plugin.js", "../sim-session-plugin.js", "../dist/sim-session-plugin.js"]
    .map((relative) => fileURLToPath(new URL(relative, import.meta.url)))
    .find((path) => existsSync(path));
}

/** Which session-manager-plugin a session runs; looked up again for each session. */
function pluginChooser(demo: boolean, env: NodeJS.ProcessEnv): () => PluginChoice {
  const onPath = (): PluginChoice => {
    const found = findPlugin(env, process.platform);
    return "missing" in found ? found : { command: found.path, leadingArgs: [] };
  };
  if (!demo) return onPath;
  const sim = simPluginFromEnv(env);
  if (!sim.ok) return () => ({ missing: true, hint: sim.message });
  if (sim.plugin === "path") return onPath;
  if (sim.plugin === "none") {
    return () => ({
      missing: true,
      hint: `${installHint(process.platform)} [demo: DECKHAND_SIM_PLUGIN=none acts as if it were not installed]`,
    });
  }
  return () => {
    const script = bundledSimPlugin();
    return script
      ? { command: process.execPath, leadingArgs: [script] }
      : {
          missing: true,
          hint: "the simulated plugin dist/sim-session-plugin.js is missing: run npm run build",
        };
  };
}

function sessionExec(
  gateway: EcsGateway,
  connection: Connection,
  options: Options,
  profile: string | undefined,
  env: NodeJS.ProcessEnv,
): ExecServices {
  const ssm = new SsmGateway(connection.ssm);
  const log = fileActionLog();
  const scope = { region: connection.region, ...(profile ? { profile } : {}) };
  const forwards = new PortForwards({
    terminate: async (sessionId) => {
      const ended = await ssm.terminateSession(sessionId);
      await logExec(log, scope, {
        action: "stop-port-forward",
        title: `End port forward session ${sessionId}`,
        call: "TerminateSession",
        parameters: { SessionId: sessionId },
        result: ended.ok ? "ok" : "error",
        ...(ended.ok ? {} : { error: ended.failure }),
      });
      return ended;
    },
  });
  const shell = options.shell ?? options.settings?.shell;
  return {
    ecs: gateway,
    ssm,
    region: connection.region,
    ssmEndpoint: connection.ssmEndpoint,
    credentials: () => connection.credentials(),
    plugin: pluginChooser(options.demo, env),
    forwards,
    ...(shell ? { shell } : {}),
    log,
    scope,
    env,
  };
}

export async function openAccount(options: Options, env: NodeJS.ProcessEnv = process.env): Promise<Account> {
  if (options.demo) {
    const { createSimulatedAccount, simOptionsFromEnv } = await import("../sim/index.js");
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
      exec: sessionExec(gateway, connection, options, undefined, env),
      openFollower: followers(connection, gateway, options.logBufferLines),
      current: { region: connection.region },
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
    exec: sessionExec(gateway, connection, options, connection.profile, env),
    openFollower: followers(connection, gateway, options.logBufferLines),
    current: { ...(connection.profile ? { profile: connection.profile } : {}), region: connection.region },
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
