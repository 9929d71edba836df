// Command-line flags: parsed and validated before anything heavy is loaded, so a bad flag costs
// nothing and ends with exit code 2 and one line saying what is wrong.
import { parseArgs } from "node:util";
import type { Settings } from "../settings/settings.js";
import {
  DEFAULT_LOG_BUFFER_LINES,
  DEFAULT_REFRESH_SECONDS,
  MIN_LOG_BUFFER_LINES,
  MIN_REFRESH_SECONDS,
  REGION_PATTERN,
  type FlagDefaults,
} from "../settings/flag-limits.js";
import { shellProblem } from "../settings/shell.js";
import type { DeepLink } from "../state/deep-link.js";

export interface Options {
  demo: boolean;
  profile?: string;
  region?: string;
  endpointUrl?: string;
  refreshMs: number;
  /** Lines the log pane keeps in memory before it drops the oldest. */
  logBufferLines: number;
  /** Refuse every call that changes something (scale, restart, stop…). */
  readOnly: boolean;
  /** The command exec shells run (`s`), instead of the config file's or /bin/sh. */
  shell?: string;
  /** The config file's settings, read by cli.ts before start-up (absent: the defaults). */
  settings?: Settings;
  /** --cluster, --service, --task: where the UI opens instead of the cluster list. */
  deepLink?: DeepLink;
}

export type ParsedCommand =
  | { command: "run"; options: Options }
  | { command: "help" }
  | { command: "version" }
  | { command: "error"; message: string };

/** The flags parseArgs reads; USAGE describes each one (shell completion offers them from both). */
export const FLAGS = {
  demo: { type: "boolean" },
  profile: { type: "string" },
  region: { type: "string" },
  "endpoint-url": { type: "string" },
  refresh: { type: "string" },
  "log-buffer": { type: "string" },
  readonly: { type: "boolean" },
  shell: { type: "string" },
  cluster: { type: "string" },
  service: { type: "string" },
  task: { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

export const USAGE = `deckhand: a terminal UI for AWS ECS

Usage
  deckhand [options]
  deckhand completion bash|zsh|fish   Print a shell completion script (see the README to install it)

Options
  --demo                 Browse a built-in simulated AWS account (no AWS account needed)
  --profile <name>       AWS profile from ~/.aws/config or ~/.aws/credentials (default: $AWS_PROFILE)
  --region <region>      AWS region (default: $AWS_REGION, $AWS_DEFAULT_REGION, or the profile's region)
  --endpoint-url <url>   Send ECS calls to this endpoint (also $AWS_ENDPOINT_URL_ECS, $AWS_ENDPOINT_URL)
  --refresh <seconds>    How often the view on screen is refreshed (default ${DEFAULT_REFRESH_SECONDS}, minimum ${MIN_REFRESH_SECONDS})
  --log-buffer <lines>   Log lines kept in memory by the log pane (default ${DEFAULT_LOG_BUFFER_LINES})
  --readonly             Look, never touch: every action that would change something is refused
  --shell <command>      What an exec shell runs in a container (default: the config file's "shell", else
                         /bin/sh, or powershell.exe in Windows containers)
  --cluster <name>       Open in this cluster (name or ARN) instead of the cluster list
  --service <name>       ... in this service of --cluster (its tasks)
  --task <id>            ... in this task of --cluster (its containers)
  -h, --help             Show this help
  -v, --version          Show the version

Inside, press ? for the keys.`;

/**
 * Which session-manager-plugin `--demo` runs (DECKHAND_SIM_PLUGIN): the simulated one bundled with
 * deckhand (unset), the one found on PATH as on AWS (`path`: tests put a fake first on PATH), or
 * none, to show what happens when the plugin is not installed (`none`).
 */
export type SimPlugin = "bundled" | "path" | "none";

export function simPluginFromEnv(
  env: NodeJS.ProcessEnv,
): { ok: true; plugin: SimPlugin } | { ok: false; message: string } {
  const value = env.DECKHAND_SIM_PLUGIN;
  if (value === undefined || value === "") return { ok: true, plugin: "bundled" };
  if (value === "path" || value === "none") return { ok: true, plugin: value };
  return {
    ok: false,
    message: `DECKHAND_SIM_PLUGIN must be "path" (the session-manager-plugin on PATH) or "none" (as if not installed), not "${value}"`,
  };
}

export function parseOptions(argv: string[], defaults: FlagDefaults = {}): ParsedCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: FLAGS,
    }));
  } catch (error) {
    return { command: "error", message: (error as Error).message.split("\n")[0]! };
  }
  if (values.help) return { command: "help" };
  if (values.version) return { command: "version" };

  const refreshSeconds =
    values.refresh === undefined
      ? (defaults.refreshSeconds ?? DEFAULT_REFRESH_SECONDS)
      : Number(values.refresh);
  if (!Number.isFinite(refreshSeconds) || refreshSeconds < MIN_REFRESH_SECONDS) {
    return {
      command: "error",
      message: `--refresh takes a number of seconds ≥ ${MIN_REFRESH_SECONDS}, not "${values.refresh}"`,
    };
  }
  const logBufferLines =
    values["log-buffer"] === undefined
      ? (defaults.logBufferLines ?? DEFAULT_LOG_BUFFER_LINES)
      : Number(values["log-buffer"]);
  if (!Number.isInteger(logBufferLines) || logBufferLines < MIN_LOG_BUFFER_LINES) {
    return {
      command: "error",
      message: `--log-buffer takes a whole number of lines ≥ ${MIN_LOG_BUFFER_LINES}, not "${values["log-buffer"]}"`,
    };
  }
  for (const flag of ["profile", "region", "endpoint-url", "cluster", "service", "task"] as const) {
    if (values[flag] !== undefined && values[flag].trim() === "") {
      return { command: "error", message: `--${flag} needs a value` };
    }
  }
  const shell = values.shell === undefined ? undefined : shellProblem(values.shell);
  if (shell !== undefined) return { command: "error", message: `--shell ${shell}` };
  if (values.region !== undefined && !new RegExp(REGION_PATTERN).test(values.region)) {
    return { command: "error", message: `--region "${values.region}" is not a region name like us-east-1` };
  }
  const endpointUrl = values["endpoint-url"];
  if (endpointUrl !== undefined && !isHttpUrl(endpointUrl)) {
    return { command: "error", message: `--endpoint-url "${endpointUrl}" is not an http(s) URL` };
  }
  const { cluster, service, task } = values;
  if (cluster === undefined && (service !== undefined || task !== undefined)) {
    return { command: "error", message: `--${service !== undefined ? "service" : "task"} needs --cluster` };
  }
  if (values.demo && (values.profile !== undefined || endpointUrl !== undefined)) {
    return {
      command: "error",
      message: "--demo uses the simulated account; it cannot be combined with --profile or --endpoint-url",
    };
  }
  return {
    command: "run",
    options: {
      demo: values.demo ?? false,
      // The demo's account is the simulated one, whatever the config file says.
      profile: values.profile ?? (values.demo ? undefined : defaults.profile),
      region: values.region ?? (values.demo ? undefined : defaults.region),
      endpointUrl,
      refreshMs: Math.round(refreshSeconds * 1000),
      logBufferLines,
      readOnly: values.readonly ?? false,
      ...(values.shell !== undefined ? { shell: values.shell } : {}),
      ...(cluster !== undefined ? { deepLink: { cluster, service, task } } : {}),
    },
  };
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}
