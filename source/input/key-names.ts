// Turns what Ink 6 reports for a keypress into one key name ("j", "enter", "ctrl-r"…), the
// language of the key bindings.

/** The keys with a name rather than the character they type. */
export const NAMED_KEYS: readonly string[] = [
  "enter",
  "esc",
  "space",
  "tab",
  "backspace",
  "up",
  "down",
  "left",
  "right",
  "pgup",
  "pgdn",
  "home",
  "end",
];

export function isNamedKey(key: string): boolean {
  return NAMED_KEYS.includes(key);
}

export interface InkKey {
  upArrow: boolean;
  downArrow: boolean;
  leftArrow: boolean;
  rightArrow: boolean;
  pageDown: boolean;
  pageUp: boolean;
  home?: boolean;
  end?: boolean;
  return: boolean;
  escape: boolean;
  ctrl: boolean;
  shift: boolean;
  tab: boolean;
  backspace: boolean;
  delete: boolean;
  meta: boolean;
}

/** Normalises Ink 6's (input, key) pair into one name; Ink 6 reports Backspace as `delete`. */
export function keyName(input: string, key: InkKey): string {
  if (key.return) return "enter";
  if (key.escape) return "esc";
  if (key.upArrow) return "up";
  if (key.downArrow) return "down";
  if (key.leftArrow) return "left";
  if (key.rightArrow) return "right";
  if (key.pageDown) return "pgdn";
  if (key.pageUp) return "pgup";
  if (key.home) return "home";
  if (key.end) return "end";
  if (key.tab) return "tab";
  if (key.backspace || key.delete) return "backspace";
  if (key.ctrl && input) return `ctrl-${input.toLowerCase()}`;
  return input;
}

/**
 * Ink 6 hands a run of plain characters that arrived together (fast typing, a held key, a busy
 * moment) to useInput as one string; split it so that no keystroke is lost.
 */
export function splitKeys(input: string, key: InkKey): { name: string; input: string }[] {
  const plain = [...input];
  if (plain.length <= 1 || key.ctrl || key.meta || input.includes("\u001b")) {
    return [{ name: keyName(input, key), input }];
  }
  return plain.map((char) => CHAR_KEYS[char] ?? { name: CHAR_NAMES[char] ?? char, input: char });
}

/** Control characters that came in a batch are the ctrl keys they stand for, as Ink names them alone. */
const CHAR_KEYS: Record<string, { name: string; input: string }> = Object.fromEntries(
  Array.from({ length: 26 }, (_, i) => {
    const letter = String.fromCharCode(97 + i);
    return [String.fromCharCode(i + 1), { name: `ctrl-${letter}`, input: letter }] as const;
  }).filter(([char]) => !["\b", "\t", "\n", "\r"].includes(char)),
);

const CHAR_NAMES: Record<string, string> = {
  "\r": "enter",
  "\n": "enter",
  "\u007f": "backspace",
  "\b": "backspace",
  "\t": "tab",
  "\u0003": "ctrl-c",
};
