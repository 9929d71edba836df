import { describe, expect, it, vi } from "vitest";
import type { LineList, LogLine } from "../../../../source/features/logs/log-line.js";
import {
  bottomIndex,
  cursorIndex,
  INITIAL_PANE,
  paneKey,
  visibleRange,
  type PaneEffects,
  type PaneGeometry,
  type PaneView,
} from "../../../../source/features/logs/log-pane.js";
import { formatDuration, parseDuration } from "../../../../source/features/logs/durations.js";

const line = (i: number, message = `line ${i}`): LogLine => ({
  id: `e${i}`,
  timestamp: 1_000 * i,
  taskId: "0123456789abcdef0123456789abcdef",
  container: "app",
  stream: "ecs/app/0123456789abcdef0123456789abcdef",
  group: "/ecs/app",
  message,
});
const lines = Array.from({ length: 100 }, (_, i) => line(i, i % 10 === 3 ? `ERROR boom ${i}` : `ok ${i}`));

function effects(): PaneEffects & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    save: vi.fn(() => void calls.push("save")),
    copy: vi.fn((l: LogLine) => void calls.push(`copy ${l.id}`)),
    loadOlder: vi.fn(() => void calls.push("older")),
    setHistoryWindow: vi.fn((ms: number) => void calls.push(`history ${ms}`)),
    close: vi.fn(() => void calls.push("close")),
  };
}

/** Ten rows; every line one row unless `rowsOf` says otherwise. */
const TEN_ROWS: PaneGeometry = { rows: 10, rowsOf: () => 1 };

function keys(
  view: PaneView,
  sequence: string[],
  fx = effects(),
  options: { geometry?: PaneGeometry; shown?: LineList; historyWindowMs?: number } = {},
): PaneView {
  const context = {
    shown: options.shown ?? lines,
    geometry: options.geometry ?? TEN_ROWS,
    historyWindowMs: options.historyWindowMs ?? 5 * 60_000,
    effects: fx,
  };
  return sequence.reduce((v, key) => paneKey(v, key, key.length === 1 ? key : "", context), view);
}

const paused = keys(INITIAL_PANE, [" "]);

describe("log pane keys", () => {
  it("pauses on space with the current line on the newest one, and follows again past it", () => {
    expect(paused).toMatchObject({ follow: false, anchor: { id: "e99" }, cursor: { id: "e99" } });
    expect(keys(paused, ["j"])).toMatchObject({ follow: true, cursor: undefined });
    expect(keys(paused, [" "])).toMatchObject({ follow: true });
    expect(keys({ ...paused, unseen: 4 }, ["G"])).toMatchObject({ follow: true, unseen: 0 });
  });

  it("moves the current line within the screen, and scrolls only when it leaves it", () => {
    // From following, k pauses one line up without moving the screen.
    expect(keys(INITIAL_PANE, ["k"])).toMatchObject({ anchor: { id: "e99" }, cursor: { id: "e98" } });
    const up = keys(paused, ["k", "k", "k"]);
    expect(up).toMatchObject({ anchor: { id: "e99" }, cursor: { id: "e96" } });
    // Ten rows show e90…e99; one above e90 scrolls by one line.
    const above = keys(paused, Array<string>(10).fill("k"));
    expect(above).toMatchObject({ cursor: { id: "e89" }, anchor: { id: "e98" } });
    expect(visibleRange(lines, above, TEN_ROWS)).toEqual({ first: 89, last: 98 });
    const down = keys(above, Array<string>(10).fill("j"));
    expect(down).toMatchObject({ cursor: { id: "e99" }, anchor: { id: "e99" }, follow: false });
  });

  it("keeps the current line wholly on screen when lines take several rows", () => {
    // Every third line wraps to four rows.
    const geometry: PaneGeometry = { rows: 10, rowsOf: (_, index) => (index % 3 === 0 ? 4 : 1) };
    let view = keys(paused, [], undefined, { geometry });
    for (let step = 0; step < 30; step++) {
      view = keys(view, ["k"], undefined, { geometry });
      const range = visibleRange(lines, view, geometry);
      const cursor = cursorIndex(lines, view);
      expect(cursor).toBe(98 - step);
      expect(cursor).toBeGreaterThanOrEqual(range.first);
      expect(cursor).toBeLessThanOrEqual(range.last);
    }
  });

  it("pages by the screen's own height, the current line keeping its place", () => {
    const page = keys(paused, ["pgup"]);
    expect(page).toMatchObject({ anchor: { id: "e89" }, cursor: { id: "e89" } });
    const tall = keys(paused, ["pgup"], undefined, { geometry: { rows: 30, rowsOf: () => 1 } });
    expect(tall).toMatchObject({ anchor: { id: "e69" }, cursor: { id: "e69" } });
    expect(keys(page, ["pgdn"])).toMatchObject({ anchor: { id: "e99" }, follow: false });
    expect(keys(page, ["pgdn", "pgdn"])).toMatchObject({ follow: true });
  });

  it("shows a full screen from the oldest line, and loads older lines near it, not before", () => {
    const fx = effects();
    const top = keys(paused, ["g"], fx);
    expect(top.cursor?.id).toBe("e0");
    expect(visibleRange(lines, top, TEN_ROWS)).toEqual({ first: 0, last: 9 });
    expect(fx.calls).toEqual(["older"]);

    const far = effects();
    keys(paused, ["k", "k", "pgup"], far);
    expect(far.calls).toEqual([]);
    const near = effects();
    const nearTop = keys(paused, Array<string>(89).fill("k"), near); // current line e10
    expect(near.calls).toEqual([]);
    keys(nearTop, ["k"], near);
    expect(near.calls).toEqual(["older"]);
  });

  it("keeps a paused view on its line when old lines go and late lines arrive above it", () => {
    const view = keys(paused, ["k", "k"]); // current line e97, bottom e99
    expect(cursorIndex(lines, view)).toBe(97);
    const fewer = lines.slice(10); // the ring buffer dropped the 10 oldest
    expect(fewer[cursorIndex(fewer, view)]!.id).toBe("e97");
    expect(fewer[bottomIndex(fewer, view)]!.id).toBe("e99");
    const late = [...lines.slice(0, 50), line(50.5), ...lines.slice(50)]; // a late line earlier in time
    expect(late[cursorIndex(late, view)]!.id).toBe("e97");
    const gone = lines.filter((l) => l.id !== "e97");
    expect(gone[cursorIndex(gone, view)]!.id).toBe("e96");
  });

  it("searches with / and moves the current line between matches with n and N, wrapping around", () => {
    const found = keys(INITIAL_PANE, ["/", "E", "R", "R", "enter"]);
    expect(found).toMatchObject({ search: "ERR", follow: false, cursor: { id: "e93" }, prompt: undefined });
    expect(keys(found, ["N"]).cursor?.id).toBe("e83");
    expect(keys(found, ["n"]).cursor?.id).toBe("e3");
    // A match off screen comes to the middle of it.
    const far = keys(found, ["n"]);
    expect(visibleRange(lines, far, TEN_ROWS)).toEqual({ first: 0, last: 9 });
    expect(visibleRange(lines, keys(found, ["N", "N"]), TEN_ROWS)).toEqual({ first: 69, last: 78 });
    expect(keys(found, ["esc"])).toMatchObject({ search: "" });
    // From the live end, "next" starts at the oldest match.
    expect(keys({ ...INITIAL_PANE, search: "ERR" }, ["n"]).cursor?.id).toBe("e3");
    expect(keys({ ...INITIAL_PANE, search: "nothing" }, ["n"]).notice).toBe('no line matches "nothing"');
  });

  it("keeps search distinct from the & filter, which hides lines", () => {
    const filtered = keys(paused, ["&", "b", "o", "o", "m", "enter"]);
    expect(filtered).toMatchObject({ filter: "boom", search: "", follow: true, cursor: undefined });
    expect(keys(INITIAL_PANE, ["&", "x", "esc"]).filter).toBe("");
    // esc clears the filter before it closes the pane.
    const fx = effects();
    expect(keys(filtered, ["esc"], fx).filter).toBe("");
    expect(fx.calls).toEqual([]);
  });

  it("edits the / and & prompts with the line editor: a cursor, ctrl-u, no control characters", () => {
    const refined = keys({ ...INITIAL_PANE, filter: "boom" }, ["&", "left", "left", "\u001c", "X"]);
    expect(refined).toMatchObject({ prompt: "filter", draft: "boXom", draftCursor: 3 });
    expect(keys(refined, ["ctrl-u"])).toMatchObject({ draft: "om", draftCursor: 0 });
    expect(keys(refined, ["ctrl-e", "ctrl-u", "o", "k", "enter"])).toMatchObject({ filter: "ok" });
    // Typed into a prompt, the pane's keys are text.
    expect(keys(INITIAL_PANE, ["/", "q", "j"])).toMatchObject({ prompt: "search", draft: "qj" });
  });

  it("ignores movement keys while there is nothing to show", () => {
    expect(keys(INITIAL_PANE, ["k", "pgup", "g", " "], undefined, { shown: [] })).toEqual(INITIAL_PANE);
  });

  it("pretty-prints JSON of the current line when paused, of every line when following", () => {
    const all = keys(INITIAL_PANE, ["J"]);
    expect(all).toMatchObject({ pretty: true, follow: true });
    const one = keys(paused, ["k", "J"]);
    expect(one.pretty).toBe(false);
    expect([...one.prettyFlipped]).toEqual(["e98"]);
    expect([...keys(one, ["J"]).prettyFlipped]).toEqual([]);
    expect(keys({ ...one, follow: true }, ["J"])).toMatchObject({ pretty: true, prettyFlipped: new Set() });
  });

  it("toggles wrap, timestamps and full screen, and scrolls sideways", () => {
    const view = keys(INITIAL_PANE, ["w", "t", "f"]);
    expect(view).toMatchObject({ wrap: true, timestamps: "utc", fullscreen: true });
    expect(keys(INITIAL_PANE, ["l", "l", "h"]).hscroll).toBe(20);
    expect(keys(INITIAL_PANE, ["l", "0"]).hscroll).toBe(0);
    expect(keys(view, ["l"]).hscroll).toBe(0); // no sideways scroll while wrapping
  });

  it("copies the current line (the newest while following), saves and closes", () => {
    const fx = effects();
    keys(INITIAL_PANE, ["c", " ", "k", "k", "c", "ctrl-s", "q"], fx);
    expect(fx.calls).toEqual(["copy e99", "copy e97", "save", "close"]);
  });

  it("shows help on ?, and the next key only closes it", () => {
    const help = keys(paused, ["?"]);
    expect(help.help).toBe(true);
    const fx = effects();
    expect(keys(help, ["q"], fx)).toEqual(paused);
    expect(fx.calls).toEqual([]);
  });

  it("steps the history window through 1m, 5m, 15m and 1h, then asks for one", () => {
    const step = (historyWindowMs: number) => {
      const fx = effects();
      const view = keys(INITIAL_PANE, ["H"], fx, { historyWindowMs });
      return { view, calls: fx.calls };
    };
    expect(step(30_000).calls).toEqual(["history 60000"]);
    expect(step(60_000).calls).toEqual(["history 300000"]);
    expect(step(5 * 60_000).calls).toEqual(["history 900000"]);
    expect(step(15 * 60_000).calls).toEqual(["history 3600000"]);
    const asked = step(60 * 60_000);
    expect(asked.calls).toEqual([]);
    expect(asked.view.prompt).toBe("history");

    const fx = effects();
    const typed = keys(asked.view, ["9", "0", "s", "enter"], fx);
    expect(fx.calls).toEqual(["history 90000"]);
    expect(typed.prompt).toBeUndefined();
    const bad = effects();
    const refused = keys(asked.view, ["1", "0", "enter"], bad);
    expect(bad.calls).toEqual([]);
    expect(refused).toMatchObject({
      prompt: undefined,
      notice: '"10" is not a duration like 90s, 10m or 2h: nothing changed',
    });
  });
});

describe("history window durations", () => {
  it("reads seconds, minutes, hours and days, alone or combined", () => {
    expect(parseDuration("90s")).toBe(90_000);
    expect(parseDuration("10m")).toBe(600_000);
    expect(parseDuration(" 2H ")).toBe(7_200_000);
    expect(parseDuration("1h30m")).toBe(5_400_000);
    expect(parseDuration("1d")).toBe(86_400_000);
  });

  it("refuses what is not a positive duration", () => {
    for (const text of ["", "10", "0s", "-5m", "5 minutes", "1.5h", "m", "99999999999999999999h"])
      expect(parseDuration(text), text).toBeUndefined();
  });

  it("writes durations the way they are typed", () => {
    expect(formatDuration(60_000)).toBe("1m");
    expect(formatDuration(90_000)).toBe("1m30s");
    expect(formatDuration(5_400_000)).toBe("1h30m");
    expect(formatDuration(7_200_000)).toBe("2h");
  });
});
