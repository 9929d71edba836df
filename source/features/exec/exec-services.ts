// What a session needs for ECS exec and port forwarding: the gateways, the connection's region,
// SSM endpoint and credentials (handed to session-manager-plugin), the plugin to run, the running
// port forwards, and the terminal (tui.tsx hands it over to the plugin). open-account.ts makes the
// AWS half; tui.tsx adds the terminal.
import type { ActionLog } from "../actions/action-log.js";
import type { AwsScope } from "../actions/types.js";
import type { EcsGateway } from "../../aws/ecs-gateway.js";
import type { SsmGateway } from "../../aws/ssm-gateway.js";
import type { PluginCredentials } from "./plugin-invocation.js";
import { upgradeHint, type PluginLookup } from "./plugin-lookup.js";
import { isTooOld } from "./plugin-version.js";
import type { PortForwards } from "./port-forwards.js";

/** How to start session-manager-plugin: its path (or node and the simulated plugin), or why it cannot be. */
export type PluginChoice = { command: string; leadingArgs: string[] } | { missing: true; hint: string };

export interface TerminalHandover {
  /**
   * Leaves the full screen (Ink unmounted, alternate screen left, cooked mode), runs `session` with
   * the terminal to itself, then comes back to the same App. Resolves with what `session` returns.
   * `ifDeckhandExits` runs (awaited, within a bound) when deckhand is ended meanwhile, e.g. by SIGTERM.
   */
  run<T>(
    session: (terminal: HandedTerminal) => Promise<T>,
    ifDeckhandExits?: () => Promise<unknown>,
  ): Promise<T>;
}

/** The terminal while deckhand has handed it over. */
export interface HandedTerminal {
  write(text: string): void;
  /** Resolves when the user presses enter. */
  waitForEnter(): Promise<void>;
}

export interface ExecServices {
  ecs: Pick<EcsGateway, "describeTasks" | "describeServices" | "describeTaskDefinition" | "executeCommand">;
  ssm: Pick<SsmGateway, "startSession" | "terminateSession">;
  region: string;
  /** The SSM endpoint the plugin gets as its last argument. */
  ssmEndpoint: string;
  credentials(): Promise<PluginCredentials>;
  /** Looked up when a session starts: the plugin may be installed while deckhand runs. */
  plugin(): PluginChoice;
  forwards: PortForwards;
  /** --shell, else the config file's shell; diagnoseExec's default otherwise. */
  shell?: string;
  /** Every exec and port forward is recorded here, like actions. */
  log: ActionLog;
  scope: AwsScope;
  terminal?: TerminalHandover;
  /** The environment the plugin starts from (deckhand's own). */
  env: NodeJS.ProcessEnv;
  /** How often a running shell's task is checked (default 5 s). */
  watchEveryMs?: number;
}

/** The plugin as diagnoseExec sees it; `version` is what it said to --version, when it did. */
export function pluginLookup(choice: PluginChoice, version?: string): PluginLookup {
  if ("missing" in choice) return choice;
  if (version === undefined || !isTooOld(version)) return { path: choice.command };
  return { path: choice.command, tooOld: { version, hint: upgradeHint(process.platform) } };
}
