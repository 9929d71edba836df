// The fake session-manager-plugin for tests: put FAKE_PLUGIN_DIR first on PATH (or run
// FAKE_PLUGIN directly), and read what it recorded with readPluginRecord. It runs
// dist/sim-session-plugin.js, so `npm run build` must have run.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { encodeSessionToken, type SimSessionToken } from "../../../source/sim/session-token.js";

export const FAKE_PLUGIN_DIR = fileURLToPath(new URL(".", import.meta.url)).replace(/\/$/, "");
export const FAKE_PLUGIN = `${FAKE_PLUGIN_DIR}/session-manager-plugin`;
export const BUILT_PLUGIN = fileURLToPath(new URL("../../../dist/sim-session-plugin.js", import.meta.url));

/** Throws a clear error when the simulated plugin has not been built. */
export function requireBuiltPlugin(): void {
  if (!existsSync(BUILT_PLUGIN)) throw new Error(`${BUILT_PLUGIN} is missing: run npm run build first`);
}

/** A session as the simulator's ExecuteCommand / StartSession would return it. */
export function simSession(
  sessionId: string,
  token: Omit<SimSessionToken, "sim" | "os"> & { os?: SimSessionToken["os"] },
): { sessionId: string; streamUrl: string; tokenValue: string } {
  return {
    sessionId,
    streamUrl: `wss://ssmmessages.us-east-1.amazonaws.com/v1/data-channel/${sessionId}`,
    tokenValue: encodeSessionToken({ sim: "deckhand", os: "linux", ...token }),
  };
}

export interface PluginStart {
  argv: string[];
  env: Record<string, string>;
  pid: number;
  startedAt: string;
}

export interface PluginEnd {
  pid: number;
  exit: number;
  signal?: string;
}

/** Every start and end the plugin recorded, in order; empty when the file does not exist yet. */
export function readPluginRecord(file: string): Array<PluginStart | PluginEnd> {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as PluginStart | PluginEnd);
}
