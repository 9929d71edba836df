// Where deckhand keeps what it writes for the user (the action log, saved logs, the last account):
// $XDG_STATE_HOME/deckhand, or ~/.local/state/deckhand.
import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";

export function stateDirectory(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  // The XDG spec says to ignore a relative path.
  const state =
    env.XDG_STATE_HOME && isAbsolute(env.XDG_STATE_HOME) ? env.XDG_STATE_HOME : join(home, ".local", "state");
  return join(state, "deckhand");
}
