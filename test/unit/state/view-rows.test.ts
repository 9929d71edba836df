import { describe, expect, it } from "vitest";
import { cacheKey, topOf } from "../../../source/state/app-state.js";
import { keysOnScreen, noRowHere, rowAtCursor, visibleRows } from "../../../source/state/view-rows.js";
import { clusterRow, stateWith } from "./state-fixtures.js";

const ROWS = ["dev", "prod", "staging", "test"].map((name) => clusterRow(name));
const KEY = cacheKey("clusters", {});

describe("view rows", () => {
  it("shows the cached rows after the view's filter; the cursor's row is among them", () => {
    const state = stateWith(ROWS);
    const filtered = { ...state, stack: [{ ...topOf(state), filter: "ging" }] };
    expect(visibleRows(filtered, topOf(filtered))).toEqual([ROWS[2]]);
    expect(rowAtCursor(filtered)).toBe(ROWS[2]);
    expect(rowAtCursor({ ...state, stack: [{ ...topOf(state), cursor: 3 }] })).toBe(ROWS[3]);
  });

  it("says why there is no row under the cursor", () => {
    expect(noRowHere(stateWith(undefined))).toBe("no row here: the list is still loading");
    expect(noRowHere(stateWith([]))).toBe("no row here: the list is empty");
    const state = stateWith(ROWS);
    expect(noRowHere({ ...state, stack: [{ ...topOf(state), filter: "zzz" }] })).toBe(
      "no row here: nothing matches the filter",
    );
    const failure = {
      kind: "denied",
      operation: "ListClusters",
      code: "AccessDenied",
      message: "no",
    } as const;
    const failed = { ...state, cache: new Map([[KEY, { failure, changed: new Map() }]]) };
    expect(noRowHere(failed)).toBe("no row here: the list did not load");
  });

  it("knows which loaded rows would be on screen, for the view on top only", () => {
    const state = { ...stateWith(ROWS), viewportRows: 2 };
    const scrolled = { ...state, stack: [{ ...topOf(state), top: 1 }] };
    expect([...keysOnScreen(scrolled, KEY, ROWS)]).toEqual([ROWS[1]!.arn, ROWS[2]!.arn]);
    expect(keysOnScreen(scrolled, "services|x", ROWS).size).toBe(0);
  });
});
