// The simulated session-manager-plugin (dist/sim-session-plugin.js). It takes the real plugin's
// arguments and environment and plays the agent's side of the session from the simulator's
// readable token, so demo mode and the tests run deckhand's real exec and port-forward paths.
import { basename } from "node:path";
import { parseArguments } from "./arguments.js";
import { parseTarget } from "./commands.js";
import { runOneOff } from "./one-off.js";
import { runPortForward } from "./port.js";
import { recorder } from "./record.js";
import { runShell } from "./shell.js";
import { decodeSimToken } from "./token.js";

const INSTALLED =
  "\nThe Session Manager plugin was installed successfully. Use the AWS CLI to start a session.\n\n";
const VERSION = "1.2.707.0";
const SHELLS = new Set(["sh", "bash", "ash", "zsh", "powershell.exe", "powershell", "pwsh", "cmd.exe"]);

const argv = process.argv.slice(2);
if (argv.length === 0) {
  process.stdout.write(INSTALLED);
} else if (argv.length === 1 && argv[0] === "--version") {
  process.stdout.write(`${VERSION}\n`);
} else {
  main(argv);
}

function main(args: string[]): void {
  const record = recorder(process.env.DECKHAND_PLUGIN_RECORD);
  record.start(args, process.env);
  let finished = false;
  const finish = (exitCode: number, signal?: string) => {
    if (finished) return;
    finished = true;
    record.end(exitCode, signal);
    // Let what was written reach a pipe before the process goes.
    process.stdout.write("", () => process.exit(exitCode));
  };
  const refuse = (message: string) => {
    process.stderr.write(`session-manager-plugin (deckhand simulator): ${message}\n`);
    finish(1);
  };

  const parsed = parseArguments(args, process.env);
  if (!parsed.ok) return refuse(parsed.message);
  const session = parsed.value;
  const token = decodeSimToken(session.tokenValue);
  if (!token) return refuse("this is not a simulated session");

  const target = parseTarget(session.target || token.target);
  if (token.kind === "port") {
    const number = (name: string, fallback: number | undefined) => {
      const value = Number(session.parameters[name]?.[0] ?? fallback);
      return Number.isInteger(value) && value >= 0 && value <= 65535 ? value : undefined;
    };
    const remotePort = number("portNumber", token.portNumber);
    const localPort = number("localPortNumber", token.localPortNumber) ?? 0;
    if (remotePort === undefined) return refuse("the session has no portNumber");
    const host = session.parameters.host?.[0] ?? token.host;
    return runPortForward({
      sessionId: session.sessionId,
      localPort,
      remotePort,
      remoteName: host ?? token.container ?? `task ${target.taskId}`,
      finish,
    });
  }

  const command = token.command ?? "/bin/sh";
  const program = basename(command.trim().split(/\s+/)[0] ?? "").toLowerCase();
  const windows = program.startsWith("powershell") || program === "pwsh" || program === "cmd.exe";
  const context = { ...target, windows };
  process.on("SIGTERM", () => finish(143, "SIGTERM"));
  if (SHELLS.has(program) && command.trim().split(/\s+/).length === 1) {
    return runShell({ sessionId: session.sessionId, context, finish });
  }
  runOneOff({ sessionId: session.sessionId, command, context, finish });
}
