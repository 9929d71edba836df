// The one line editor every prompt uses (`/`, `:`, `&`, the log pane's and the description's
// search, the history window, every dialog field): text and a cursor, edited with the readline
// keys. Pure: each prompt keeps its line in its own state and hands it here with each key; enter,
// esc and what up/down mean stay the prompt's own.
import { Keymap, type Binding } from "./binding.js";
import { isNamedKey } from "./key-names.js";

export interface TextLine {
  text: string;
  /** Where the next character goes, in characters (code points) from the start. */
  cursor: number;
}

export type LineAction =
  | "left"
  | "right"
  | "start"
  | "end"
  | "deleteBefore"
  | "deleteAt"
  | "deleteToStart"
  | "deleteToEnd"
  | "deleteWord"
  | "older"
  | "newer";

/** The prompts' keys: the editor dispatches on them; help and the README list them. */
export const LINE_KEYMAP = new Keymap<Binding<LineAction>>([
  { action: "left", keys: ["left"], description: "Cursor left", hint: false },
  {
    action: "right",
    keys: ["right"],
    description: "Cursor right (at the end of a `:` line: complete)",
    hint: false,
  },
  { action: "start", keys: ["home", "ctrl-a"], description: "Start of the line", hint: false },
  { action: "end", keys: ["end", "ctrl-e"], description: "End of the line", hint: false },
  {
    action: "deleteBefore",
    keys: ["backspace"],
    description: "Delete the character before the cursor",
    hint: false,
  },
  { action: "deleteAt", keys: ["ctrl-d"], description: "Delete the character under the cursor", hint: false },
  { action: "deleteToStart", keys: ["ctrl-u"], description: "Delete to the start of the line", hint: false },
  { action: "deleteToEnd", keys: ["ctrl-k"], description: "Delete to the end of the line", hint: false },
  { action: "deleteWord", keys: ["ctrl-w"], description: "Delete the word before the cursor", hint: false },
  { action: "older", keys: ["up"], description: "Older command (`:` history)", hint: false },
  {
    action: "newer",
    keys: ["down"],
    description: "Newer command, then the draft (`:` history)",
    hint: false,
  },
]);

/** A line holding `text`, the cursor after its last character. */
export function lineOf(text: string): TextLine {
  return { text, cursor: [...text].length };
}

/* eslint-disable no-control-regex -- dropping control characters is the point here */
const ESCAPE_SEQUENCE =
  /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|.?)|\u009b[0-?]*[ -/]*[@-~]/g;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
/* eslint-enable no-control-regex */

/**
 * The text a key types: its characters for a plain key or a paste, without escape sequences and
 * control characters, which would act on the terminal when the text is drawn. Undefined when it
 * types nothing (a named key, a ctrl key, nothing printable).
 */
export function typedText(key: string, input: string): string | undefined {
  if (key === "space") return " ";
  if (key.startsWith("ctrl-") || isNamedKey(key)) return undefined;
  const text = input.replace(ESCAPE_SEQUENCE, "").replace(CONTROL, "");
  return text === "" ? undefined : text;
}

/**
 * The line after an editing key, or undefined when the key does not edit (enter, esc, tab,
 * up/down, other ctrl keys: the prompt's own). A key with nothing to do (backspace at the
 * start) gives the line back unchanged.
 */
export function editLine(line: TextLine, key: string, input: string): TextLine | undefined {
  const chars = [...line.text];
  const at = Math.max(0, Math.min(line.cursor, chars.length));
  const before = chars.slice(0, at).join("");
  const after = chars.slice(at).join("");
  const joined = (head: string, tail: string): TextLine => ({ text: head + tail, cursor: [...head].length });
  const action = LINE_KEYMAP.actionOf(key);
  switch (action) {
    case "left":
      return { text: line.text, cursor: Math.max(0, at - 1) };
    case "right":
      return { text: line.text, cursor: Math.min(chars.length, at + 1) };
    case "start":
      return { text: line.text, cursor: 0 };
    case "end":
      return { text: line.text, cursor: chars.length };
    case "deleteBefore":
      return joined(chars.slice(0, Math.max(0, at - 1)).join(""), after);
    case "deleteAt":
      return joined(before, chars.slice(at + 1).join(""));
    case "deleteToStart":
      return joined("", after);
    case "deleteToEnd":
      return joined(before, "");
    case "deleteWord":
      return joined(before.replace(/\S*\s*$/, ""), after);
    case "older":
    case "newer":
      return undefined;
  }
  const text = typedText(key, input);
  return text === undefined ? undefined : joined(before + text, after);
}

/** A prompt's history: entries, most recent first, and where `older`/`newer` have got to. */
export interface LineHistory {
  history: readonly string[];
  /** The entry shown while walking the history; -1 while editing the draft. */
  index: number;
  /** The draft as it was before walking the history, given back past the newest entry. */
  saved: string;
}

/**
 * Where `up` (older) or `down` (newer, then the draft) goes in a history: the entry's index and
 * the text to show. Undefined for other keys, and at either end.
 */
export function walkHistory(walk: LineHistory, key: string): { index: number; text: string } | undefined {
  const action = LINE_KEYMAP.actionOf(key);
  if (action === "older") {
    const index = Math.min(walk.index + 1, walk.history.length - 1);
    if (index < 0 || index === walk.index) return undefined;
    return { index, text: walk.history[index]! };
  }
  if (action === "newer" && walk.index >= 0) {
    const index = walk.index - 1;
    return { index, text: index < 0 ? walk.saved : walk.history[index]! };
  }
  return undefined;
}
