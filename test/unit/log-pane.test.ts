import { describe, expect, it, vi } from "vitest";
import type { LogLine } from "../../source/logs/log-line.js";
import {
  bottomIndex,
  INITIAL_PANE,
  paneKey,
  type PaneEffects,
  type PaneView,
} from "../../source/store/log-pane.js";

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
    close: vi.fn(() => void calls.push("close")),
  };
}

function keys(view: PaneView, sequence: string[], fx = effects(), page = 10): PaneView {
  return sequence.reduce((v, key) => paneKey(v, key, key.length === 1 ? key : "", lines, page, fx), view);
}

describe("log pane keys", () => {
  it("pauses on space or when scrolling up, and follows again at the bottom", () => {
    const paused = keys(INITIAL_PANE, [" "]);
    expect(paused).toMatchObject({ follow: false, anchor: { id: "e99" } });
    expect(keys(INITIAL_PANE, ["k"])).toMatchObject({ follow: false, anchor: { id: "e98" } });
    expect(keys(paused, ["j"])).toMatchObject({ follow: true });
    expect(keys(paused, ["G"])).toMatchObject({ follow: true, unseen: 0 });
  });

  it("searches with / and moves between matches with n and N, wrapping around", () => {
    const found = keys(INITIAL_PANE, ["/", "E", "R", "R", "enter"]);
    expect(found).toMatchObject({ search: "ERR", follow: false, anchor: { id: "e93" }, prompt: undefined });
    expect(keys(found, ["N"]).anchor?.id).toBe("e83");
    expect(keys(found, ["n"]).anchor?.id).toBe("e3");
    expect(keys(found, ["esc"])).toMatchObject({ search: "" });
    // From the live end, "next" starts at the oldest match.
    expect(keys({ ...INITIAL_PANE, search: "ERR" }, ["n"]).anchor?.id).toBe("e3");
  });

  it("keeps search distinct from the & filter, which hides lines", () => {
    const filtered = keys(INITIAL_PANE, ["&", "b", "o", "o", "m", "enter"]);
    expect(filtered).toMatchObject({ filter: "boom", search: "" });
    expect(keys(INITIAL_PANE, ["&", "x", "esc"]).filter).toBe("");
    // esc clears the filter before it closes the pane.
    const fx = effects();
    expect(keys(filtered, ["esc"], fx).filter).toBe("");
    expect(fx.calls).toEqual([]);
  });

  it("keeps a paused view on its line when old lines go and late lines arrive above it", () => {
    const paused = keys(INITIAL_PANE, [" ", "k", "k"]); // bottom line e97
    expect(bottomIndex(lines, paused)).toBe(97);
    const fewer = lines.slice(10); // the ring buffer dropped the 10 oldest
    expect(fewer[bottomIndex(fewer, paused)]!.id).toBe("e97");
    const late = [...lines.slice(0, 50), line(50.5), ...lines.slice(50)]; // a late line earlier in time
    expect(late[bottomIndex(late, paused)]!.id).toBe("e97");
    const gone = lines.filter((l) => l.id !== "e97");
    expect(gone[bottomIndex(gone, paused)]!.id).toBe("e96");
  });

  it("ignores movement keys while there is nothing to show", () => {
    const view = paneKey(INITIAL_PANE, "k", "k", [], 10, effects());
    expect(view.follow).toBe(true);
  });

  it("loads older lines when scrolling up near the oldest one, not before", () => {
    const far = effects();
    keys(INITIAL_PANE, ["k", "k"], far);
    expect(far.calls).toEqual([]);
    const near = effects();
    const top = keys(
      INITIAL_PANE,
      ["pgup", "pgup", "pgup", "pgup", "pgup", "pgup", "pgup", "pgup", "pgup"],
      near,
    );
    expect(bottomIndex(lines, top)).toBe(9);
    near.calls.length = 0;
    keys(top, ["k"], near);
    expect(near.calls).toEqual(["older"]);
  });

  it("toggles wrap, timestamps, JSON and full screen, and scrolls sideways", () => {
    const view = keys(INITIAL_PANE, ["w", "t", "J", "f"]);
    expect(view).toMatchObject({ wrap: true, timestamps: "utc", pretty: true, fullscreen: true });
    expect(keys(INITIAL_PANE, ["l", "l", "h"]).hscroll).toBe(20);
    expect(keys(view, ["l"]).hscroll).toBe(0); // no sideways scroll while wrapping
  });

  it("saves, copies the current line and closes", () => {
    const fx = effects();
    keys(INITIAL_PANE, [" ", "k", "c", "ctrl-s", "q"], fx);
    expect(fx.calls).toEqual(["copy e98", "save", "close"]);
  });
});
