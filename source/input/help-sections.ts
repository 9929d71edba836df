// What the help screen lists, in its three columns: moving around the tables, the `:` commands
// (from the command table), the actions and sort keys of the view it was opened from, the
// description and the log pane. The dispatcher scrolls by the same line count.
import { commandHints } from "../features/commands/commands.js";
import { DESCRIBE_KEYMAP } from "../features/describe/describe-keys.js";
import { PANE_KEYMAP } from "../features/logs/log-pane-keys.js";
import type { AnyKind } from "../kinds/registry.js";
import type { KeyHint } from "./binding.js";
import { sortHints } from "./sort-bindings.js";
import { offeredIn, type ActionId, type TableKeymap } from "./table-keys.js";

export interface HelpSection {
  title: string;
  bindings: readonly KeyHint[];
  /** Commands are typed, not pressed: shown as `:services :svc` rather than `<s>`. */
  typed?: boolean;
}

/** The columns of help opened from a view of this kind, with the session's table keys. */
export function helpColumns(kind: AnyKind, keymap: TableKeymap): HelpSection[][] {
  // Unbound in the config file: nothing to press.
  const bound = keymap.bindings.filter((binding) => binding.keys.length > 0);
  const columns: HelpSection[][] = [
    [
      { title: "tables", bindings: bound.filter((binding) => !binding.kinds && offeredIn(binding, kind)) },
      { title: "commands", bindings: commandHints(), typed: true },
    ],
    [
      // Like k9s, the actions of the view help was opened from; a key pressed elsewhere says where it works.
      {
        title: `${kind.id} actions`,
        bindings: bound.filter((binding) => binding.kinds?.includes(kind.id) && binding.action !== "sort"),
      },
      { title: `sort ${kind.id} (again: reverse)`, bindings: sortHints(kind) },
      { title: "describe", bindings: DESCRIBE_KEYMAP.bindings },
    ],
    [{ title: "log pane", bindings: PANE_KEYMAP.bindings }],
  ];
  return columns.map((sections) => sections.filter((section) => section.bindings.length > 0));
}

/** Rows a column takes: a title per section, its bindings, and a blank row between sections. */
export function columnLineCount(sections: readonly HelpSection[]): number {
  return sections.reduce((sum, section, index) => sum + (index > 0 ? 1 : 0) + 1 + section.bindings.length, 0);
}

/** "j/k pgdn/pgup": the first key of each move that scrolls help, as remapped (unbound ones left out). */
export function helpScrollKeys(keymap: TableKeymap): string {
  const first = (action: ActionId) => keymap.bindingOf(action)?.keys[0];
  return [
    [first("down"), first("up")],
    [first("pageDown"), first("pageUp")],
  ]
    .map((pair) => pair.filter(Boolean).join("/"))
    .filter(Boolean)
    .join(" ");
}

/** Rows the tallest column takes: how far help can scroll. */
export function helpLineCount(kind: AnyKind, keymap: TableKeymap): number {
  return Math.max(...helpColumns(kind, keymap).map(columnLineCount));
}
