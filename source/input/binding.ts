// One binding type for every scope (the table, the log pane, a description, dialogs, prompts): the
// keys, the intent they stand for, what help says about them, and why they do nothing here. A
// scope's keymap is a list of them; its handler, the hints, help and the README tables all read it.

export interface Binding<Action extends string = string, Context = void> {
  /** What the keys ask for: the scope's handler switches on it; the config file's "keys" name it. */
  action: Action;
  /** Key names as keyName() gives them: "j", "down", "enter", "ctrl-r", "G"… */
  keys: readonly string[];
  description: string;
  /** Shown among the hints (the header's grid, a pane's status line); the rest are in help. */
  hint: boolean;
  /** Why the keys do nothing in this context, said instead; undefined when they work. */
  disabledReason?: (context: Context) => string | undefined;
}

/** What a hint, help line or README row shows of a binding (commands are shown the same way). */
export type KeyHint = Pick<Binding, "action" | "keys" | "description" | "hint">;

/** A scope's bindings, looked up by key. Immutable: other keys make another keymap. */
export class Keymap<B extends KeyHint> {
  private readonly byKey = new Map<string, B[]>();

  constructor(readonly bindings: readonly B[]) {
    for (const binding of bindings) {
      for (const key of binding.keys) this.byKey.set(key, [...(this.byKey.get(key) ?? []), binding]);
    }
  }

  /** Every binding of a key, in list order: a key can mean different things in different views. */
  bindingsOf(key: string): readonly B[] {
    return this.byKey.get(key) ?? [];
  }

  /** What a key asks for, in a scope where a key means one thing. */
  actionOf(key: string): B["action"] | undefined {
    return this.byKey.get(key)?.[0]?.action;
  }

  bindingOf(action: B["action"]): B | undefined {
    return this.bindings.find((binding) => binding.action === action);
  }

  /** The hints: bindings marked for them that still have a key. */
  hints(): B[] {
    return this.bindings.filter((binding) => binding.hint && binding.keys.length > 0);
  }

  /** This keymap with some actions on other keys ([] unbinds); this one stays as it is. */
  withKeys(keys: Readonly<Record<string, readonly string[] | undefined>>): Keymap<B> {
    return new Keymap(
      this.bindings.map((binding) => {
        const replaced = keys[binding.action];
        return replaced ? { ...binding, keys: [...replaced] } : binding;
      }),
    );
  }
}

/** "<ctrl-r>" style labels, as k9s shows them. */
export function keyLabel(binding: Pick<KeyHint, "keys">): string {
  return binding.keys.map((key) => `<${key}>`).join(" ");
}
