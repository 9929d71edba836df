// The `:` command line as a pure state machine: typing, the ghost completion (`tab` or `right`
// takes it), the session's history (`up` older, `down` newer, back to the draft), `enter`, `esc`.
import { completeCommand } from "./commands.js";

/** As many commands as k9s keeps. */
export const HISTORY_SIZE = 20;

export interface CommandLine {
  draft: string;
  /** Commands run this session, most recent first. */
  history: readonly string[];
  /** The history entry shown while walking it; -1 while editing the draft. */
  index: number;
  /** The draft as it was before walking the history, given back by `down`. */
  saved: string;
}

export const EMPTY_COMMAND_LINE: CommandLine = { draft: "", history: [], index: -1, saved: "" };

export interface CommandStep {
  line: CommandLine;
  /** Set when the line is done: the text to run (`enter`), or undefined when cancelled. */
  done?: { run?: string };
}

/** A fresh line that remembers the history. */
export function openCommandLine(line: CommandLine): CommandLine {
  return { ...EMPTY_COMMAND_LINE, history: line.history };
}

/**
 * What is shown dimmed after the draft: the rest of the best command name, or with an empty draft
 * the last command run (as k9s does). Only the first word completes.
 */
export function ghostText(line: CommandLine): string {
  if (line.index >= 0) return "";
  if (!line.draft) return line.history[0] ?? "";
  if (/\s/.test(line.draft)) return "";
  const completion = completeCommand(line.draft);
  return completion ? completion.slice(line.draft.length) : "";
}

function typed(line: CommandLine, draft: string): CommandLine {
  return { ...line, draft, index: -1, saved: draft };
}

export function commandLineKey(line: CommandLine, key: string, input: string): CommandStep {
  switch (key) {
    case "enter": {
      const text = line.draft.trim();
      return { line, done: { run: text || undefined } };
    }
    case "esc":
      return { line, done: {} };
    case "tab":
    case "right":
      return { line: typed(line, line.draft + ghostText(line)) };
    case "up": {
      const index = Math.min(line.index + 1, line.history.length - 1);
      if (index < 0 || index === line.index) return { line };
      return { line: { ...line, index, draft: line.history[index]! } };
    }
    case "down": {
      if (line.index < 0) return { line };
      const index = line.index - 1;
      return { line: { ...line, index, draft: index < 0 ? line.saved : line.history[index]! } };
    }
    case "backspace":
      return { line: typed(line, line.draft.slice(0, -1)) };
    case "ctrl-u":
      return { line: typed(line, "") };
    case "ctrl-w":
      return { line: typed(line, line.draft.replace(/\S*\s*$/, "")) };
  }
  if (input && !key.startsWith("ctrl-") && key.length === input.length) {
    return { line: typed(line, line.draft + input) };
  }
  return { line };
}

/** The history with `text` as its most recent entry (moved there if it was already in it). */
export function remember(line: CommandLine, text: string): CommandLine {
  const history = [text, ...line.history.filter((entry) => entry !== text)].slice(0, HISTORY_SIZE);
  return { ...line, history };
}
