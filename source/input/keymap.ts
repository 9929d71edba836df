// The one list of key bindings: the dispatcher, the header's hint grid, the help screen and the
// README's key table are all generated from it. A binding names the views it applies to, so one key
// can mean different things in different views (`s` scales a service, opens a shell in a container);
// one that changes something in AWS says so, and is refused in read-only mode.
import type { KindId } from "../kinds/types.js";
import type { KeyOverrides } from "./key-overrides.js";
import { sortBindings } from "./sort-bindings.js";

export type ActionId =
  | "down"
  | "up"
  | "first"
  | "last"
  | "pageDown"
  | "pageUp"
  | "drill"
  | "logs"
  | "describe"
  | "back"
  | "filter"
  | "command"
  | "refresh"
  | "help"
  | "quit"
  | "scale"
  | "restart"
  | "rollback"
  | "revision"
  | "toggleExec"
  | "deployments"
  | "events"
  | "autoscaling"
  | "taskDefinitions"
  | "diff"
  | "instances"
  | "image"
  | "loadBalancers"
  | "network"
  | "editScaling"
  | "mark"
  | "stopTasks"
  | "shell"
  | "runCommand"
  | "portForward"
  | "portForwards"
  | "stopForward"
  | "copy"
  | "openConsole"
  | "wide"
  | "taskStatus"
  | "sort";

/** What a hint or help line needs to know about a binding. */
export interface KeyHint {
  action: string;
  keys: string[];
  description: string;
  hint: boolean;
  /** The views it works in (all when absent). */
  kinds?: readonly string[];
}

export interface Binding extends KeyHint {
  action: ActionId;
  /** Key names as produced by keyName(): "j", "down", "enter", "ctrl-r", "G"… */
  keys: string[];
  description: string;
  /** Shown in the header's hint grid (the rest are in help). */
  hint: boolean;
  kinds?: readonly KindId[];
  /** Sends a mutating AWS call (after confirmation): refused in read-only mode. */
  mutates?: boolean;
}

export const BINDINGS: Binding[] = [
  { action: "drill", keys: ["enter"], description: "Open", hint: true },
  { action: "back", keys: ["esc"], description: "Back / clear filter", hint: true },
  { action: "logs", keys: ["l"], description: "Logs", hint: true },
  { action: "describe", keys: ["d"], description: "Describe", hint: true },
  { action: "filter", keys: ["/"], description: "Filter", hint: true },
  { action: "command", keys: [":"], description: "Command", hint: true },
  { action: "refresh", keys: ["ctrl-r"], description: "Refresh", hint: true },
  { action: "help", keys: ["?"], description: "Help", hint: true },
  { action: "quit", keys: ["q", "ctrl-c"], description: "Quit", hint: true },
  { action: "scale", keys: ["s"], description: "Scale", hint: true, kinds: ["services"], mutates: true },
  {
    action: "restart",
    keys: ["r"],
    description: "Restart",
    hint: true,
    kinds: ["services"],
    mutates: true,
  },
  {
    action: "rollback",
    keys: ["ctrl-l"],
    description: "Roll back",
    hint: true,
    kinds: ["services"],
    mutates: true,
  },
  {
    action: "revision",
    keys: ["v"],
    description: "Change revision",
    hint: true,
    kinds: ["services"],
    mutates: true,
  },
  {
    action: "toggleExec",
    keys: ["X"],
    description: "Exec on/off",
    hint: true,
    kinds: ["services"],
    mutates: true,
  },
  { action: "deployments", keys: ["z"], description: "Deployments", hint: true, kinds: ["services"] },
  { action: "events", keys: ["e"], description: "Events", hint: true, kinds: ["services"] },
  { action: "autoscaling", keys: ["a"], description: "Auto scaling", hint: true, kinds: ["services"] },
  { action: "instances", keys: ["i"], description: "Container instances", hint: true, kinds: ["clusters"] },
  { action: "image", keys: ["i"], description: "Image", hint: true, kinds: ["containers"] },
  {
    action: "taskDefinitions",
    keys: ["t"],
    description: "Task definitions",
    hint: true,
    kinds: ["services"],
  },
  {
    action: "diff",
    keys: ["="],
    description: "Diff revisions",
    hint: true,
    kinds: ["taskdefs", "deployments"],
  },
  {
    action: "loadBalancers",
    keys: ["b"],
    description: "LB targets",
    hint: true,
    kinds: ["services"],
  },
  { action: "network", keys: ["n"], description: "Network", hint: true, kinds: ["tasks"] },
  {
    action: "editScaling",
    keys: ["e"],
    description: "Edit min/max",
    hint: true,
    kinds: ["autoscaling"],
    mutates: true,
  },
  { action: "mark", keys: ["space"], description: "Mark", hint: true, kinds: ["tasks", "taskdefs"] },
  {
    action: "taskStatus",
    keys: ["t"],
    description: "Running / stopped / all",
    hint: true,
    kinds: ["tasks"],
  },
  {
    action: "stopTasks",
    keys: ["ctrl-k"],
    description: "Stop task(s)",
    hint: true,
    kinds: ["tasks"],
    mutates: true,
  },
  { action: "shell", keys: ["s"], description: "Shell", hint: true, kinds: ["containers", "tasks"] },
  {
    action: "runCommand",
    keys: ["x"],
    description: "Run command",
    hint: true,
    kinds: ["containers", "tasks"],
  },
  {
    action: "portForward",
    keys: ["F"],
    description: "Port forward",
    hint: true,
    kinds: ["containers", "tasks"],
  },
  {
    action: "portForwards",
    keys: ["P"],
    description: "List forwards",
    hint: true,
    kinds: ["containers", "tasks"],
  },
  {
    action: "stopForward",
    keys: ["ctrl-k"],
    description: "Stop forward",
    hint: true,
    kinds: ["portforwards"],
  },
  { action: "copy", keys: ["c"], description: "Copy ARN / ID / name", hint: false },
  { action: "openConsole", keys: ["o"], description: "Open in the AWS console", hint: false },
  { action: "down", keys: ["j", "down"], description: "Down", hint: false },
  { action: "up", keys: ["k", "up"], description: "Up", hint: false },
  { action: "first", keys: ["g", "home"], description: "Top", hint: false },
  { action: "last", keys: ["G", "end"], description: "Bottom", hint: false },
  { action: "pageDown", keys: ["pgdn", "ctrl-f"], description: "Page down", hint: false },
  { action: "pageUp", keys: ["pgup", "ctrl-b"], description: "Page up", hint: false },
  { action: "wide", keys: ["ctrl-w"], description: "Wide columns on/off", hint: false },
  ...sortBindings(),
];

const BY_KEY = new Map<string, Binding[]>();
indexKeys();

function indexKeys(): void {
  BY_KEY.clear();
  for (const binding of BINDINGS) {
    for (const key of binding.keys) BY_KEY.set(key, [...(BY_KEY.get(key) ?? []), binding]);
  }
}

/**
 * Installs the config file's "keys" (checked by keyOverridesProblem): the dispatcher, help and the
 * header's hints all read BINDINGS, so they follow. Once, at start-up.
 */
export function applyKeyOverrides(overrides: KeyOverrides = {}): void {
  for (const binding of BINDINGS) binding.keys = overrides[binding.action] ?? binding.keys;
  indexKeys();
}

/**
 * The binding of a key in a view of this kind; without a kind, or when the key does nothing there,
 * its first binding (so that the caller can say where the key does work).
 */
export function bindingFor(key: string, kind?: KindId): Binding | undefined {
  const bindings = BY_KEY.get(key);
  if (!bindings) return undefined;
  return (kind && bindings.find((binding) => appliesTo(binding, kind))) || bindings[0];
}

/** Every binding of a key, whatever the view. */
export function bindingsFor(key: string): readonly Binding[] {
  return BY_KEY.get(key) ?? [];
}

export function bindingOf(action: ActionId): Binding {
  return BINDINGS.find((binding) => binding.action === action)!;
}

/** Whether a binding works in a view of this kind. */
export function appliesTo(binding: Binding, kind: KindId): boolean {
  return !binding.kinds || binding.kinds.includes(kind);
}

/** "<ctrl-r>" style labels, as k9s shows them. */
export function keyLabel(binding: KeyHint): string {
  return binding.keys.map((key) => `<${key}>`).join(" ");
}

/** A Markdown key table for the README, generated so it cannot drift from the bindings. */
export function keyTableMarkdown(bindings: readonly KeyHint[] = BINDINGS): string {
  // The table of the remappable bindings also gives each one's name in the config file's "keys".
  const where = bindings.some((binding) => binding.kinds);
  const lines = where
    ? ["| Keys | Action | Where | Config name |", "| --- | --- | --- | --- |"]
    : ["| Keys | Action |", "| --- | --- |"];
  for (const binding of bindings) {
    const keys = binding.keys.map((key) => `\`${key}\``).join(", ");
    // Sort letters come from the columns: there is nothing to remap them by.
    const name = binding.action === "sort" ? "-" : `\`${binding.action}\``;
    const place = where ? ` ${binding.kinds?.join(", ") ?? "any list"} | ${name} |` : "";
    lines.push(`| ${keys} | ${binding.description} |${place}`);
  }
  return lines.join("\n");
}
