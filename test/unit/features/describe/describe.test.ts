// Reading a description: scrolling by screen rows, search with n/N, esc, copy, and the pane that
// keeps the top line on top when the width changes.
import { describe, expect, it, vi } from "vitest";
import { DescribePane, type DescribeOutputs } from "../../../../source/features/describe/describe-pane.js";
import {
  describeKey,
  INITIAL_DESCRIBE,
  matchingLines,
  oneRowPerLine,
  type DescribeKeyContext,
  type DescribeView,
  type RowMap,
} from "../../../../source/features/describe/describe.js";

/** Line i as `"key<i>": "v"`; lines 10, 40 and 70 mention "needle". */
const LINES = Array.from({ length: 100 }, (_, i) => `  "key${i}": "${i % 30 === 10 ? "Needle" : "v"}",`);

/** Every line one row, except line 5, which wraps onto 4. */
const wrapped: RowMap = {
  total: 103,
  rowOf: (line) => (line <= 5 ? line : line + 3),
  lineAt: (row) => (row <= 5 ? row : row <= 8 ? 5 : row - 3),
};

function reader(map: RowMap = oneRowPerLine(LINES.length), rows = 10) {
  const effects = { copy: vi.fn(), close: vi.fn() };
  const context: DescribeKeyContext = {
    geometry: { rows, map },
    matchesOf: (term) => matchingLines(LINES, term),
    effects,
  };
  let view: DescribeView = INITIAL_DESCRIBE;
  const press = (...keys: string[]) => {
    for (const key of keys) view = describeKey(view, key, key.length === 1 ? key : "", context);
    return view;
  };
  const search = (term: string) => press("/", ...term, "enter");
  return { press, search, effects, view: () => view };
}

describe("describeKey", () => {
  it("scrolls by rows within the description: j/k, pages, g/G", () => {
    const { press } = reader(wrapped);
    expect(press("j", "j").top).toBe(2);
    expect(press("k", "k", "k").top).toBe(0);
    expect(press("pgdn").top).toBe(9);
    expect(press("ctrl-f", "pgdn").top).toBe(27);
    expect(press("pgup").top).toBe(18);
    // The last screenful ends on the last row: 103 rows, 10 on screen.
    expect(press("G").top).toBe(93);
    expect(press("down").top).toBe(93);
    expect(press("home").top).toBe(0);
    expect(press("up").top).toBe(0);
    expect(press("end", "g").top).toBe(0);
  });

  it("a search jumps to the first match from the top of the screen, then n/N step and wrap around", () => {
    const { press, search } = reader();
    press("j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j"); // top at line 12: past line 10
    let view = search("needle");
    expect(view).toMatchObject({ search: "needle", matchLine: 40, prompt: false, notice: undefined });
    // Off screen: brought a third of the way down.
    expect(view.top).toBe(37);
    view = press("n");
    expect(view).toMatchObject({ matchLine: 70, top: 67 });
    view = press("n");
    expect(view).toMatchObject({ matchLine: 10, top: 7, notice: "search wrapped to the top" });
    view = press("N");
    expect(view).toMatchObject({ matchLine: 70, notice: "search wrapped to the bottom" });
    view = press("N");
    expect(view).toMatchObject({ matchLine: 40, notice: undefined });
  });

  it("does not scroll to a match already on screen", () => {
    const { press, search } = reader();
    press("j", "j", "j", "j", "j", "j", "j", "j"); // lines 8-17 on screen
    expect(search("NEEDLE")).toMatchObject({ matchLine: 10, top: 8 });
  });

  it("finds matches by screen row in wrapped lines", () => {
    const { search } = reader(wrapped);
    // Line 40 starts at row 43; the screen's top goes 3 rows above it.
    expect(search("needle")).toMatchObject({ matchLine: 10, top: 10 });
  });

  it("says when nothing matches; the prompt edits, and esc cancels it", () => {
    const { press, search } = reader();
    expect(search("nothing here")).toMatchObject({
      search: "nothing here",
      matchLine: undefined,
      notice: 'nothing matches "nothing here"',
    });
    // The prompt starts from the search, to refine it.
    expect(press("/", "backspace", "a", "b", "backspace", "c")).toMatchObject({
      prompt: true,
      draft: "nothing herac",
    });
    expect(press("esc")).toMatchObject({ prompt: false, draft: "", search: "nothing here" });
    // Typed into the prompt, j and c are text, not keys.
    expect(press("/", "j", "c")).toMatchObject({ top: 0, draft: "nothing herejc" });
    expect(press("enter")).toMatchObject({ prompt: false, search: "nothing herejc" });
  });

  it("the prompt edits with the line editor: a cursor, ctrl-u, no control characters", () => {
    const { press } = reader();
    expect(press("/", "n", "d", "l", "e", "left", "left", "left", "e", "e", "\u001c")).toMatchObject({
      draft: "needle",
      draftCursor: 3,
    });
    expect(press("ctrl-u")).toMatchObject({ draft: "dle", draftCursor: 0 });
    expect(press("ctrl-k", "N", "E", "enter")).toMatchObject({ search: "NE", prompt: false });
  });

  it("esc clears the search first, then closes; q closes at once; c copies", () => {
    const { press, search, effects } = reader();
    search("needle");
    expect(press("esc")).toMatchObject({ search: "", matchLine: undefined });
    expect(effects.close).not.toHaveBeenCalled();
    press("esc");
    expect(effects.close).toHaveBeenCalledTimes(1);
    search("needle");
    press("q");
    expect(effects.close).toHaveBeenCalledTimes(2);
    press("c");
    expect(effects.copy).toHaveBeenCalledTimes(1);
  });
});

describe("DescribePane", () => {
  const outputs = () => ({ lines: () => LINES, copy: vi.fn<DescribeOutputs["copy"]>() });

  it("copies every line of the JSON and says so", () => {
    const out = outputs();
    const pane = new DescribePane("services/web", { any: "object" }, out, () => {});
    pane.handleKey("c", "c");
    expect(out.copy).toHaveBeenCalledWith(LINES.join("\n"));
    expect(pane.getSnapshot().notice).toBe("copied 100 lines of JSON to the clipboard");
    pane.handleKey("j", "j");
    expect(pane.getSnapshot().notice).toBeUndefined();
  });

  it("keeps the top line on top when lines wrap differently, and tells the screen", () => {
    const pane = new DescribePane("tasks/1", {}, outputs(), () => {});
    const listener = vi.fn();
    pane.subscribe(listener);
    pane.setGeometry({ rows: 10, map: oneRowPerLine(LINES.length) });
    for (let i = 0; i < 20; i++) pane.handleKey("j", "j");
    expect(pane.getSnapshot().top).toBe(20);
    pane.setGeometry({ rows: 10, map: wrapped });
    expect(pane.getSnapshot().top).toBe(23);
    expect(listener).toHaveBeenCalledTimes(21);
    pane.setGeometry({ rows: 10, map: wrapped });
    expect(listener).toHaveBeenCalledTimes(21);
  });

  it("remembers the matches of the last search only", () => {
    const pane = new DescribePane("x", {}, outputs(), () => {});
    expect(pane.matchesOf("needle")).toEqual([10, 40, 70]);
    expect(pane.matchesOf("needle")).toBe(pane.matchesOf("needle"));
    expect(pane.matchesOf("")).toEqual([]);
  });
});
