// The config file's "keys": an action's keys replaced ("shell": ["S"]) or removed ("toggleExec": []).
// Checked when the file is read, so that a typo stops start-up with the offending entry named
// instead of leaving a key that silently does nothing or two actions on one key. The session
// then builds its keymap with TABLE_KEYMAP.withKeys(overrides).
import type { KindId } from "../kinds/types.js";
import { isNamedKey, NAMED_KEYS } from "./key-names.js";
import type { ActionId, TableBinding } from "./table-keys.js";

export type KeyOverrides = Partial<Record<ActionId, string[]>>;

/** Without these there is no way out of a view or of deckhand. */
const NEVER_UNBOUND: readonly ActionId[] = ["quit", "back"];

export function isKeyName(key: string): boolean {
  return isNamedKey(key) || /^ctrl-[a-z]$/.test(key) || /^[!-~]$/u.test(key);
}

/** What is wrong with `overrides` on top of `bindings`, or undefined when they can be applied. */
export function keyOverridesProblem(
  bindings: readonly TableBinding[],
  overrides: Record<string, string[]>,
): string | undefined {
  const actions = new Set<string>(bindings.map((binding) => binding.action));
  for (const [action, keys] of Object.entries(overrides)) {
    if (action === "sort") return "the sort letters come from the columns and cannot be remapped";
    if (!actions.has(action)) {
      const known = [...actions].filter((known) => known !== "sort");
      return `"${action}" is not an action (known: ${known.join(", ")})`;
    }
    const bad = keys.find((key) => !isKeyName(key));
    if (bad !== undefined) {
      return `${action}: "${bad}" is not a key name (a character, ctrl-a … ctrl-z, or ${NAMED_KEYS.join(", ")})`;
    }
    if (keys.length === 0 && (NEVER_UNBOUND as readonly string[]).includes(action)) {
      return `${action} cannot be unbound: give it at least one key`;
    }
  }
  const after = bindings.map((binding) => ({ ...binding, keys: overrides[binding.action] ?? binding.keys }));
  for (const [index, binding] of after.entries()) {
    for (const other of after.slice(index + 1)) {
      const key = binding.keys.find((candidate) => other.keys.includes(candidate));
      if (key !== undefined && overlap(binding.kinds, other.kinds)) {
        return `"${key}" would mean both ${binding.action} and ${other.action}${where(binding.kinds, other.kinds)}`;
      }
    }
  }
  return undefined;
}

/** Whether two bindings can be active in the same view (no kinds: every view). */
function overlap(a: readonly KindId[] | undefined, b: readonly KindId[] | undefined): boolean {
  if (!a || !b) return true;
  return a.some((kind) => b.includes(kind));
}

function where(a: readonly KindId[] | undefined, b: readonly KindId[] | undefined): string {
  const shared = !a ? b : !b ? a : a.filter((kind) => b.includes(kind));
  return shared ? ` in ${shared.join(", ")}` : "";
}
