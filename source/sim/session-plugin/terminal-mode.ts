// The terminal mode the real plugin sets for a shell: `stty cbreak -echo`. Keys arrive one by one
// and unechoed, but Ctrl-C, Ctrl-\ and Ctrl-Z still make the terminal signal the whole foreground
// process group, so whoever started the plugin (deckhand) receives them too and must ignore them.
// Where stty is missing (Windows), Node's raw mode stands in and those keys arrive as bytes.
import { spawnSync } from "node:child_process";

/** Puts the terminal on stdin in the plugin's mode; returns how to put it back. */
export function enterPluginMode(stdin: NodeJS.ReadStream): () => void {
  const saved = stty(["-g"]);
  if (saved !== undefined && stty(["-icanon", "-echo", "min", "1", "time", "0"]) !== undefined) {
    return () => void stty([saved.trim()]);
  }
  stdin.setRawMode(true);
  return () => stdin.setRawMode(false);
}

function stty(args: string[]): string | undefined {
  const result = spawnSync("stty", args, { stdio: ["inherit", "pipe", "ignore"], encoding: "utf8" });
  return result.status === 0 ? result.stdout : undefined;
}
