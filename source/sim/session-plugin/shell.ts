// An interactive shell session. Like the real plugin, it takes the terminal out of line mode and
// does the remote shell's part itself: echo, line editing, Ctrl-C abandons the line (never a reason
// to exit), Ctrl-D on an empty line or `exit` leaves. Without a terminal it reads lines.
import { createInterface } from "node:readline";
import { runCommand, type CommandContext } from "./commands.js";
import { enterPluginMode } from "./terminal-mode.js";

export interface ShellSession {
  sessionId: string;
  context: CommandContext;
  /** Called once, when the session is over. */
  finish: (exitCode: number, signal?: string) => void;
}

const CTRL_C = "\u0003";
const CTRL_D = "\u0004";
// eslint-disable-next-line no-control-regex -- arrow keys and the like arrive as escape sequences
const ESCAPE_SEQUENCE = /^\u001b(\[[0-9;?]*[ -/]*[@-~]|O.|.)/;

export function runShell(session: ShellSession): void {
  const { stdin, stdout } = process;
  const tty = stdin.isTTY === true;
  // Output processing stays on in both terminal modes, so "\n" still reaches the screen as CR LF.
  const write = (text: string) => stdout.write(text);
  // Before the first prompt: keys typed from then on must not be echoed by the terminal as well.
  const restoreTerminal = tty ? enterPluginMode(stdin) : () => {};
  // Killed (main.ts exits on SIGTERM): the terminal goes back first.
  process.prependListener("SIGTERM", restoreTerminal);
  const prompt = session.context.windows ? "PS C:\\> " : "# ";
  let line = "";
  let ended = false;

  const end = () => {
    if (ended) return;
    ended = true;
    write(`\n\nExiting session with sessionId: ${session.sessionId}.\n\n`);
    restoreTerminal();
    stdin.pause();
    session.finish(0);
  };
  const run = (command: string) => {
    const trimmed = command.trim();
    if (trimmed === "exit" || trimmed.startsWith("exit ")) return end();
    const output = runCommand(trimmed, session.context);
    if (output.text !== "") write(`${output.text}\n`);
    write(prompt);
  };
  const interrupt = () => {
    line = "";
    write(`^C\n${prompt}`);
  };

  write(`\nStarting session with SessionId: ${session.sessionId}\n\n`);
  write(prompt);
  // A shell survives Ctrl-C, whether it comes as a signal (the terminal's, or kill(1)) or as a
  // byte (raw mode); the real plugin forwards Ctrl-\ and Ctrl-Z to the container, so they do
  // nothing here.
  process.on("SIGINT", interrupt);
  process.on("SIGQUIT", () => {});
  if (process.platform !== "win32") process.on("SIGTSTP", () => {});

  if (!tty) {
    const lines = createInterface({ input: stdin, terminal: false });
    lines.on("line", (text) => {
      if (!ended) run(text);
    });
    lines.on("close", end);
    return;
  }

  stdin.setEncoding("utf8");
  stdin.on("data", (chunk: string) => {
    let rest = chunk;
    while (rest !== "" && !ended) {
      const escape = ESCAPE_SEQUENCE.exec(rest);
      if (escape) {
        rest = rest.slice(escape[0].length);
        continue;
      }
      const char = rest[0] ?? "";
      rest = rest.slice(1);
      if (char === "\r" || char === "\n") {
        write("\n");
        const command = line;
        line = "";
        run(command);
      } else if (char === CTRL_C) {
        interrupt();
      } else if (char === CTRL_D) {
        if (line === "") end();
      } else if (char === "\u007f" || char === "\b") {
        if (line !== "") {
          line = line.slice(0, -1);
          write("\b \b");
        }
      } else if (char >= " ") {
        line += char;
        write(char);
      }
    }
  });
  stdin.on("end", end);
}
