// Every attempted action, one JSON line per call, in the user's state directory: what was sent
// (or refused, or cancelled), where, and what AWS answered. The file is the user's own record of
// what deckhand did to their account.
import { appendFile, mkdir } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { stateDirectory } from "../../settings/state-directory.js";
import type { ActionId, AwsCall } from "./types.js";

/** Exec sessions and port forwards change no resource, but are logged beside the actions. */
export type SessionAction = "exec" | "run-command" | "port-forward" | "stop-port-forward";
export type SessionCall = "ExecuteCommand" | "StartSession" | "TerminateSession";

export interface ActionLogEntry {
  time: string;
  profile: string | null;
  account: string | null;
  region: string;
  action: ActionId | SessionAction;
  title: string;
  /** Null when refused at the key, before a call was formed (read-only, a failed exec check). */
  call: AwsCall["operation"] | SessionCall | null;
  parameters: AwsCall["parameters"] | Record<string, unknown> | null;
  result: "ok" | "error" | "refused" | "cancelled";
  error?: { code: string; message: string };
  /** Why a call was refused. */
  reason?: string;
}

export interface ActionLog {
  readonly path: string;
  append(entry: ActionLogEntry): Promise<void>;
}

/** $XDG_STATE_HOME/deckhand/actions.log, or ~/.local/state/deckhand/actions.log. */
export function actionLogPath(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  return join(stateDirectory(env, home), "actions.log");
}

export function fileActionLog(path: string = actionLogPath()): ActionLog {
  return {
    path,
    async append(entry) {
      // ARNs and account IDs are nobody else's business on a shared machine.
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      await appendFile(path, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
    },
  };
}
