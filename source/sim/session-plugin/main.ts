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
import { decodeSessionToken } from "../session-token.js";

const INSTALLED =
  "\nThe Session Manager plugin was installed successfully. Use the AWS CLI to start a session.\n\n";
const VERSION = "1.2.707.0";
const POSIX_SHELLS = new Set(["sh", "bash", "ash", "zsh"]);
const WINDOWS_SHELLS = new Set(["powershell.exe", "powershell", "pwsh", "pwsh.exe", "cmd.exe"]);

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
  const token = decodeSessionToken(session.tokenValue);
  if (!token) return refuse("this is not a simulated session");

  const target = parseTarget(session.target || token.target);
  if (token.kind === "port") {
    // The real plugin learns the ports from the agent's handshake; here they come from the request.
    const parameter = (name: string) => session.parameters[name]?.[0] ?? token.parameters?.[name]?.[0];
    const port = (name: string) => {
      const value = Number(parameter(name));
      return Number.isInteger(value) && value >= 0 && value <= 65535 ? value : undefined;
    };
    const remotePort = port("portNumber");
    if (remotePort === undefined) return refuse("the session has no portNumber");
    return runPortForward({
      sessionId: session.sessionId,
      localPort: port("localPortNumber") ?? 0,
      remotePort,
      remoteName: parameter("host") ?? `task ${target.taskId}`,
      finish,
    });
  }

  const command = token.command ?? "/bin/sh";
  const words = command.trim().split(/\s+/);
  const program = basename(words[0] ?? "").toLowerCase();
  const context = { ...target, windows: token.os === "windows" };
  process.on("SIGTERM", () => finish(143, "SIGTERM"));
  const shell = context.windows ? WINDOWS_SHELLS.has(program) : POSIX_SHELLS.has(program);
  if (shell && words.length === 1) return runShell({ sessionId: session.sessionId, context, finish });
  runOneOff({ sessionId: session.sessionId, command, context, finish });
}
