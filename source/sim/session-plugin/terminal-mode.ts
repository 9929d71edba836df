// The terminal mode the real plugin sets for a shell: `stty cbreak -echo`. Keys arrive one by one
// and unechoed, but Ctrl-C, Ctrl-\ and Ctrl-Z still make the terminal signal the whole foreground
// process group, so whoever started the plugin (deckhand) receives them too and must ignore them.
// Where stty is missing (Windows), Node's raw mode stands in and those keys arrive as bytes.
import { restoreTerminalMode, saveTerminalMode, stty } from "../../core/terminal-mode.js";

/** Puts the terminal on stdin in the plugin's mode; returns how to put it back. */
export function enterPluginMode(stdin: NodeJS.ReadStream): () => void {
  const saved = saveTerminalMode();
  if (saved !== undefined && stty(["-icanon", "-echo", "min", "1", "time", "0"]) !== undefined) {
    return () => restoreTerminalMode(saved);
  }
  stdin.setRawMode(true);
  return () => stdin.setRawMode(false);
}
