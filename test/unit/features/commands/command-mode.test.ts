import { describe, expect, it } from "vitest";
import type { Scope } from "../../../../source/kinds/types.js";
import { AppStore, type ViewEntry } from "../../../../source/state/app-store.js";
import {
  commandLineKey,
  EMPTY_COMMAND_LINE,
  ghostText,
  HISTORY_SIZE,
  openCommandLine,
  remember,
  type CommandLine,
} from "../../../../source/features/commands/command-mode.js";
import {
  closestCommand,
  commandHints,
  completeCommand,
  registerCommand,
  runCommand,
  stackFor,
  viewCommand,
} from "../../../../source/features/commands/commands.js";

const CLUSTER: Scope = { clusterArn: "arn:aws:ecs:us-east-1:1:cluster/prod", clusterName: "prod" };
const SERVICE: Scope = { ...CLUSTER, serviceName: "checkout" };
const TASK: Scope = { ...SERVICE, taskArn: "arn:aws:ecs:us-east-1:1:task/prod/abc" };

/** Presses keys (names as the dispatcher gives them: "a", "tab", "up"…) on a line. */
function type(line: CommandLine, ...keys: string[]): CommandLine {
  for (const key of keys) line = commandLineKey(line, key, key.length === 1 ? key : "").line;
  return line;
}

function typeText(line: CommandLine, text: string): CommandLine {
  return type(line, ...text);
}

describe("command line", () => {
  it("shows the rest of the best command as ghost text; tab or right takes it", () => {
    let line = typeText(EMPTY_COMMAND_LINE, "se");
    expect(line.draft).toBe("se");
    expect(ghostText(line)).toBe("rvices");
    line = type(line, "tab");
    expect(line.draft).toBe("services");
    expect(ghostText(line)).toBe("");
    expect(type(typeText(EMPTY_COMMAND_LINE, "dep"), "right").draft).toBe("deployments");
  });

  it("completes names before aliases, in table order, without case", () => {
    expect(completeCommand("c")).toBe("clusters");
    expect(completeCommand("co")).toBe("containers");
    expect(completeCommand("sv")).toBe("svc");
    expect(completeCommand("SE")).toBe("services");
    expect(completeCommand("services")).toBeUndefined();
    expect(completeCommand("zz")).toBeUndefined();
    expect(completeCommand("")).toBeUndefined();
  });

  it("completes only the first word, and tab with nothing to complete changes nothing", () => {
    const line = typeText(EMPTY_COMMAND_LINE, "svc x");
    expect(ghostText(line)).toBe("");
    expect(type(line, "tab").draft).toBe("svc x");
  });

  it("edits: backspace, ctrl-w drops a word, ctrl-u clears; control keys are not typed", () => {
    let line = typeText(EMPTY_COMMAND_LINE, "svc abc");
    line = type(line, "backspace");
    expect(line.draft).toBe("svc ab");
    line = type(line, "ctrl-w");
    expect(line.draft).toBe("svc ");
    line = commandLineKey(line, "ctrl-r", "r").line;
    expect(line.draft).toBe("svc ");
    line = type(line, "ctrl-u");
    expect(line.draft).toBe("");
  });

  it("edits at the cursor; the ghost shows only with the cursor at the end, where right takes it", () => {
    let line = typeText(EMPTY_COMMAND_LINE, "sv");
    line = type(line, "left");
    expect(line).toMatchObject({ draft: "sv", cursor: 1 });
    expect(ghostText(line)).toBe("");
    line = type(line, "right");
    expect(line).toMatchObject({ draft: "sv", cursor: 2 });
    expect(ghostText(line)).toBe("c");
    line = type(line, "home", "d", "ctrl-k");
    expect(line).toMatchObject({ draft: "d", cursor: 1 });
    expect(type(line, "right").draft).toBe("deployments");
    // Control characters are not typed.
    expect(commandLineKey(line, "\u001c", "\u001c").line).toBe(line);
  });

  it("moving the cursor through a history entry keeps it one; editing it makes it the draft", () => {
    let line = openCommandLine(remember(EMPTY_COMMAND_LINE, "svc"));
    line = type(line, "up", "left");
    expect(line).toMatchObject({ draft: "svc", cursor: 2, index: 0 });
    line = type(line, "backspace");
    expect(line).toMatchObject({ draft: "sc", cursor: 1, index: -1, saved: "sc" });
  });

  it("enter runs the trimmed draft (never the ghost); esc cancels", () => {
    const line = typeText(EMPTY_COMMAND_LINE, " svc ");
    expect(commandLineKey(line, "enter", "\r").done).toEqual({ run: "svc" });
    expect(commandLineKey(line, "esc", "").done).toEqual({});
    const ghostOnly = typeText(EMPTY_COMMAND_LINE, "se");
    expect(commandLineKey(ghostOnly, "enter", "\r").done).toEqual({ run: "se" });
    expect(commandLineKey(EMPTY_COMMAND_LINE, "enter", "\r").done).toEqual({ run: undefined });
  });

  it("up and down walk the history, most recent first, and give the draft back", () => {
    let line = remember(remember(remember(EMPTY_COMMAND_LINE, "cl"), "svc"), "dp");
    line = openCommandLine(line);
    expect(line.history).toEqual(["dp", "svc", "cl"]);
    // With an empty draft the ghost is the last command, as in k9s.
    expect(ghostText(line)).toBe("dp");
    line = typeText(line, "ta");
    line = type(line, "up");
    expect(line.draft).toBe("dp");
    expect(ghostText(line)).toBe("");
    line = type(line, "up", "up");
    expect(line.draft).toBe("cl");
    line = type(line, "up"); // the oldest stays
    expect(line.draft).toBe("cl");
    line = type(line, "down");
    expect(line.draft).toBe("svc");
    line = type(line, "down", "down");
    expect(line.draft).toBe("ta");
    line = type(line, "down");
    expect(line.draft).toBe("ta");
    // Editing a history entry makes it the draft.
    line = type(line, "up", "x");
    expect(line).toMatchObject({ draft: "dpx", index: -1 });
    expect(type(line, "down").draft).toBe("dpx");
  });

  it("up with no history does nothing", () => {
    expect(type(typeText(EMPTY_COMMAND_LINE, "s"), "up").draft).toBe("s");
  });

  it("remembers a command once, moved to the front, and at most HISTORY_SIZE of them", () => {
    let line = remember(remember(EMPTY_COMMAND_LINE, "svc"), "cl");
    line = remember(line, "svc");
    expect(line.history).toEqual(["svc", "cl"]);
    for (let i = 0; i < 30; i++) line = remember(line, `c${i}`);
    expect(line.history).toHaveLength(HISTORY_SIZE);
    expect(line.history[0]).toBe("c29");
  });
});

describe("commands", () => {
  it("names and aliases open their views for the scope of the view on top", () => {
    const tasks = { kind: "tasks" as const, scope: TASK };
    expect(runCommand("svc", tasks)).toMatchObject({ type: "open", kind: "services", scope: CLUSTER });
    expect(runCommand("services", tasks)).toMatchObject({ type: "open", kind: "services" });
    expect(runCommand("SVC", tasks)).toMatchObject({ type: "open", kind: "services" });
    expect(runCommand("cl", tasks)).toMatchObject({ type: "open", kind: "clusters", scope: {} });
    expect(runCommand("tasks", tasks)).toMatchObject({ type: "open", kind: "tasks", scope: SERVICE });
    expect(runCommand("containers", tasks)).toMatchObject({ type: "open", kind: "containers", scope: TASK });
    expect(runCommand("dp", tasks)).toMatchObject({ type: "open", kind: "deployments", scope: SERVICE });
    expect(runCommand("as", tasks)).toMatchObject({ type: "open", kind: "autoscaling", scope: SERVICE });
    expect(runCommand("help", tasks)).toMatchObject({ type: "help", known: true });
    expect(runCommand("q", tasks)).toMatchObject({ type: "quit" });
    expect(runCommand("quit", tasks)).toMatchObject({ type: "quit" });
  });

  it("refuses a view the scope cannot give, saying what to open first", () => {
    const clusters = { kind: "clusters" as const, scope: {} };
    expect(runCommand("tasks", clusters)).toEqual({
      type: "flash",
      text: ":tasks needs a service: open a service first",
      level: "info",
      known: true,
    });
    expect(runCommand("svc", clusters)).toMatchObject({
      text: ":services needs a cluster: open a cluster first",
    });
    const services = { kind: "services" as const, scope: CLUSTER };
    expect(runCommand("containers", services)).toMatchObject({
      text: ":containers needs a task: open a task first",
    });
    expect(runCommand("dp", services)).toMatchObject({ type: "flash" });
    expect(runCommand("svc extra", services)).toMatchObject({
      type: "flash",
      text: ':services takes no arguments (got "extra")',
    });
  });

  it(":taskdefs opens the revisions of the service in scope, of a named family, or the families", () => {
    const tasks = { kind: "tasks" as const, scope: TASK };
    expect(runCommand("td", tasks)).toMatchObject({ type: "open", kind: "taskdefs", scope: SERVICE });
    const services = { kind: "services" as const, scope: CLUSTER };
    expect(runCommand("taskdefs", services)).toMatchObject({
      type: "open",
      kind: "families",
      scope: CLUSTER,
    });
    expect(runCommand("td", { kind: "clusters", scope: {} })).toMatchObject({ kind: "families", scope: {} });
    expect(runCommand("td web", tasks)).toMatchObject({
      type: "open",
      kind: "taskdefs",
      scope: { ...CLUSTER, taskDefinitionFamily: "web" },
    });
    const family = { kind: "taskdefs" as const, scope: { ...CLUSTER, taskDefinitionFamily: "web" } };
    expect(runCommand("td", family)).toMatchObject({ kind: "taskdefs", scope: family.scope });
    expect(runCommand("td a b", tasks)).toMatchObject({
      type: "flash",
      text: ':taskdefs takes one family name (got "a b")',
    });
    // Families belong to no cluster: like :svc, the view sits on the cluster list.
    expect(stackFor("families", CLUSTER, []).map((view) => view.kind)).toEqual(["clusters", "families"]);
  });

  it("names the closest command for an unknown one", () => {
    const top = { kind: "clusters" as const, scope: {} };
    expect(runCommand("sevices", top)).toEqual({
      type: "flash",
      text: "unknown command :sevices: did you mean :services?",
      level: "info",
      known: false,
    });
    expect(runCommand("tsks", top)).toMatchObject({ text: "unknown command :tsks: did you mean :tasks?" });
    expect(runCommand("svcs", top)).toMatchObject({ text: "unknown command :svcs: did you mean :services?" });
    expect(runCommand("xyzzy", top)).toMatchObject({
      text: "unknown command :xyzzy: :help lists the commands",
    });
    expect(closestCommand("deploy")?.name).toBe("deployments");
  });

  it("the path to a view reuses the views already on the stack, with their filter and cursor", () => {
    const stack: ViewEntry[] = [
      { kind: "clusters", scope: {}, cursor: 2, top: 0, filter: "pr" },
      { kind: "services", scope: CLUSTER, cursor: 5, top: 3, filter: "check" },
      { kind: "tasks", scope: SERVICE, cursor: 1, top: 0, filter: "" },
    ];
    expect(stackFor("services", CLUSTER, stack)).toEqual(stack.slice(0, 2));
    expect(stackFor("clusters", {}, stack)).toEqual(stack.slice(0, 1));
    const deployments = stackFor("deployments", SERVICE, stack);
    expect(deployments.slice(0, 2)).toEqual(stack.slice(0, 2));
    expect(deployments[2]).toEqual({ kind: "deployments", scope: SERVICE, cursor: 0, top: 0, filter: "" });
    // From a deep link with nothing above it, the trail is built.
    const built = stackFor("containers", TASK, [
      { kind: "containers", scope: TASK, cursor: 1, top: 0, filter: "" },
    ]);
    expect(built.map((view) => view.kind)).toEqual(["clusters", "services", "tasks", "containers"]);
    expect(built[3]!.cursor).toBe(1);
    // A view that needs no scope (a future :pf) sits on the cluster list.
    expect(stackFor("portforwards", {}, stack).map((view) => view.kind)).toEqual([
      "clusters",
      "portforwards",
    ]);
  });

  it("more commands are one registered entry; names must be unique lower-case words", () => {
    // The port forwards kind declares :portforwards (:pf), as every kind with a command does.
    expect(runCommand("pf", { kind: "clusters", scope: {} })).toMatchObject({
      type: "open",
      kind: "portforwards",
      known: true,
    });
    expect(commandHints()).toContainEqual(
      expect.objectContaining({ action: ":portforwards", keys: [":portforwards", ":pf"] }),
    );
    const before = commandHints();
    expect(() => registerCommand(viewCommand("services", ["x"], "again"))).toThrow(/"services" is taken/);
    const named = (name: string) => ({
      name,
      aliases: [],
      description: "",
      run: () => ({ type: "help" as const }),
    });
    expect(() => registerCommand(named("Zz"))).toThrow(/one lower-case word/);
    expect(() => registerCommand(named("zz top"))).toThrow(/one lower-case word/);
    // A refused command leaves the table as it was (and this test leaves nothing behind).
    expect(commandHints()).toEqual(before);
  });

  it("lists the kinds' commands in registry order, then the session's", () => {
    expect(commandHints().map((hint) => hint.action)).toEqual([
      ":clusters",
      ":services",
      ":tasks",
      ":containers",
      ":deployments",
      ":events",
      ":autoscaling",
      ":portforwards",
      ":taskdefs",
      ":instances",
      ":targets",
      ":network",
      ":profile",
      ":region",
      ":help",
      ":quit",
    ]);
    expect(completeCommand("p")).toBe("portforwards");
    expect(completeCommand("pr")).toBe("profile");
  });

  it("keeps a view with no task sets as it is, whatever set its scope came from", () => {
    const network: ViewEntry = {
      kind: "network",
      scope: { ...TASK, taskSet: "stopped" },
      cursor: 2,
      top: 0,
      filter: "",
    };
    expect(stackFor("network", TASK, [network]).at(-1)).toBe(network);
  });

  it("help lines come from the table", () => {
    expect(commandHints()).toContainEqual({
      action: ":services",
      keys: [":services", ":svc"],
      description: "Services of the cluster in scope",
      hint: false,
    });
  });
});

describe("command mode in the store", () => {
  function store(initial: { kind: ViewEntry["kind"]; scope: Scope }[]) {
    return new AppStore({ refreshMs: 60_000, initial });
  }
  const keys = (target: AppStore, text: string) => {
    for (const char of text) target.commandKey(char, char);
  };

  it(": opens the line; enter runs, remembers and closes it", () => {
    const app = store([
      { kind: "clusters", scope: {} },
      { kind: "services", scope: CLUSTER },
      { kind: "tasks", scope: SERVICE },
    ]);
    app.openCommand();
    expect(app.getState().overlay.type).toBe("command");
    keys(app, "sv");
    app.commandKey("tab", "\t");
    expect(app.getState().commandLine.draft).toBe("svc");
    expect(app.commandKey("enter", "\r")).toBeUndefined();
    expect(app.getState().overlay.type).toBe("none");
    expect(app.getState().stack.map((view) => view.kind)).toEqual(["clusters", "services"]);
    expect(app.getState().commandLine).toMatchObject({ draft: "", history: ["svc"] });
  });

  it("a refused or unknown command flashes, leaves the stack as it was and is not remembered", () => {
    const app = store([{ kind: "clusters", scope: {} }]);
    app.openCommand();
    keys(app, "tasks");
    app.commandKey("enter", "\r");
    expect(app.getState().flash?.text).toBe(":tasks needs a service: open a service first");
    expect(app.getState().stack).toHaveLength(1);
    app.runCommand("clsters");
    expect(app.getState().flash?.text).toBe("unknown command :clsters: did you mean :clusters?");
    expect(app.getState().commandLine.history).toEqual([]);
  });

  it("esc cancels without running; :q asks to quit; :help opens help", () => {
    const app = store([{ kind: "clusters", scope: {} }]);
    app.openCommand();
    keys(app, "q");
    app.commandKey("esc", "");
    expect(app.getState().overlay.type).toBe("none");
    app.openCommand();
    keys(app, "q");
    expect(app.commandKey("enter", "\r")).toBe("quit");
    app.openCommand();
    keys(app, "help");
    app.commandKey("enter", "\r");
    expect(app.getState().overlay.type).toBe("help");
  });
});
