// Full screen on Ink 6: enter the alternate screen before the first frame and restore the terminal
// on every way out (quit, Ctrl-C, SIGTERM, SIGHUP, crash). Restoring twice is harmless.

const ENTER_ALT_SCREEN = "\u001b[?1049h\u001b[2J\u001b[H";
const LEAVE_ALT_SCREEN = "\u001b[?1049l";
const SHOW_CURSOR = "\u001b[?25h";
const RESET_ATTRIBUTES = "\u001b[0m";

let active = false;

export function enterFullScreen(stdout: NodeJS.WriteStream = process.stdout): void {
  if (active) return;
  active = true;
  stdout.write(ENTER_ALT_SCREEN);
}

export function restoreTerminal(stdout: NodeJS.WriteStream = process.stdout): void {
  if (!active) return;
  active = false;
  if (process.stdin.isTTY && process.stdin.isRaw) process.stdin.setRawMode(false);
  stdout.write(RESET_ATTRIBUTES + LEAVE_ALT_SCREEN + SHOW_CURSOR);
}

/** Restores the terminal however the process ends; fatal errors are reported after the restore. */
export function restoreOnExit(onFatal: (error: unknown) => void): void {
  process.once("exit", () => restoreTerminal());
  for (const signal of ["SIGTERM", "SIGHUP", "SIGINT"] as const) {
    process.once(signal, () => {
      restoreTerminal();
      process.exit(128 + (signal === "SIGHUP" ? 1 : signal === "SIGINT" ? 2 : 15));
    });
  }
  const fatal = (error: unknown) => {
    restoreTerminal();
    onFatal(error);
    process.exit(1);
  };
  process.once("uncaughtException", fatal);
  process.once("unhandledRejection", fatal);
}
