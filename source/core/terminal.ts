// Full screen on Ink 6: enter the alternate screen before the first frame and restore the terminal
// on every way out (quit, Ctrl-C, SIGTERM, SIGHUP, crash). Restoring twice is harmless. Work that
// must not outlive deckhand (port-forward plugins) registers an exit hook.

const ENTER_ALT_SCREEN = "\u001b[?1049h\u001b[2J\u001b[H";
const LEAVE_ALT_SCREEN = "\u001b[?1049l";
const SHOW_CURSOR = "\u001b[?25h";
const RESET_ATTRIBUTES = "\u001b[0m";

let active = false;
/** The stream Ink reads keys from (it may not be process.stdin): raw mode is undone on it. */
let input: NodeJS.ReadStream | undefined;

export interface ExitHook {
  /** Synchronous, for every way out, crashes included (e.g. kill child processes). */
  now?(): void;
  /** Best-effort async cleanup on quit and signals, awaited (bounded by the hook) before exiting. */
  finish?(): Promise<void>;
}

const hooks = new Set<ExitHook>();

/** Runs `hook` on the way out; returns a function that removes it. */
export function onExit(hook: ExitHook): () => void {
  hooks.add(hook);
  return () => hooks.delete(hook);
}

/** Runs every hook's synchronous part, once. */
export function runExitHooksNow(): void {
  for (const hook of [...hooks]) {
    try {
      hook.now?.();
    } catch (error) {
      process.stderr.write(`deckhand: cleanup failed: ${String(error)}\n`);
    }
  }
}

/** The synchronous part, then the async part of every hook (each bounds its own wait). */
export async function runExitHooks(): Promise<void> {
  runExitHooksNow();
  await Promise.allSettled([...hooks].map((hook) => hook.finish?.() ?? Promise.resolve()));
  hooks.clear();
}

export function setInputStream(stream: NodeJS.ReadStream | undefined): void {
  input = stream;
}

export function enterFullScreen(stdout: NodeJS.WriteStream = process.stdout): void {
  if (active) return;
  active = true;
  stdout.write(ENTER_ALT_SCREEN);
}

export function restoreTerminal(stdout: NodeJS.WriteStream = process.stdout): void {
  if (!active) return;
  active = false;
  for (const stream of new Set([input, process.stdin])) {
    if (stream?.isTTY && stream.isRaw && !stream.destroyed) stream.setRawMode(false);
  }
  stdout.write(RESET_ATTRIBUTES + LEAVE_ALT_SCREEN + SHOW_CURSOR);
}

/** Restores the terminal however the process ends; fatal errors are reported after the restore. */
export function restoreOnExit(onFatal: (error: unknown) => void): void {
  process.once("exit", () => {
    runExitHooksNow();
    restoreTerminal();
  });
  let exiting = false;
  for (const signal of ["SIGTERM", "SIGHUP", "SIGINT"] as const) {
    // `on`, not `once`: while the cleanup is awaited, Ink's signal-exit must still see a listener,
    // or it re-raises the signal and the process dies before the cleanup is done. A second signal
    // exits at once.
    process.on(signal, () => {
      const code = 128 + (signal === "SIGHUP" ? 1 : signal === "SIGINT" ? 2 : 15);
      restoreTerminal();
      if (exiting) process.exit(code);
      exiting = true;
      void runExitHooks().finally(() => process.exit(code));
    });
  }
  const fatal = (error: unknown) => {
    restoreTerminal();
    runExitHooksNow();
    onFatal(error);
    process.exit(1);
  };
  process.once("uncaughtException", fatal);
  process.once("unhandledRejection", fatal);
}
