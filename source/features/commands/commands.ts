// The `:` commands, as data: each entry says its name, aliases, what it needs in scope and what it
// does. A view command opens its view for the scope of the view on top; the store carries out the
// effect. Adding a command (`:taskdefs`, `:events`, `:pf`…) is one entry, or one registerCommand().
import { isTaskSet, TASK_SETS, taskSetOf, withTaskSet } from "../../kinds/task-set.js";
import type { KindId, Scope } from "../../kinds/types.js";
import type { FlashLevel } from "../actions/action-flow.js";
import { scopeKey } from "../../state/scope-key.js";
import { showTaskSet } from "../../state/task-set-view.js";
import type { ViewEntry } from "../../state/view-cursor.js";

/** What a view needs in scope: `:tasks` needs a service, `:containers` a task. */
export type ScopeNeed = "cluster" | "service" | "task";

export interface CommandContext {
  /** The view on top of the stack. */
  top: { kind: KindId; scope: Scope };
  /** Words after the command name. */
  args: readonly string[];
}

export type CommandEffect =
  /** Open a view: the stack becomes the path down to it (reusing the views already on it). */
  | { type: "open"; kind: KindId; scope: Scope }
  | { type: "help" }
  | { type: "quit" }
  /** `:profile` / `:region`: switch to the named one, or pick one from a list. */
  | { type: "switch"; what: "profile" | "region"; value?: string }
  | { type: "flash"; text: string; level: FlashLevel };

export interface Command {
  name: string;
  aliases: readonly string[];
  description: string;
  /** What the scope of the view on top must hold; the command refuses to run without it. */
  needs?: ScopeNeed;
  run: (context: CommandContext) => CommandEffect;
}

const NEED_ORDER: readonly ScopeNeed[] = ["cluster", "service", "task"];

function holds(scope: Scope, need: ScopeNeed): boolean {
  if (need === "cluster") return Boolean(scope.clusterArn);
  if (need === "service") return Boolean(scope.clusterArn && scope.serviceName);
  return Boolean(scope.clusterArn && scope.taskArn);
}

/** The part of a scope a view with this need is opened with: `:svc` from a task → its cluster. */
export function scopeFor(need: ScopeNeed | undefined, scope: Scope): Scope {
  const depth = need ? NEED_ORDER.indexOf(need) + 1 : 0;
  const trimmed: Scope = {};
  if (depth >= 1) Object.assign(trimmed, { clusterArn: scope.clusterArn, clusterName: scope.clusterName });
  if (depth >= 2 && scope.serviceName !== undefined) trimmed.serviceName = scope.serviceName;
  if (depth >= 3) trimmed.taskArn = scope.taskArn;
  return trimmed;
}

const NEED_HINT: Record<ScopeNeed, string> = {
  cluster: "open a cluster first",
  service: "open a service first",
  task: "open a task first",
};

function noArguments(command: Pick<Command, "name">, args: readonly string[]): CommandEffect | undefined {
  if (args.length === 0) return undefined;
  return {
    type: "flash",
    text: `:${command.name} takes no arguments (got "${args.join(" ")}")`,
    level: "info",
  };
}

/** A command that opens a kind of view for the scope on top. */
export function viewCommand(
  kind: KindId,
  aliases: readonly string[],
  description: string,
  needs?: ScopeNeed,
): Command {
  const command: Command = {
    name: kind,
    aliases,
    description,
    needs,
    run: ({ top, args }) => {
      const refused = noArguments(command, args);
      if (refused) return refused;
      if (needs && !holds(top.scope, needs)) {
        return { type: "flash", text: `:${kind} needs a ${needs}: ${NEED_HINT[needs]}`, level: "info" };
      }
      return { type: "open", kind, scope: scopeFor(needs, top.scope) };
    },
  };
  return command;
}

/** `:tasks` opens the running tasks; `:tasks stopped` or `:tasks all` another set. */
function tasksCommand(): Command {
  const opener = viewCommand("tasks", [], "Tasks of the service in scope (:tasks stopped|all)", "service");
  return {
    ...opener,
    run: (context) => {
      const [word, ...rest] = context.args;
      if (word === undefined) return opener.run(context);
      const set = word.toLowerCase();
      if (!isTaskSet(set) || rest.length > 0) {
        return {
          type: "flash",
          text: `:tasks takes one of ${TASK_SETS.join(", ")} (got "${context.args.join(" ")}")`,
          level: "info",
        };
      }
      const effect = opener.run({ ...context, args: [] });
      return effect.type === "open" ? { ...effect, scope: withTaskSet(effect.scope, set) } : effect;
    },
  };
}

function simple(name: string, aliases: string[], description: string, effect: CommandEffect): Command {
  const command: Command = {
    name,
    aliases,
    description,
    run: ({ args }) => noArguments(command, args) ?? effect,
  };
  return command;
}

function switchCommand(what: "profile" | "region", description: string): Command {
  return {
    name: what,
    aliases: [],
    description,
    run: ({ args }) =>
      args.length > 1
        ? { type: "flash", text: `:${what} takes one ${what} name (got "${args.join(" ")}")`, level: "info" }
        : { type: "switch", what, ...(args[0] ? { value: args[0] } : {}) },
  };
}

/**
 * `:taskdefs`: the revisions of the service in scope; `:taskdefs FAMILY` those of a family; with
 * no service in scope, the account's families (enter opens one).
 */
const taskDefinitionsCommand: Command = {
  name: "taskdefs",
  aliases: ["td"],
  description: "Task definition revisions of the service in scope (or :td FAMILY); else the families",
  run: ({ top, args }) => {
    if (args.length > 1) {
      return {
        type: "flash",
        text: `:taskdefs takes one family name (got "${args.join(" ")}")`,
        level: "info",
      };
    }
    const cluster = scopeFor("cluster", top.scope);
    if (args[0])
      return { type: "open", kind: "taskdefs", scope: { ...cluster, taskDefinitionFamily: args[0] } };
    if (holds(top.scope, "service"))
      return { type: "open", kind: "taskdefs", scope: scopeFor("service", top.scope) };
    if (top.kind === "taskdefs") return { type: "open", kind: "taskdefs", scope: top.scope };
    return { type: "open", kind: "families", scope: cluster };
  },
};

const TABLE: Command[] = [];

/** Adds a command; a name or alias already taken is a programming error. */
export function registerCommand(command: Command): void {
  const taken = new Set(TABLE.flatMap((known) => [known.name, ...known.aliases]));
  for (const word of [command.name, ...command.aliases]) {
    if (word !== word.toLowerCase() || /\s/.test(word) || !word) {
      throw new Error(`command name "${word}" must be one lower-case word`);
    }
    if (taken.has(word)) throw new Error(`command name "${word}" is taken`);
  }
  TABLE.push(command);
}

for (const command of [
  viewCommand("clusters", ["cl"], "All clusters (back to the top)"),
  viewCommand("services", ["svc"], "Services of the cluster in scope", "cluster"),
  tasksCommand(),
  viewCommand("containers", [], "Containers of the task in scope", "task"),
  viewCommand("deployments", ["dp"], "Deployments of the service in scope", "service"),
  viewCommand("events", ["ev"], "Events of the service in scope, newest first", "service"),
  viewCommand("autoscaling", ["as"], "Auto scaling of the service in scope", "service"),
  taskDefinitionsCommand,
  viewCommand("instances", ["ci"], "Container instances (EC2 hosts) of the cluster in scope", "cluster"),
  viewCommand("targets", ["lb"], "Load balancer targets of the service in scope, and its zones", "service"),
  viewCommand("network", ["net"], "Network interfaces (or host ports) of the task in scope", "task"),
  switchCommand("profile", "Switch AWS profile (a list, or :profile NAME)"),
  switchCommand("region", "Switch AWS region (a list, or :region NAME)"),
  simple("help", ["h"], "Keys and commands", { type: "help" }),
  simple("quit", ["q", "q!"], "Quit deckhand", { type: "quit" }),
  viewCommand("portforwards", ["pf"], "Port forwards of this session"),
]) {
  registerCommand(command);
}

export function findCommand(word: string): Command | undefined {
  const wanted = word.toLowerCase();
  return TABLE.find((command) => command.name === wanted || command.aliases.includes(wanted));
}

/**
 * The best completion of a half-typed command word: the first command (in table order) whose
 * name starts with it, else the first alias that does. Undefined when nothing is longer.
 */
export function completeCommand(prefix: string): string | undefined {
  const wanted = prefix.toLowerCase();
  if (!wanted) return undefined;
  const longer = (word: string) => word.length > wanted.length && word.startsWith(wanted);
  return (
    TABLE.find((command) => longer(command.name))?.name ??
    TABLE.flatMap((command) => command.aliases).find(longer)
  );
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The command a mistyped word most likely meant (by edit distance to names and aliases). */
export function closestCommand(word: string): Command | undefined {
  const wanted = word.toLowerCase();
  let best: { command: Command; distance: number } | undefined;
  for (const command of TABLE) {
    for (const name of [command.name, ...command.aliases]) {
      // A typed prefix of a name ("serv") is as close as it gets.
      const distance = name.startsWith(wanted) ? 0 : editDistance(wanted, name);
      if (!best || distance < best.distance) best = { command, distance };
    }
  }
  const limit = Math.max(2, Math.floor(wanted.length / 2));
  return best && best.distance <= limit ? best.command : undefined;
}

/** What the text typed after `:` does with the view on top. */
export function runCommand(text: string, top: CommandContext["top"]): CommandEffect & { known: boolean } {
  const [word = "", ...args] = text.trim().split(/\s+/);
  const command = findCommand(word);
  if (command) return { ...command.run({ top, args }), known: true };
  const guess = closestCommand(word);
  const advice = guess ? `did you mean :${guess.name}?` : ":help lists the commands";
  return { type: "flash", text: `unknown command :${word}: ${advice}`, level: "info", known: false };
}

/** `?` help: one line per command, generated from the table. */
export function commandHints(): { action: string; keys: string[]; description: string; hint: boolean }[] {
  return TABLE.map((command) => ({
    action: `:${command.name}`,
    keys: [command.name, ...command.aliases].map((word) => `:${word}`),
    description: command.description,
    hint: false,
  }));
}

const sameScope = (a: Scope, b: Scope): boolean => scopeKey(a) === scopeKey(b);

/**
 * The stack after opening `kind` for `scope`: the drill-down path to it (clusters, the cluster's
 * services, the service's tasks), like k9s starting a new trail. Views already on the stack are
 * kept as they are (filter, cursor), so `:svc` from a task goes back to the services as left.
 */
export function stackFor(kind: KindId, scope: Scope, current: readonly ViewEntry[]): ViewEntry[] {
  const trail: { kind: KindId; scope: Scope }[] = [
    { kind: "clusters", scope: {} },
    { kind: "services", scope: scopeFor("cluster", scope) },
    { kind: "tasks", scope: scopeFor("service", scope) },
  ];
  const depth = scope.taskArn ? 3 : scope.serviceName ? 2 : scope.clusterArn ? 1 : 0;
  const path = kind === "clusters" ? [] : trail.slice(0, Math.max(1, depth));
  path.push({ kind, scope });
  return path.map((view, index) => {
    const kept = current.find((entry) => entry.kind === view.kind && sameScope(entry.scope, view.scope));
    if (!kept) return { ...view, cursor: 0, top: 0, filter: "" };
    // `:tasks stopped` on a service whose tasks view is open: that view, showing the stopped set.
    const last = index === path.length - 1;
    return last && view.kind === "tasks" && kept.scope.taskSet !== view.scope.taskSet
      ? showTaskSet(kept, taskSetOf(view.scope))
      : kept;
  });
}
