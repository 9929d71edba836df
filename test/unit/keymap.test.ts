import { describe, expect, it } from "vitest";
import { keyName, splitKeys, type InkKey } from "../../source/ui/key-names.js";
import { actionFor, appliesTo, BINDINGS, bindingFor, keyTableMarkdown } from "../../source/ui/keymap.js";

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
  });

  it("maps the k9s keys to actions", () => {
    expect(actionFor("j")).toBe("down");
    expect(actionFor("down")).toBe("down");
    expect(actionFor("ctrl-r")).toBe("refresh");
    expect(actionFor("G")).toBe("last");
    expect(actionFor("x")).toBeUndefined();
  });

  it("binds the actions to k9s-flavoured keys, each in its own views", () => {
    expect(actionFor("s")).toBe("scale");
    expect(actionFor("r")).toBe("restart");
    expect(actionFor("ctrl-l")).toBe("rollback");
    expect(actionFor("v")).toBe("revision");
    expect(actionFor("X")).toBe("toggleExec");
    expect(actionFor("a")).toBe("autoscaling");
    expect(actionFor("z")).toBe("deployments");
    expect(actionFor("e")).toBe("editScaling");
    expect(actionFor("space")).toBe("mark");
    expect(actionFor("ctrl-k")).toBe("stopTasks");
    expect(appliesTo(bindingFor("s")!, "services")).toBe(true);
    expect(appliesTo(bindingFor("s")!, "tasks")).toBe(false);
    expect(appliesTo(bindingFor("ctrl-k")!, "tasks")).toBe(true);
    expect(appliesTo(bindingFor("j")!, "autoscaling")).toBe(true);
  });

  it("has no key bound twice, and marks every action that sends a mutation", () => {
    const keys = BINDINGS.flatMap((binding) => binding.keys);
    expect(new Set(keys).size).toBe(keys.length);
    const mutating = BINDINGS.filter((binding) => binding.mutates).map((binding) => binding.action);
    expect(mutating.sort()).toEqual(
      ["editScaling", "restart", "revision", "rollback", "scale", "stopTasks", "toggleExec"].sort(),
    );
  });

  it("says where each key works in the README table", () => {
    const table = keyTableMarkdown();
    expect(table.split("\n")[0]).toBe("| Keys | Action | Where |");
    expect(table).toContain("| `s` | Scale | services |");
    expect(table).toContain("| `/` | Filter | any list |");
  });
});
