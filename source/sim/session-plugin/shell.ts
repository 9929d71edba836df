// An interactive shell session. Like the real plugin, it puts the terminal in raw mode and does
// the shell's part itself: echo, line editing, Ctrl-C as a key that abandons the line (never a
// reason to exit), Ctrl-D on an empty line to leave. Without a terminal it reads lines.
import { createInterface } from "node:readline";
import { runCommand, type CommandContext } from "./commands.js";

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
  const raw = stdin.isTTY === true;
  // Node's raw mode keeps output processing on, so "\n" still reaches the terminal as CR LF.
  const write = (text: string) => stdout.write(text);
  const prompt = session.context.windows ? "PS C:\\> " : "# ";
  let line = "";
  let ended = false;

  const end = () => {
    if (ended) return;
    ended = true;
    write(`\n\nExiting session with sessionId: ${session.sessionId}.\n\n`);
    if (raw) stdin.setRawMode(false);
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
  // A shell survives Ctrl-C; in raw mode it arrives as a byte, from kill(1) as a signal.
  process.on("SIGINT", interrupt);

  if (!raw) {
    const lines = createInterface({ input: stdin, terminal: false });
    lines.on("line", (text) => {
      if (!ended) run(text);
    });
    lines.on("close", end);
    return;
  }

  stdin.setRawMode(true);
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
