// The log pane's keys, as data: which key asks for what while the pane is open.
import { Keymap, type Binding } from "../../input/binding.js";

export type PaneAction =
  | "close"
  | "help"
  | "fullscreen"
  | "pause"
  | "down"
  | "up"
  | "pageDown"
  | "pageUp"
  | "first"
  | "follow"
  | "search"
  | "filter"
  | "nextMatch"
  | "previousMatch"
  | "wrap"
  | "timestamps"
  | "json"
  | "history"
  | "left"
  | "right"
  | "column0"
  | "save"
  | "copy";

/** The log pane's keys: its reducer (log-pane.ts), the header hints, help and the README read them. */
export const PANE_KEYMAP = new Keymap<Binding<PaneAction>>([
  {
    action: "close",
    keys: ["esc", "q"],
    description: "Close (esc clears a search or filter first)",
    hint: true,
  },
  { action: "pause", keys: ["space"], description: "Pause / follow", hint: true },
  { action: "search", keys: ["/"], description: "Search", hint: true },
  { action: "nextMatch", keys: ["n"], description: "Next match", hint: false },
  { action: "previousMatch", keys: ["N"], description: "Previous match", hint: false },
  { action: "filter", keys: ["&"], description: "Show only matching lines", hint: true },
  {
    action: "history",
    keys: ["H"],
    description: "History window: 1m, 5m, 15m, 1h, then type one",
    hint: true,
  },
  { action: "fullscreen", keys: ["f"], description: "Full screen", hint: true },
  { action: "wrap", keys: ["w"], description: "Wrap", hint: true },
  { action: "help", keys: ["?"], description: "Help", hint: true },
  { action: "timestamps", keys: ["t"], description: "Timestamps: local, UTC, relative, off", hint: false },
  {
    action: "json",
    keys: ["J"],
    description: "Pretty JSON: the current line (all when following)",
    hint: false,
  },
  { action: "down", keys: ["j", "down"], description: "Next line (past the newest: follow)", hint: false },
  {
    action: "up",
    keys: ["k", "up"],
    description: "Previous line (near the oldest: load older)",
    hint: false,
  },
  { action: "pageDown", keys: ["pgdn", "ctrl-f"], description: "Page down", hint: false },
  { action: "pageUp", keys: ["pgup", "ctrl-b"], description: "Page up", hint: false },
  { action: "first", keys: ["g", "home"], description: "Oldest line", hint: false },
  { action: "follow", keys: ["G", "end"], description: "Newest line, follow", hint: false },
  { action: "left", keys: ["h", "left"], description: "Scroll left", hint: false },
  { action: "right", keys: ["l", "right"], description: "Scroll right", hint: false },
  { action: "column0", keys: ["0"], description: "Scroll to column 0", hint: false },
  { action: "save", keys: ["ctrl-s"], description: "Save the lines to a file", hint: true },
  { action: "copy", keys: ["c"], description: "Copy the current line", hint: false },
]);
