import { describe, expect, it } from "vitest";
import { placeCursor, type ViewEntry } from "../../../source/state/view-cursor.js";

const view = (cursor: number, top: number, cursorKey?: string): ViewEntry => ({
  kind: "services",
  scope: {},
  cursor,
  top,
  cursorKey,
  filter: "",
});
const keys = (n: number) => Array.from({ length: n }, (_, i) => `row-${i}`);

describe("placeCursor", () => {
  it("follows the selected row when rows are inserted above it", () => {
    const placed = placeCursor(view(3, 0, "row-3"), ["new-a", "new-b", ...keys(10)], 5, "row-3");
    expect(placed).toMatchObject({ cursor: 5, cursorKey: "row-3", top: 1 });
  });

  it("stays at the same index, clamped, when the selected row disappears", () => {
    expect(placeCursor(view(8, 5, "row-8"), keys(6), 5, "row-8")).toMatchObject({ cursor: 5, top: 1 });
    expect(placeCursor(view(2, 0, "gone"), [], 5, "gone")).toMatchObject({
      cursor: 0,
      top: 0,
      cursorKey: undefined,
    });
  });

  it("scrolls just enough to keep the cursor in the window", () => {
    expect(placeCursor(view(0, 0), keys(100), 10, undefined, 15)).toMatchObject({ cursor: 15, top: 6 });
    expect(placeCursor(view(15, 6), keys(100), 10, undefined, 3)).toMatchObject({ cursor: 3, top: 3 });
    expect(placeCursor(view(15, 6), keys(100), 10, undefined, 10)).toMatchObject({ cursor: 10, top: 6 });
  });
});
