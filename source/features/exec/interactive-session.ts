// Runs the plugin in the foreground with the terminal handed to it (the UI has already left the
// alternate screen and raw mode). The terminal sends Ctrl-C, Ctrl-\ and Ctrl-Z to the whole
// foreground process group, deckhand included, so deckhand ignores them while the shell runs,
// as the AWS CLI does; its own handlers come back afterwards. If deckhand itself is ended meanwhile
// (SIGTERM, SIGHUP), the plugin is stopped with it rather than left behind.
import { spawn, type ChildProcess } from "node:child_process";
import { sleep } from "../logs/abortable-sleep.js";
import type { PluginInvocation } from "./plugin-invocation.js";
import { onExit } from "../../core/terminal.js";
import { hasExited, stopChild } from "./stop-child.js";

export type InteractiveOutcome =
  | { exitCode: number | null; signal: string | null; ended?: "aborted" }
  | { exitCode: null; signal: null; ended: "failed"; error: string };

export interface InteractiveOptions {
  signal?: AbortSignal;
  killAfterMs?: number;
}

const KEYBOARD_SIGNALS: NodeJS.Signals[] =
  process.platform === "win32" ? ["SIGINT"] : ["SIGINT", "SIGQUIT", "SIGTSTP"];

export function runInteractive(
  invocation: PluginInvocation,
  options: InteractiveOptions = {},
): Promise<InteractiveOutcome> {
  const { signal } = options;
  if (signal?.aborted) return Promise.resolve({ exitCode: null, signal: null, ended: "aborted" });
  const restoreSignals = ignoreKeyboardSignals();
  return new Promise<InteractiveOutcome>((resolve) => {
    let child: ChildProcess | undefined;
    let aborted = false;
    let done = false;
    const removeExitHook = onExit({
      now: () => {
        if (child && !hasExited(child)) child.kill("SIGTERM");
      },
    });
    const onAbort = () => {
      aborted = true;
      if (child) stopChild(child, options.killAfterMs);
    };
    const finish = (outcome: InteractiveOutcome) => {
      if (done) return;
      done = true;
      signal?.removeEventListener("abort", onAbort);
      removeExitHook();
      restoreSignals();
      resolve(outcome);
    };
    const failed = (error: NodeJS.ErrnoException) =>
      finish({ exitCode: null, signal: null, ended: "failed", error: spawnError(invocation.command, error) });
    try {
      child = spawn(invocation.command, invocation.args, { env: invocation.env, stdio: "inherit" });
    } catch (error) {
      failed(error as NodeJS.ErrnoException);
      return;
    }
    signal?.addEventListener("abort", onAbort, { once: true });
    child.once("error", failed);
    child.once("exit", (exitCode, exitSignal) => {
      finish({ exitCode, signal: exitSignal, ...(aborted ? { ended: "aborted" as const } : {}) });
    });
  });
}

/**
 * Resolves with the task's status once it is no longer RUNNING (the UI then ends the session), or
 * undefined when the signal fires first. A failed describe is a blip, not a stopped task: it is
 * tried again on the next tick.
 */
export async function watchTask(
  describe: () => Promise<string>,
  everyMs: number,
  signal: AbortSignal,
): Promise<string | undefined> {
  while (await sleep(everyMs, signal)) {
    let status: string;
    try {
      status = await describe();
    } catch {
      continue;
    }
    if (signal.aborted) return undefined;
    if (status !== "RUNNING") return status;
  }
  return undefined;
}

function ignoreKeyboardSignals(): () => void {
  const ignore = () => {};
  const saved = KEYBOARD_SIGNALS.map((name) => {
    const listeners = process.listeners(name);
    process.removeAllListeners(name);
    process.on(name, ignore);
    return { name, listeners };
  });
  return () => {
    for (const { name, listeners } of saved) {
      process.removeListener(name, ignore);
      for (const listener of listeners) process.on(name, listener);
    }
  };
}

export function spawnError(command: string, error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case "ENOENT":
      return `${command} was not found; install session-manager-plugin or check PATH`;
    case "EACCES":
      return `${command} is not executable (permission denied); check its file mode`;
    default:
      return `could not start ${command}: ${error.message}`;
  }
}
