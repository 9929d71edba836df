// The terminal's line settings (echo, canonical mode…) through stty, for programs that take the
// terminal over: session-manager-plugin puts it in raw mode and, when it is killed, may not put it
// back, so deckhand saves the settings before a session and restores them after.
import { spawnSync } from "node:child_process";

/** Runs stty on the terminal on stdin; its output, or undefined when it fails or is missing. */
export function stty(args: string[]): string | undefined {
  const result = spawnSync("stty", args, { stdio: ["inherit", "pipe", "ignore"], encoding: "utf8" });
  return result.status === 0 ? result.stdout : undefined;
}

/** The settings as `stty -g` prints them, or undefined when stdin is not a terminal or stty fails. */
export function saveTerminalMode(): string | undefined {
  if (!process.stdin.isTTY) return undefined;
  const mode = stty(["-g"])?.trim();
  return mode === "" ? undefined : mode;
}

export function restoreTerminalMode(mode: string | undefined): void {
  if (mode !== undefined) stty([mode]);
}
