// The config file's "keys": checked against the bindings (unknown actions, bad key names, a way out
// kept, no key meaning two things in one view), then installed for the dispatcher and help.
import { afterEach, describe, expect, it } from "vitest";
import { keyOverridesProblem } from "../../../source/input/key-overrides.js";
import { helpScrollKeys } from "../../../source/ui/help-sections.js";
import { applyKeyOverrides, BINDINGS, bindingFor, bindingOf } from "../../../source/input/keymap.js";

const DEFAULTS = BINDINGS.map((binding) => [...binding.keys]);

afterEach(() => {
  BINDINGS.forEach((binding, index) => (binding.keys = DEFAULTS[index]!));
  applyKeyOverrides({});
});

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

describe("applyKeyOverrides", () => {
  it("moves and removes keys for the dispatcher and help", () => {
    applyKeyOverrides({ shell: ["!"], logs: [] });
    expect(bindingFor("!", "containers")?.action).toBe("shell");
    expect(bindingFor("s", "containers")).toBe(bindingOf("scale"));
    expect(bindingOf("shell").keys).toEqual(["!"]);
    expect(bindingFor("l", "services")).toBeUndefined();
    expect(bindingOf("logs").keys).toEqual([]);
  });

  it("names the keys that scroll help as they are bound", () => {
    expect(helpScrollKeys()).toBe("j/k pgdn/pgup");
    applyKeyOverrides({ down: ["ctrl-n"], up: ["ctrl-p"], pageUp: ["ctrl-u"] });
    expect(helpScrollKeys()).toBe("ctrl-n/ctrl-p pgdn/ctrl-u");
  });
});
