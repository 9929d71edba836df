import { describe, expect, it } from "vitest";
import { topOf } from "../../../source/state/app-state.js";
import { closedFilter, editedFilter, openedFilter } from "../../../source/state/filter-prompt.js";
import { withDialog } from "../../../source/state/overlay.js";
import { visibleRows } from "../../../source/state/view-rows.js";
import { clusterRow, stateWith } from "./state-fixtures.js";

const ROWS = ["dev", "prod", "staging"].map((name) => clusterRow(name));

describe("filter prompt", () => {
  it("opens with the view's filter as the draft, and filters as the draft is typed", () => {
    const state = stateWith(ROWS);
    const open = { ...state, ...openedFilter({ ...state, stack: [{ ...state.stack[0]!, filter: "d" }] }) };
    expect(open.overlay).toEqual({ type: "filter", draft: "d", cursor: 1 });
    const step = editedFilter(open, "pro");
    const typed = { ...open, ...step.patch };
    expect(typed.overlay).toEqual({ type: "filter", draft: "pro", cursor: 3 });
    expect(visibleRows(typed, topOf(typed))).toEqual([ROWS[1]]);
    expect(step.flash).toBeUndefined();
  });

  it("says how a field filter reads while it is typed", () => {
    const step = editedFilter({ ...stateWith(ROWS), ...openedFilter(stateWith(ROWS)) }, "nosuch:x");
    expect(step.flash).toMatch(
      /^no column "nosuch" here, so the whole text is matched; columns: name, status/,
    );
  });

  it("enter keeps the filter, esc drops it; a dialog over the prompt stays", () => {
    const state = stateWith(ROWS);
    const typed = { ...state, ...openedFilter(state) };
    const filtered = { ...typed, ...editedFilter(typed, "st").patch };
    const kept = { ...filtered, ...closedFilter(filtered, true) };
    expect(kept.overlay).toEqual({ type: "none" });
    expect(topOf(kept).filter).toBe("st");
    expect(topOf({ ...filtered, ...closedFilter(filtered, false) }).filter).toBe("");
    const dialog = { kind: "busy" as const, title: "t", text: "x" };
    const covered = { ...filtered, overlay: withDialog(filtered.overlay, dialog) };
    expect(closedFilter(covered, true).overlay).toEqual({ type: "dialog", dialog, under: { type: "none" } });
  });
});
