// The `:` commands, as data: each entry says its name, aliases, what it needs in scope and what it
// does. A view command opens its view for the scope of the view on top; the store carries out the
// effect. Each kind declares its own command (`command` on the kind); the session's commands
// (`:profile`, `:help`…) are listed here.
import { KINDS, TRAIL } from "../../kinds/registry.js";
import { openFor, scopeFor } from "../../kinds/scope-need.js";
import { taskSetOf } from "../../kinds/task-set.js";
import type { KindCommand, KindId, Scope, ScopeNeed, ViewAt } from "../../kinds/types.js";
import type { FlashLevel } from "../actions/action-flow.js";
import { scopeKey } from "../../state/scope-key.js";
import { showTaskSet } from "../../state/task-set-view.js";
import type { ViewEntry } from "../../state/view-cursor.js";

export interface CommandContext {
  /** The view on top of the stack. */
  top: ViewAt;
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

function noArguments(command: Pick<Command, "name">, args: readonly string[]): CommandEffect | undefined {
  if (args.length === 0) return undefined;
  return {
    type: "flash",
    text: `:${command.name} takes no arguments (got "${args.join(" ")}")`,
    level: "info",
  };
}

const opening = (opened: ViewAt | string): CommandEffect =>
  typeof opened === "string"
    ? { type: "flash", text: opened, level: "info" }
    : { type: "open", kind: opened.kind, scope: opened.scope };

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
    run: ({ top, args }) => noArguments(command, args) ?? opening(openFor(kind, needs, top.scope)),
  };
  return command;
}

/** The command a kind declares; one that takes words opens what they say. */
function kindCommand(id: KindId, { aliases, description, needs, open }: KindCommand): Command {
  const command = viewCommand(id, aliases, description, needs);
  return open ? { ...command, run: ({ top, args }) => opening(open(args, top)) } : command;
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

const kindCommands = Object.values(KINDS).flatMap((kind) =>
  kind.command ? [kindCommand(kind.id, kind.command)] : [],
);

for (const command of [
  ...kindCommands,
  switchCommand("profile", "Switch AWS profile (a list, or :profile NAME)"),
  switchCommand("region", "Switch AWS region (a list, or :region NAME)"),
  simple("help", ["h"], "Keys and commands", { type: "help" }),
  simple("quit", ["q", "q!"], "Quit deckhand", { type: "quit" }),
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
 * services, the service's tasks: TRAIL), like k9s starting a new trail. Views already on the
 * stack are kept as they are (filter, cursor), so `:svc` from a task goes back to the services as
 * left.
 */
export function stackFor(kind: KindId, scope: Scope, current: readonly ViewEntry[]): ViewEntry[] {
  const trail: ViewAt[] = [
    { kind: TRAIL.top.id, scope: {} },
    { kind: TRAIL.cluster.id, scope: scopeFor("cluster", scope) },
    { kind: TRAIL.service.id, scope: scopeFor("service", scope) },
  ];
  const depth = scope.taskArn ? 3 : scope.serviceName ? 2 : scope.clusterArn ? 1 : 0;
  // The view itself is not on the path to it (`:clusters` is the top).
  const path = trail
    .slice(0, Math.max(1, depth))
    .filter((step) => step.kind !== kind || !sameScope(step.scope, scope));
  path.push({ kind, scope });
  return path.map((view, index) => {
    const kept = current.find((entry) => entry.kind === view.kind && sameScope(entry.scope, view.scope));
    if (!kept) return { ...view, cursor: 0, top: 0, filter: "" };
    // `:tasks stopped` on a service whose tasks view is open: that view, showing the stopped set.
    const last = index === path.length - 1;
    return last && KINDS[view.kind].taskSets && kept.scope.taskSet !== view.scope.taskSet
      ? showTaskSet(kept, taskSetOf(view.scope))
      : kept;
  });
}
