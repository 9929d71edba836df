// A program in a pseudo-terminal whose output feeds a headless xterm: the screen a person would
// see. Shared by the pty tests, the benchmarks and the screenshot script.
import { spawn, type IPty } from "@lydell/node-pty";
import xterm from "@xterm/headless";

export interface PtyTerminal {
  term: xterm.Terminal;
  child: IPty;
  /** The visible viewport, one line per row, each trimmed on the right. */
  screen: () => string;
}

export interface PtyOptions {
  cols: number;
  rows: number;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Sees every chunk of output, and the time it arrived, before the terminal parses it. */
  onData?: (data: string, at: number) => void;
}

/**
 * The environment of a person's terminal: no CI variables (Ink then paints only its last frame,
 * and chalk drops colours), TERM set, no stray COLUMNS/LINES overriding the pty's size.
 */
export function terminalEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const merged: Record<string, string | undefined> = {
    ...process.env,
    TERM: "xterm-256color",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    COLUMNS: undefined,
    LINES: undefined,
    ...extra,
  };
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(merged)) {
    const ci = key === "CI" || key === "CONTINUOUS_INTEGRATION" || key.startsWith("CI_");
    if (value !== undefined && !(ci && !(key in extra))) env[key] = value;
  }
  return env;
}

export function openPtyTerminal(command: string, args: string[], options: PtyOptions): PtyTerminal {
  const { cols, rows } = options;
  const term = new xterm.Terminal({ cols, rows, allowProposedApi: true, scrollback: 0 });
  const child = spawn(command, args, {
    name: "xterm-256color",
    cols,
    rows,
    cwd: options.cwd,
    env: terminalEnv(options.env),
  });
  child.onData((data) => {
    options.onData?.(data, performance.now());
    term.write(data);
  });
  const screen = () => {
    const buffer = term.buffer.active;
    const lines: string[] = [];
    for (let y = 0; y < term.rows; y += 1) {
      lines.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? "");
    }
    return lines.join("\n");
  };
  return { term, child, screen };
}
