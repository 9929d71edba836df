// Ending a plugin process: SIGTERM lets the real plugin close its session cleanly; a plugin that
// ignores it for too long is killed.
import type { ChildProcess } from "node:child_process";

export const KILL_AFTER_MS = 2000;

/** Sends SIGTERM now and SIGKILL after `killAfterMs` unless the child has exited by then. */
export function stopChild(child: ChildProcess, killAfterMs = KILL_AFTER_MS): void {
  if (hasExited(child)) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => {
    if (!hasExited(child)) child.kill("SIGKILL");
  }, killAfterMs);
  timer.unref();
  child.once("exit", () => clearTimeout(timer));
}

export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}
