// The table's key bindings: the dispatcher, the header's hint grid, the help screen and the
// README's key table are all generated from them. A binding names the views it applies to, so one
// key can mean different things in different views (`s` scales a service, opens a shell in a
// container); one that changes something in AWS says so, and is refused in read-only mode. The
// config file's "keys" make another keymap from this one (key-overrides.ts).
import type { AnyKind } from "../kinds/registry.js";
import type { KindId } from "../kinds/types.js";
import { Keymap, type Binding } from "./binding.js";
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

/** What the table's bindings need to know to say why they do nothing. */
export interface TableContext {
  kind: AnyKind;
  /** Why there is no row under the cursor ("no row here: …"); undefined when there is one. */
  noRow: () => string | undefined;
}

export interface TableBinding extends Binding<ActionId, TableContext> {
  /** The views it works in (all when absent). */
  kinds?: readonly KindId[];
  /** Sends a mutating AWS call (after confirmation): refused in read-only mode. */
  mutates?: boolean;
  /** Acts on the row under the cursor, so says why not when there is none. */
  row?: boolean;
}

export type TableKeymap = Keymap<TableBinding>;

type TableSpec = Omit<TableBinding, "disabledReason">;

const SPECS: TableSpec[] = [
  { action: "drill", keys: ["enter"], description: "Open", hint: true, row: true },
  { action: "back", keys: ["esc"], description: "Back / clear filter", hint: true },
  { action: "logs", keys: ["l"], description: "Logs", hint: true },
  { action: "describe", keys: ["d"], description: "Describe", hint: true, row: true },
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
  {
    action: "deployments",
    keys: ["z"],
    description: "Deployments",
    hint: true,
    kinds: ["services"],
    row: true,
  },
  { action: "events", keys: ["e"], description: "Events", hint: true, kinds: ["services"], row: true },
  {
    action: "autoscaling",
    keys: ["a"],
    description: "Auto scaling",
    hint: true,
    kinds: ["services"],
    row: true,
  },
  {
    action: "instances",
    keys: ["i"],
    description: "Container instances",
    hint: true,
    kinds: ["clusters"],
    row: true,
  },
  { action: "image", keys: ["i"], description: "Image", hint: true, kinds: ["containers"], row: true },
  {
    action: "taskDefinitions",
    keys: ["t"],
    description: "Task definitions",
    hint: true,
    kinds: ["services"],
    row: true,
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
    row: true,
  },
  { action: "network", keys: ["n"], description: "Network", hint: true, kinds: ["tasks"], row: true },
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
  { action: "copy", keys: ["c"], description: "Copy ARN / ID / name", hint: false, row: true },
  { action: "openConsole", keys: ["o"], description: "Open in the AWS console", hint: false, row: true },
  { action: "down", keys: ["j", "down"], description: "Down", hint: false },
  { action: "up", keys: ["k", "up"], description: "Up", hint: false },
  { action: "first", keys: ["g", "home"], description: "Top", hint: false },
  { action: "last", keys: ["G", "end"], description: "Bottom", hint: false },
  { action: "pageDown", keys: ["pgdn", "ctrl-f"], description: "Page down", hint: false },
  { action: "pageUp", keys: ["pgup", "ctrl-b"], description: "Page up", hint: false },
  { action: "wide", keys: ["ctrl-w"], description: "Wide columns on/off", hint: false },
];

/** Whether a binding works in a view of this kind. */
export function appliesTo(binding: Pick<TableBinding, "kinds">, kind: KindId): boolean {
  return !binding.kinds || binding.kinds.includes(kind);
}

/** Another view's binding says where it works; one that needs a row, why there is none. */
function disabledReason(spec: TableSpec, context: TableContext): string | undefined {
  if (!appliesTo(spec, context.kind.id))
    return `${spec.description}: in the ${spec.kinds!.join(" or ")} view`;
  return spec.row ? context.noRow() : undefined;
}

/** The default keymap; the config file's "keys" make another one from it. */
export const TABLE_KEYMAP: TableKeymap = new Keymap(
  [...SPECS, ...sortBindings()].map((spec) => ({
    ...spec,
    disabledReason: (context: TableContext) => disabledReason(spec, context),
  })),
);

/**
 * The binding of a key in a view of this kind; when the key does nothing there, its first binding
 * (whose reason says where the key does work).
 */
export function bindingIn(keymap: TableKeymap, key: string, kind: KindId): TableBinding | undefined {
  const bindings = keymap.bindingsOf(key);
  return bindings.find((binding) => appliesTo(binding, kind)) ?? bindings[0];
}

/**
 * Whether a binding does something in views of this kind: `enter` only where rows open a view,
 * `l` only where they have logs. The header's hints and help follow it.
 */
export function offeredIn(binding: TableBinding, kind: AnyKind): boolean {
  if (binding.action === "drill") return Boolean(kind.drill);
  if (binding.action === "logs") return Boolean(kind.logs);
  return appliesTo(binding, kind.id);
}
