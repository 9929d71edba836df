import { describe, expect, it } from "vitest";
import { keyName, splitKeys, type InkKey } from "../../../source/input/key-names.js";
import { KINDS } from "../../../source/kinds/registry.js";
import type { KindId } from "../../../source/kinds/types.js";
import { keyTableMarkdown } from "../../../source/input/key-tables.js";
import { appliesTo, bindingIn, TABLE_KEYMAP } from "../../../source/input/table-keys.js";

const BINDINGS = TABLE_KEYMAP.bindings;
/** The binding of a key in a view, as the dispatcher finds it; without a view, its first one. */
const bindingFor = (key: string, kind?: KindId) =>
  kind ? bindingIn(TABLE_KEYMAP, key, kind) : TABLE_KEYMAP.bindingsOf(key)[0];
const bindingsFor = (key: string) => TABLE_KEYMAP.bindingsOf(key);
/** What a key does in a view, as the dispatcher finds it. */
const actionFor = (key: string, kind?: KindId) => bindingFor(key, kind)?.action;

const none: InkKey = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
};

describe("key names", () => {
  it("names Ink 6 keys, with its Backspace-as-delete quirk", () => {
    expect(keyName("", { ...none, return: true })).toBe("enter");
    expect(keyName("", { ...none, escape: true, meta: true })).toBe("esc");
    expect(keyName("", { ...none, delete: true })).toBe("backspace");
    expect(keyName("r", { ...none, ctrl: true })).toBe("ctrl-r");
    expect(keyName("G", { ...none, shift: true })).toBe("G");
  });

  it("splits keys that arrived together so none is lost", () => {
    expect(splitKeys("jj\r", none).map((k) => k.name)).toEqual(["j", "j", "enter"]);
    expect(splitKeys("/ab\u007f", none).map((k) => k.name)).toEqual(["/", "a", "b", "backspace"]);
    expect(splitKeys("k", none)).toEqual([{ name: "k", input: "k" }]);
    // A ctrl key in a batch is that key, not a character to type into a prompt.
    expect(splitKeys("\t\u001512", none).map((k) => k.name)).toEqual(["tab", "ctrl-u", "1", "2"]);
  });

  it("maps the k9s keys to actions", () => {
    expect(actionFor("j")).toBe("down");
    expect(actionFor("down")).toBe("down");
    expect(actionFor("ctrl-r")).toBe("refresh");
    expect(actionFor("G")).toBe("last");
    expect(actionFor("d")).toBe("describe");
    expect(actionFor("w")).toBeUndefined();
  });

  it("binds the actions to k9s-flavoured keys, each in its own views", () => {
    expect(actionFor("s")).toBe("scale");
    expect(actionFor("r")).toBe("restart");
    expect(actionFor("ctrl-l")).toBe("rollback");
    expect(actionFor("v")).toBe("revision");
    expect(actionFor("X")).toBe("toggleExec");
    expect(actionFor("a")).toBe("autoscaling");
    expect(actionFor("z")).toBe("deployments");
    expect(actionFor("e", "services")).toBe("events");
    expect(actionFor("e", "autoscaling")).toBe("editScaling");
    expect(actionFor("space")).toBe("mark");
    expect(actionFor("ctrl-k")).toBe("stopTasks");
    expect(appliesTo(bindingFor("s")!, "services")).toBe(true);
    expect(appliesTo(bindingFor("s")!, "tasks")).toBe(false);
    expect(appliesTo(bindingFor("ctrl-k")!, "tasks")).toBe(true);
    expect(appliesTo(bindingFor("j")!, "autoscaling")).toBe(true);
  });

  it("gives a key a meaning per view: s scales a service, opens a shell in a container or task", () => {
    expect(actionFor("s", "services")).toBe("scale");
    expect(actionFor("s", "containers")).toBe("shell");
    expect(actionFor("s", "tasks")).toBe("shell");
    expect(actionFor("x", "containers")).toBe("runCommand");
    expect(actionFor("F", "tasks")).toBe("portForward");
    expect(actionFor("P", "containers")).toBe("portForwards");
    expect(actionFor("ctrl-k", "tasks")).toBe("stopTasks");
    expect(actionFor("ctrl-k", "portforwards")).toBe("stopForward");
    // Where a key means nothing, its first binding comes back, to say where it does work.
    expect(bindingFor("x", "services")?.action).toBe("runCommand");
    expect(appliesTo(bindingFor("x", "services")!, "services")).toBe(false);
    expect(bindingsFor("s").map((binding) => binding.action)).toEqual(["scale", "shell"]);
  });

  it("has no key bound twice in one view, and marks every action that sends a mutation", () => {
    const kinds = [
      "clusters",
      "services",
      "tasks",
      "containers",
      "deployments",
      "autoscaling",
      "portforwards",
    ] as const;
    for (const kind of kinds) {
      const keys = BINDINGS.filter((binding) => appliesTo(binding, kind)).flatMap((binding) => binding.keys);
      expect(new Set(keys).size, kind).toBe(keys.length);
    }
    // Exec and port forwards change no AWS resource: read-only mode does not refuse them.
    const mutating = BINDINGS.filter((binding) => binding.mutates).map((binding) => binding.action);
    expect(mutating.sort()).toEqual(
      ["editScaling", "restart", "revision", "rollback", "scale", "stopTasks", "toggleExec"].sort(),
    );
  });

  it("says where each key works in the README table, and its name in the config file", () => {
    const table = keyTableMarkdown(BINDINGS);
    expect(table.split("\n")[0]).toBe("| Keys | Action | Where | Config name |");
    expect(table).toContain("| `s` | Scale | services | `scale` |");
    expect(table).toContain("| `s` | Shell | containers, tasks | `shell` |");
    expect(table).toContain("| `/` | Filter | any list | `filter` |");
  });

  it("sorts by every column of every view with its own shift+letter; ctrl-w is wide mode everywhere", () => {
    for (const kind of Object.values(KINDS)) {
      const letters = kind.columns.map((column) => column.sortKey ?? "");
      expect(
        letters.every((letter) => /^[A-Z]$/.test(letter)),
        kind.id,
      ).toBe(true);
      expect(new Set(letters).size, kind.id).toBe(letters.length);
      for (const letter of letters) expect(actionFor(letter, kind.id), `${kind.id} ${letter}`).toBe("sort");
    }
    expect(actionFor("N", "tasks")).toBe("sort");
    expect(actionFor("F", "tasks")).toBe("portForward");
    expect(actionFor("F", "deployments")).toBe("sort");
    expect(actionFor("X", "services")).toBe("toggleExec");
    expect(actionFor("b", "services")).toBe("loadBalancers");
    expect(actionFor("n", "tasks")).toBe("network");
    expect(actionFor("ctrl-w", "portforwards")).toBe("wide");
    expect(keyTableMarkdown(BINDINGS)).toContain(
      "| `N` | Sort by NAME, ID, TARGET GROUP, INTERFACE | clusters, services, tasks, containers, deployments, autoscaling, targets, network |",
    );
  });
});
