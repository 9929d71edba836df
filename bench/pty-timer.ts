// Times a command in a real pseudo-terminal: from spawn until the screen first satisfies a predicate.
import { openPtyTerminal } from "../test/helpers/pty-terminal.js";

export interface PtyRun {
  ms: number;
  screen: string;
}

export function timeToScreen(
  command: string,
  args: string[],
  done: (screen: string) => boolean,
  options: { env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<PtyRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let finished = false;
    const pty = openPtyTerminal(command, args, {
      cols: 120,
      rows: 40,
      cwd: process.cwd(),
      env: options.env ?? {},
      // Check once the terminal has parsed this chunk; the time is when the chunk arrived.
      onData: (_data, at) =>
        setImmediate(() =>
          pty.term.write("", () => {
            if (!finished && done(pty.screen())) finish({ ms: at - started, screen: pty.screen() });
          }),
        ),
    });
    const timer = setTimeout(
      () => finish(new Error(`timed out; screen:\n${pty.screen()}`)),
      options.timeoutMs ?? 15_000,
    );
    pty.child.onExit(() => setTimeout(() => finish(new Error(`exited early; screen:\n${pty.screen()}`)), 50));

    function finish(result: PtyRun | Error): void {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      try {
        process.kill(-pty.child.pid, "SIGKILL");
      } catch {
        // already gone
      }
      pty.term.dispose();
      if (result instanceof Error) reject(result);
      else resolve(result);
    }
  });
}
