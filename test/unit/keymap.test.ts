import { describe, expect, it } from "vitest";
import { keyName, splitKeys, type InkKey } from "../../source/ui/key-names.js";
import { actionFor } from "../../source/ui/keymap.js";

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
});
