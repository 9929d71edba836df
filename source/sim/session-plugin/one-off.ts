// A one-off command (`x` in deckhand): its output between the plugin's usual first and last lines,
// and its exit status as the plugin's.
import { runCommand, type CommandContext } from "./commands.js";

export interface OneOffSession {
  sessionId: string;
  command: string;
  context: CommandContext;
  finish: (exitCode: number) => void;
}

export function runOneOff(session: OneOffSession): void {
  const output = runCommand(session.command, session.context);
  const text = output.text === "" ? "" : `${output.text}\n`;
  process.stdout.write(
    `\nStarting session with SessionId: ${session.sessionId}\n\n${text}\n\nExiting session with sessionId: ${session.sessionId}.\n\n`,
  );
  session.finish(output.exitCode);
}
