// Navigation as reducers over a plain state: no store, no terminal.
import { describe, expect, it } from "vitest";
import { cacheKey, topOf } from "../../../source/state/app-state.js";
import {
  cycledTaskSet,
  drilled,
  movedCursor,
  movedTo,
  openedRowView,
  paged,
  repositioned,
  resized,
  sortedBy,
  toggledWide,
  wentBack,
} from "../../../source/state/nav-stack.js";
import { clusterArn } from "../../helpers/fake-gateway.js";
import { clusterRow, stateWith } from "./state-fixtures.js";

const ROWS = ["dev", "prod", "staging", "test", "uat"].map((name) => clusterRow(name));
const PROD = { clusterArn: clusterArn("prod"), clusterName: "prod" };

describe("nav stack", () => {
  it("moves the cursor within the rows and keeps it in the window", () => {
    const state = { ...stateWith(ROWS), viewportRows: 2 };
    expect(topOf({ ...state, ...movedCursor(state, 3) })).toMatchObject({
      cursor: 3,
      top: 2,
      cursorKey: clusterArn("test"),
    });
    expect(topOf({ ...state, ...movedCursor(state, -4) }).cursor).toBe(0);
    expect(topOf({ ...state, ...movedTo(state, "last") }).cursor).toBe(4);
    // A page is the window less one row.
    expect(topOf({ ...state, ...paged(state, 1) }).cursor).toBe(1);
  });

  it("a resize keeps the cursor on its row, and is nothing when the size is the same", () => {
    const state = { ...stateWith(ROWS), viewportRows: 5 };
    const moved = { ...state, ...movedTo(state, "last") };
    expect(resized(moved, 5)).toBeUndefined();
    const smaller = { ...moved, ...resized(moved, 2) };
    expect(smaller.viewportRows).toBe(2);
    expect(topOf(smaller)).toMatchObject({ cursor: 4, top: 3 });
  });

  it("enter opens the row's view and refreshes; without a row it says why", () => {
    const state = stateWith(ROWS);
    const step = drilled({ ...state, ...movedCursor(state, 1) });
    expect(step.refresh).toBe(true);
    expect(step.patch?.stack?.map((view) => view.kind)).toEqual(["clusters", "services"]);
    expect(topOf({ ...state, ...step.patch })).toMatchObject({ scope: PROD, cursor: 0, filter: "" });
    expect(drilled(stateWith(undefined))).toEqual({ flash: "no row here: the list is still loading" });
    expect(drilled(stateWith([]))).toEqual({ flash: "no row here: the list is empty" });
  });

  it("esc clears the filter first, then pops the view and its marks; the last view stays", () => {
    const state = stateWith(
      [],
      [
        { kind: "clusters", scope: {} },
        { kind: "services", scope: PROD },
      ],
    );
    const services = cacheKey("services", PROD);
    const filtered = {
      ...state,
      stack: [state.stack[0]!, { ...state.stack[1]!, filter: "api" }],
      marks: new Map([[services, new Set(["x"])]]),
    };
    const cleared = wentBack(filtered);
    expect(cleared.refresh).toBeUndefined();
    expect(cleared.patch?.stack?.[1]?.filter).toBe("");
    const popped = wentBack({ ...filtered, ...cleared.patch });
    expect(popped).toMatchObject({ refresh: true, patch: { stack: [state.stack[0]] } });
    expect(popped.patch?.marks?.has(services)).toBe(false);
    expect(wentBack(stateWith(ROWS))).toEqual({});
  });

  it("a row view opens on top, or says why not; a key that does not apply here does nothing", () => {
    const state = stateWith(ROWS);
    const step = openedRowView(state, "instances");
    expect(step.refresh).toBe(true);
    expect(topOf({ ...state, ...step.patch })).toMatchObject({
      kind: "instances",
      scope: { clusterArn: clusterArn("dev"), clusterName: "dev" },
    });
    expect(openedRowView(state, "deployments")).toEqual({});
    expect(openedRowView(stateWith([]), "instances")).toEqual({ flash: "no row here: the list is empty" });
  });

  it("sorts by a column letter with the cursor on its row, or says why the letter sorts nothing", () => {
    const state = { ...stateWith(ROWS), viewportRows: 10 };
    const onProd = { ...state, ...movedCursor(state, 1) };
    const once = { ...onProd, ...sortedBy(onProd, "N").patch };
    const reversed = { ...once, ...sortedBy(once, "N").patch };
    expect(topOf(reversed)).toMatchObject({ sort: { column: "NAME", descending: true }, cursor: 3 });
    expect(sortedBy(state, "Z")).toEqual({ flash: "clusters have no column to sort by with Z" });
  });

  it("ctrl-w turns wide columns on in every view and says so", () => {
    const step = toggledWide(stateWith(ROWS));
    expect(step).toMatchObject({ patch: { wide: true }, flash: "wide columns on" });
    const events = stateWith([], [{ kind: "events", scope: { ...PROD, serviceName: "api" } }]);
    expect(toggledWide(events).flash).toBe("wide columns on (the events view has none)");
  });

  it("t cycles the task set of a tasks view only", () => {
    const tasks = stateWith([], [{ kind: "tasks", scope: { ...PROD, serviceName: "api" } }]);
    const step = cycledTaskSet(tasks);
    expect(step.refresh).toBe(true);
    expect(step.flash).toMatch(/^showing stopped tasks/);
    expect(topOf({ ...tasks, ...step.patch }).scope.taskSet).toBe("stopped");
    expect(cycledTaskSet(stateWith(ROWS))).toEqual({});
  });

  it("rows that arrive keep the cursor on its row, in the views they were loaded for", () => {
    const state = stateWith(ROWS);
    const onProd = { ...state, ...movedCursor(state, 1) };
    const key = cacheKey("clusters", {});
    const alpha = new Map([[key, { rows: [clusterRow("alpha"), ...ROWS], changed: new Map() }]]);
    const arrived = { ...onProd, cache: alpha };
    expect(topOf({ ...arrived, ...repositioned(arrived, key) })).toMatchObject({ cursor: 2 });
    expect(repositioned(arrived, "other").stack?.[0]).toBe(onProd.stack[0]);
  });
});
