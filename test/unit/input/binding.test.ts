// A keymap: bindings looked up by key, hints, and other keys making another keymap.
import { describe, expect, it } from "vitest";
import { Keymap, keyLabel, type Binding } from "../../../source/input/binding.js";

const keymap = new Keymap<Binding<"open" | "close" | "other" | "unbound">>([
  { action: "open", keys: ["enter", "o"], description: "Open", hint: true },
  { action: "close", keys: ["esc"], description: "Close", hint: true },
  { action: "other", keys: ["o"], description: "Other", hint: false },
  { action: "unbound", keys: [], description: "Nothing", hint: true },
]);

describe("Keymap", () => {
  it("finds every binding of a key in list order, and what a key asks for", () => {
    expect(keymap.bindingsOf("o").map((binding) => binding.action)).toEqual(["open", "other"]);
    expect(keymap.bindingsOf("x")).toEqual([]);
    expect(keymap.actionOf("esc")).toBe("close");
    expect(keymap.actionOf("x")).toBeUndefined();
    expect(keymap.bindingOf("other")?.description).toBe("Other");
  });

  it("hints are the bindings marked for them that have a key", () => {
    expect(keymap.hints().map((binding) => binding.action)).toEqual(["open", "close"]);
  });

  it("other keys make another keymap and leave this one as it was", () => {
    const moved = keymap.withKeys({ open: ["space"], close: [] });
    expect(moved.actionOf("space")).toBe("open");
    expect(moved.bindingsOf("enter")).toEqual([]);
    expect(moved.bindingsOf("esc")).toEqual([]);
    expect(moved.bindingOf("other")).toBe(keymap.bindingOf("other"));
    expect(keymap.actionOf("enter")).toBe("open");
    expect(keymap.bindingOf("open")?.keys).toEqual(["enter", "o"]);
  });

  it("labels keys the way k9s does", () => {
    expect(keyLabel({ keys: ["pgdn", "ctrl-f"] })).toBe("<pgdn> <ctrl-f>");
  });
});
