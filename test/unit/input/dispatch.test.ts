// The dispatcher with a store: the `/` prompt through the line editor, the session's keymap, and
// keys that say why they do nothing here instead of reaching the store.
import { describe, expect, it, vi } from "vitest";
import { dispatchKey, type KeySession } from "../../../source/input/dispatch.js";
import { TABLE_KEYMAP } from "../../../source/input/table-keys.js";
import { AppStore } from "../../../source/state/app-store.js";

function session(keymap = TABLE_KEYMAP): KeySession & { press: (...keys: string[]) => void } {
  const store = new AppStore({ refreshMs: 60_000 });
  const outputs = {
    logs: { save: () => "", copy: () => {} },
    describe: { lines: () => [], copy: () => {} },
    rows: { copy: () => {}, browse: () => false },
  };
  const quit = vi.fn();
  const result = { store, keymap, outputs };
  const press = (...keys: string[]) =>
    keys.forEach((key) => dispatchKey(result, key, key.length === 1 ? key : "", quit));
  return { ...result, press };
}

describe("the / prompt", () => {
  it("edits with the line editor: a cursor, ctrl-u, no control characters", () => {
    const { store, press } = session();
    press("/", "a", "b", "c", "left", "X", "\u001c");
    expect(store.getState().overlay).toEqual({ type: "filter", draft: "abXc", cursor: 3 });
    expect(store.top().filter).toBe("abXc");
    press("ctrl-u");
    expect(store.getState().overlay).toMatchObject({ type: "filter", draft: "c", cursor: 0 });
    press("end", "ctrl-u");
    expect(store.getState().overlay).toMatchObject({ type: "filter", draft: "", cursor: 0 });
    expect(store.top().filter).toBe("");
  });

  it("enter keeps the filter, esc clears it", () => {
    const { store, press } = session();
    press("/", "p", "r", "enter");
    expect(store.getState().overlay.type).toBe("none");
    expect(store.top().filter).toBe("pr");
    press("/", "o", "esc");
    expect(store.top().filter).toBe("");
  });

  it("moving the cursor does not filter again", () => {
    const { store, press } = session();
    press("/", "p", "r");
    const editFilter = vi.spyOn(store, "editFilter");
    const applied = store.top();
    press("left", "home");
    expect(editFilter).toHaveBeenCalledTimes(2);
    expect(store.top()).toBe(applied);
    expect(store.getState().overlay).toMatchObject({ type: "filter", cursor: 0 });
  });
});

describe("table keys", () => {
  it("a key of other views says where it works, for each of its bindings", () => {
    const { store, press } = session();
    press("s");
    expect(store.getState().flash?.text).toBe(
      "<s> Scale: in the services view; Shell: in the containers or tasks view",
    );
  });

  it("a key that acts on the row under the cursor says why there is none, without asking the store", () => {
    const { store, press } = session();
    const openDescribe = vi.spyOn(store, "openDescribe");
    press("d");
    expect(store.getState().flash?.text).toBe("no row here: the list is still loading");
    expect(openDescribe).not.toHaveBeenCalled();
  });

  it("follows the session's keymap, not the defaults", () => {
    const { store, press } = session(TABLE_KEYMAP.withKeys({ filter: ["f"] }));
    press("/");
    expect(store.getState().overlay.type).toBe("none");
    press("f");
    expect(store.getState().overlay.type).toBe("filter");
  });
});
