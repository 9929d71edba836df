// The one list of key bindings: the dispatcher, the header's hint grid, the help screen and the
// README's key table are all generated from it.

export type ActionId =
  | "down"
  | "up"
  | "first"
  | "last"
  | "pageDown"
  | "pageUp"
  | "drill"
  | "logs"
  | "back"
  | "filter"
  | "refresh"
  | "help"
  | "quit";

/** What a hint or help line needs to know about a binding. */
export interface KeyHint {
  action: string;
  keys: string[];
  description: string;
  hint: boolean;
}

export interface Binding extends KeyHint {
  action: ActionId;
  /** Key names as produced by keyName(): "j", "down", "enter", "ctrl-r", "G"… */
  keys: string[];
  description: string;
  /** Shown in the header's hint grid (the rest are in help). */
  hint: boolean;
}

export const BINDINGS: Binding[] = [
  { action: "drill", keys: ["enter"], description: "Open", hint: true },
  { action: "back", keys: ["esc"], description: "Back / clear filter", hint: true },
  { action: "logs", keys: ["l"], description: "Logs", hint: true },
  { action: "filter", keys: ["/"], description: "Filter", hint: true },
  { action: "refresh", keys: ["ctrl-r"], description: "Refresh", hint: true },
  { action: "help", keys: ["?"], description: "Help", hint: true },
  { action: "quit", keys: ["q", "ctrl-c"], description: "Quit", hint: true },
  { action: "down", keys: ["j", "down"], description: "Down", hint: false },
  { action: "up", keys: ["k", "up"], description: "Up", hint: false },
  { action: "first", keys: ["g", "home"], description: "Top", hint: false },
  { action: "last", keys: ["G", "end"], description: "Bottom", hint: false },
  { action: "pageDown", keys: ["pgdn", "ctrl-f"], description: "Page down", hint: false },
  { action: "pageUp", keys: ["pgup", "ctrl-b"], description: "Page up", hint: false },
];

const BY_KEY = new Map(BINDINGS.flatMap((binding) => binding.keys.map((key) => [key, binding.action])));

export function actionFor(key: string): ActionId | undefined {
  return BY_KEY.get(key);
}

/** "<ctrl-r>" style labels, as k9s shows them. */
export function keyLabel(binding: KeyHint): string {
  return binding.keys.map((key) => `<${key}>`).join(" ");
}

/** A Markdown key table for the README, generated so it cannot drift from the bindings. */
export function keyTableMarkdown(bindings: readonly KeyHint[] = BINDINGS): string {
  const lines = ["| Keys | Action |", "| --- | --- |"];
  for (const binding of bindings) {
    lines.push(`| ${binding.keys.map((key) => `\`${key}\``).join(", ")} | ${binding.description} |`);
  }
  return lines.join("\n");
}
