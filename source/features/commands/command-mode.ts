// The `:` command line as a pure state machine: typing (the line editor's keys), the ghost
// completion (`tab`, or `right` at the end of the line, takes it), the session's history (`up`
// older, `down` newer, back to the draft), `enter`, `esc`.
import { editLine, lineOf, walkHistory, type LineHistory } from "../../input/line-editor.js";
import { completeCommand } from "./commands.js";

/** As many commands as k9s keeps. */
export const HISTORY_SIZE = 20;

export interface CommandLine extends LineHistory {
  draft: string;
  /** Where the cursor is in the draft (line-editor.ts). */
  cursor: number;
  /** Commands run this session, most recent first. */
  history: readonly string[];
}

export const EMPTY_COMMAND_LINE: CommandLine = { draft: "", cursor: 0, history: [], index: -1, saved: "" };

export interface CommandStep {
  line: CommandLine;
  /** Set when the line is done: the text to run (`enter`), or undefined when cancelled. */
  done?: { run?: string };
}

/** A fresh line that remembers the history. */
export function openCommandLine(line: CommandLine): CommandLine {
  return { ...EMPTY_COMMAND_LINE, history: line.history };
}

const atEnd = (line: CommandLine) => line.cursor >= [...line.draft].length;

/**
 * What is shown dimmed after the draft: the rest of the best command name, or with an empty draft
 * the last command run (as k9s does). Only the first word completes, and only with the cursor at
 * the end of the line.
 */
export function ghostText(line: CommandLine): string {
  if (line.index >= 0 || !atEnd(line)) return "";
  if (!line.draft) return line.history[0] ?? "";
  if (/\s/.test(line.draft)) return "";
  const completion = completeCommand(line.draft);
  return completion ? completion.slice(line.draft.length) : "";
}

/** The line after an edit: what was typed is the draft again, whatever history entry it started from. */
function typed(line: CommandLine, draft: string, cursor: number): CommandLine {
  return { ...line, draft, cursor, index: -1, saved: draft };
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
      return { line: completed(line) };
    case "right":
      if (atEnd(line)) return { line: completed(line) };
  }
  const walked = walkHistory(line, key);
  if (walked) {
    return { line: { ...line, draft: walked.text, cursor: lineOf(walked.text).cursor, index: walked.index } };
  }
  const edited = editLine({ text: line.draft, cursor: line.cursor }, key, input);
  if (!edited || (edited.text === line.draft && edited.cursor === line.cursor)) return { line };
  // Moving the cursor is no edit: a history entry being looked at stays one.
  if (edited.text === line.draft) return { line: { ...line, cursor: edited.cursor } };
  return { line: typed(line, edited.text, edited.cursor) };
}

/** The ghost completion taken, the cursor at the end. */
function completed(line: CommandLine): CommandLine {
  const draft = line.draft + ghostText(line);
  return typed(line, draft, [...draft].length);
}

/** The history with `text` as its most recent entry (moved there if it was already in it). */
export function remember(line: CommandLine, text: string): CommandLine {
  const history = [text, ...line.history.filter((entry) => entry !== text)].slice(0, HISTORY_SIZE);
  return { ...line, history };
}
