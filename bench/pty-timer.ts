// Times a command in a real pseudo-terminal: from spawn until the screen first satisfies a predicate.
import { spawn } from "@lydell/node-pty";
import xterm from "@xterm/headless";

export interface PtyRun {
  ms: number;
  screen: string;
}

export function timeToScreen(
  command: string,
  args: string[],
  done: (screen: string) => boolean,
  options: { cols?: number; rows?: number; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<PtyRun> {
  const cols = options.cols ?? 120;
  const rows = options.rows ?? 40;
  const term = new xterm.Terminal({ cols, rows, allowProposedApi: true, scrollback: 0 });
  const screen = () => {
    const lines: string[] = [];
    for (let y = 0; y < rows; y++) lines.push(term.buffer.active.getLine(y)?.translateToString(true) ?? "");
    return lines.join("\n");
  };
  const env = { ...process.env, CI: "false", TERM: "xterm-256color", ...options.env } as Record<
    string,
    string
  >;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { name: "xterm-256color", cols, rows, cwd: process.cwd(), env });
    let finished = false;
    const finish = (result: PtyRun | Error) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
      term.dispose();
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const timer = setTimeout(
      () => finish(new Error(`timed out; screen:\n${screen()}`)),
      options.timeoutMs ?? 15_000,
    );
    child.onData((data) => {
      const at = performance.now();
      term.write(data, () => {
        const text = screen();
        if (done(text)) finish({ ms: at - started, screen: text });
      });
    });
    child.onExit(() => setTimeout(() => finish(new Error(`exited early; screen:\n${screen()}`)), 50));
  });
}
