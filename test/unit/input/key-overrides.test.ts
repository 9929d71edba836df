// The config file's "keys": checked against the bindings (unknown actions, bad key names, a way out
// kept, no key meaning two things in one view), then made into the session's keymap for the
// dispatcher and help.
import { describe, expect, it } from "vitest";
import { keyOverridesProblem } from "../../../source/input/key-overrides.js";
import { helpScrollKeys } from "../../../source/input/help-sections.js";
import { bindingIn, TABLE_KEYMAP } from "../../../source/input/table-keys.js";
import { KINDS } from "../../../source/kinds/registry.js";

const BINDINGS = TABLE_KEYMAP.bindings;

describe("keyOverridesProblem", () => {
  it("finds nothing wrong with the defaults, nor with a key moved to a free one", () => {
    expect(keyOverridesProblem(BINDINGS, {})).toBeUndefined();
    expect(keyOverridesProblem(BINDINGS, { shell: ["!"], toggleExec: [] })).toBeUndefined();
    // ctrl-k stops tasks in tasks and forwards in port forwards: different views, no clash.
    expect(keyOverridesProblem(BINDINGS, { stopTasks: ["ctrl-k", "K"] })).toBeUndefined();
  });

  it.each([
    [{ shel: ["S"] }, /^"shel" is not an action \(known: .*shell.*\)$/],
    [{ shell: ["Shift-S"] }, /^shell: "Shift-S" is not a key name/],
    [{ shell: ["ctrl-1"] }, /^shell: "ctrl-1" is not a key name/],
    [{ quit: [] }, /^quit cannot be unbound/],
    [{ sort: ["s"] }, /^the sort letters come from the columns/],
    [{ back: [] }, /^back cannot be unbound/],
    // A key every view has (j) given to a view's action.
    [{ shell: ["j"] }, /^"j" would mean both shell and down in containers, tasks$/],
    // Two actions of the same view on one key.
    [{ deployments: ["r"] }, /^"r" would mean both restart and deployments in services$/],
  ])("refuses %j", (overrides, problem) => {
    expect(keyOverridesProblem(BINDINGS, overrides)).toMatch(problem);
  });
});

describe("a keymap with the overrides", () => {
  it("moves and removes keys for the dispatcher and help", () => {
    const keymap = TABLE_KEYMAP.withKeys({ shell: ["!"], logs: [] });
    expect(bindingIn(keymap, "!", "containers")?.action).toBe("shell");
    expect(bindingIn(keymap, "s", "containers")).toBe(keymap.bindingOf("scale"));
    expect(keymap.bindingOf("shell")!.keys).toEqual(["!"]);
    expect(bindingIn(keymap, "l", "services")).toBeUndefined();
    expect(keymap.bindingOf("logs")!.keys).toEqual([]);
  });

  it("is a new keymap: the defaults stay as they are", () => {
    const keymap = TABLE_KEYMAP.withKeys({ shell: ["!"] });
    expect(keymap).not.toBe(TABLE_KEYMAP);
    expect(TABLE_KEYMAP.bindingOf("shell")!.keys).toEqual(["s"]);
    expect(bindingIn(TABLE_KEYMAP, "!", "containers")).toBeUndefined();
    expect(bindingIn(TABLE_KEYMAP, "s", "containers")?.action).toBe("shell");
  });

  it("keeps what a moved key says where it does not work", () => {
    const keymap = TABLE_KEYMAP.withKeys({ shell: ["!"] });
    const shell = bindingIn(keymap, "!", "services")!;
    expect(shell.disabledReason?.({ kind: KINDS.services, noRow: () => undefined })).toBe(
      "Shell: in the containers or tasks view",
    );
  });

  it("names the keys that scroll help as they are bound", () => {
    expect(helpScrollKeys(TABLE_KEYMAP)).toBe("j/k pgdn/pgup");
    const keymap = TABLE_KEYMAP.withKeys({ down: ["ctrl-n"], up: ["ctrl-p"], pageUp: ["ctrl-u"] });
    expect(helpScrollKeys(keymap)).toBe("ctrl-n/ctrl-p pgdn/ctrl-u");
  });
});
