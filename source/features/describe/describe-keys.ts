// The keys of a description (`d`, `=`), as data: which key asks for what while it is open.
import { Keymap, type Binding } from "../../input/binding.js";

export type DescribeAction =
  | "close"
  | "search"
  | "nextMatch"
  | "previousMatch"
  | "copy"
  | "down"
  | "up"
  | "pageDown"
  | "pageUp"
  | "first"
  | "last";

/** The description's keys: its reducer (describe.ts), its hint line, help and the README read them. */
export const DESCRIBE_KEYMAP = new Keymap<Binding<DescribeAction>>([
  { action: "close", keys: ["esc", "q"], description: "Back", hint: true },
  { action: "search", keys: ["/"], description: "Search", hint: true },
  { action: "nextMatch", keys: ["n"], description: "Next match", hint: true },
  { action: "previousMatch", keys: ["N"], description: "Previous match", hint: true },
  { action: "copy", keys: ["c"], description: "Copy the JSON", hint: true },
  { action: "down", keys: ["j", "down"], description: "Scroll down", hint: false },
  { action: "up", keys: ["k", "up"], description: "Scroll up", hint: false },
  { action: "pageDown", keys: ["pgdn", "ctrl-f"], description: "Page down", hint: false },
  { action: "pageUp", keys: ["pgup", "ctrl-b"], description: "Page up", hint: false },
  { action: "first", keys: ["g", "home"], description: "Top", hint: false },
  { action: "last", keys: ["G", "end"], description: "Bottom", hint: false },
]);
