// What the help screen lists, in its three columns: moving around the tables, the `:` commands
// (from the command table), the actions and sort keys of the view it was opened from, the
// description and the log pane. The dispatcher scrolls by the same line count.
import { commandHints } from "../features/commands/commands.js";
import { DESCRIBE_BINDINGS } from "../features/describe/describe.js";
import { PANE_BINDINGS } from "../features/logs/log-pane.js";
import type { AnyKind } from "../kinds/registry.js";
import {
  appliesTo,
  BINDINGS,
  bindingOf,
  type ActionId,
  type Binding,
  type KeyHint,
} from "../input/keymap.js";
import { sortHints } from "../input/sort-bindings.js";

export interface HelpSection {
  title: string;
  bindings: readonly KeyHint[];
  /** Commands are typed, not pressed: shown as `:services :svc` rather than `<s>`. */
  typed?: boolean;
}

/**
 * Whether a binding does something in views of this kind: `enter` only where rows open a view,
 * `l` only where they have logs. The header's hints and help follow it.
 */
export function offeredIn(binding: Binding, kind: AnyKind): boolean {
  if (binding.action === "drill") return Boolean(kind.drill);
  if (binding.action === "logs") return Boolean(kind.logs);
  return appliesTo(binding, kind.id);
}

export function helpColumns(kind: AnyKind): HelpSection[][] {
  // Unbound in the config file: nothing to press.
  const bound = BINDINGS.filter((binding) => binding.keys.length > 0);
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
      { title: "describe", bindings: DESCRIBE_BINDINGS },
    ],
    [{ title: "log pane", bindings: PANE_BINDINGS }],
  ];
  return columns.map((sections) => sections.filter((section) => section.bindings.length > 0));
}

/** Rows a column takes: a title per section, its bindings, and a blank row between sections. */
export function columnLineCount(sections: readonly HelpSection[]): number {
  return sections.reduce((sum, section, index) => sum + (index > 0 ? 1 : 0) + 1 + section.bindings.length, 0);
}

/** "j/k pgdn/pgup": the first key of each move that scrolls help, as remapped (unbound ones left out). */
export function helpScrollKeys(): string {
  const first = (action: ActionId) => bindingOf(action).keys[0];
  return [
    [first("down"), first("up")],
    [first("pageDown"), first("pageUp")],
  ]
    .map((pair) => pair.filter(Boolean).join("/"))
    .filter(Boolean)
    .join(" ");
}

/** Rows the tallest column takes: how far help can scroll. */
export function helpLineCount(kind: AnyKind): number {
  return Math.max(...helpColumns(kind).map(columnLineCount));
}
