// The open pane outside React: how data and keys become frames, the "N new lines" badge, copy, save
// and the history window's notices, against a follower the test drives.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { FollowerState } from "../../../../source/features/logs/log-follower.js";
import { LogBuffer } from "../../../../source/features/logs/log-buffer.js";
import type { LogLine } from "../../../../source/features/logs/log-line.js";
import {
  clipboardText,
  DATA_FRAME_MS,
  LogPaneStore,
  type LogPaneOutputs,
  type PaneFollower,
} from "../../../../source/features/logs/log-pane-store.js";

let next = 0;
const line = (message = `line ${next}`): LogLine => {
  next += 1;
  return {
    id: `e${String(next).padStart(6, "0")}`,
    timestamp: 1_000 * next,
    taskId: "0123456789abcdef0123456789abcdef",
    container: "app",
    stream: "s",
    group: "g",
    message,
  };
};
const batch = (count: number) => Array.from({ length: count }, () => line());

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

function setup(capacity = 1_000) {
  const listeners = new Set<() => void>();
  let state: FollowerState = {
    mode: "live",
    sources: [],
    sampled: false,
    skipped: [],
    historyWindowMs: 300_000,
  };
  const emit = () => listeners.forEach((listener) => listener());
  const history = deferred<number>();
  const follower = {
    buffer: new LogBuffer(capacity),
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getState: () => state,
    stop: vi.fn(),
    loadOlder: vi.fn(async () => 0),
    setHistoryWindow: vi.fn((windowMs: number) => {
      state = { ...state, historyWindowMs: windowMs };
      emit();
      return history.promise;
    }),
  } satisfies PaneFollower;
  const outputs: LogPaneOutputs = { save: vi.fn(() => "/tmp/saved.log"), copy: vi.fn() };
  const onClose = vi.fn();
  const pane = new LogPaneStore("logs(prod/web)", follower, outputs, onClose);
  let frames = 0;
  pane.subscribe(() => (frames += 1));
  const add = (lines: LogLine[]) => {
    follower.buffer.add(lines);
    emit();
  };
  const press = (...keys: string[]) =>
    keys.forEach((key) => pane.handleKey(key, key.length === 1 ? key : ""));
  const view = () => pane.getSnapshot().view;
  return { pane, follower, outputs, onClose, add, press, view, history, frames: () => frames };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("LogPaneStore", () => {
  it("shows new data at most every DATA_FRAME_MS, and answers keys at once", () => {
    const { add, press, frames, pane } = setup();
    for (let i = 0; i < 10; i++) add(batch(50));
    expect(frames()).toBe(0);
    vi.advanceTimersByTime(DATA_FRAME_MS - 1);
    expect(frames()).toBe(0);
    vi.advanceTimersByTime(1);
    expect(frames()).toBe(1);
    expect(pane.lines().length).toBe(500);

    add(batch(5));
    press(" "); // the key's frame carries the pending data too…
    expect(frames()).toBe(2);
    vi.advanceTimersByTime(DATA_FRAME_MS * 3);
    expect(frames()).toBe(2); // …so no data frame follows it
  });

  it("counts the lines that arrive while paused, even when the full buffer drops as many", () => {
    const { add, press, view } = setup(100);
    add(batch(100));
    vi.advanceTimersByTime(DATA_FRAME_MS);
    press(" ");
    add(batch(30));
    add(batch(40));
    vi.advanceTimersByTime(DATA_FRAME_MS);
    expect(view()).toMatchObject({ follow: false, unseen: 70 });
    press("G");
    expect(view()).toMatchObject({ follow: true, unseen: 0 });
    add(batch(10));
    vi.advanceTimersByTime(DATA_FRAME_MS);
    expect(view().unseen).toBe(0);
  });

  it("copies the current line's text without escape sequences or control characters", () => {
    const { add, press, outputs, view } = setup();
    add([
      line("\u001b[31mred\u001b[0m\tok\r\nnext\u0007 \u001b]52;c;ZXZpbA==\u0007end\u009b2J"),
      line("newest"),
    ]);
    press(" ", "k", "c");
    expect(outputs.copy).toHaveBeenCalledWith("red\tok\nnext end");
    expect(view().notice).toBe("copied the line to the clipboard");
    press("j");
    expect(view().notice).toBeUndefined();
  });

  it("says where it saved the lines, or why it could not", () => {
    const { add, press, outputs, view } = setup();
    add(batch(3));
    press("ctrl-s");
    expect(view().notice).toBe("saved 3 lines to /tmp/saved.log");
    vi.mocked(outputs.save).mockImplementation(() => {
      throw new Error("EACCES: permission denied");
    });
    press("ctrl-s");
    expect(view().notice).toBe("could not save: EACCES: permission denied");
  });

  it("pages by the height the pane last drew, whatever the terminal's", () => {
    const { add, press, pane, view } = setup();
    const lines = batch(50);
    add(lines);
    pane.setGeometry({ rows: 5, rowsOf: () => 1 });
    press(" ", "pgup");
    expect(view().cursor?.id).toBe(lines[44]!.id);
    pane.setGeometry({ rows: 20, rowsOf: () => 1 });
    press("pgup");
    expect(view().cursor?.id).toBe(lines[24]!.id);
  });

  it("scrolls the current line back on screen when the pane gets shorter", () => {
    const { add, press, pane, view, frames } = setup();
    const lines = batch(50);
    add(lines);
    pane.setGeometry({ rows: 20, rowsOf: () => 1 });
    press(" ", ...Array<string>(15).fill("k"));
    expect(view()).toMatchObject({ cursor: { id: lines[34]!.id }, anchor: { id: lines[49]!.id } });
    const before = frames();
    pane.setGeometry({ rows: 5, rowsOf: () => 1 });
    expect(view()).toMatchObject({ cursor: { id: lines[34]!.id }, anchor: { id: lines[38]!.id } });
    expect(frames()).toBe(before + 1);
    pane.setGeometry({ rows: 5, rowsOf: () => 1 }); // the same height again: nothing to do
    expect(frames()).toBe(before + 1);
  });

  it("loads a longer history window and says how many older lines came", async () => {
    const { press, follower, view, history } = setup();
    press("H");
    expect(follower.setHistoryWindow).toHaveBeenCalledWith(15 * 60_000);
    expect(view().notice).toBe("loading history back to 15m ago…");
    history.resolve(1_234);
    await vi.advanceTimersByTimeAsync(0);
    expect(view().notice).toBe("loaded 1,234 older lines (history 15m)");
  });

  it("says why no older lines came: none there, or a full buffer", async () => {
    const empty = setup();
    empty.press("H");
    empty.history.resolve(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(empty.view().notice).toBe("history 15m: no older lines to load");

    const full = setup(10);
    full.add(batch(10));
    full.press("H");
    full.history.resolve(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(full.view().notice).toBe("history 15m: no older lines loaded, the buffer is full");
  });

  it("shows a failed history load, and nothing once the pane is closed", async () => {
    const failed = setup();
    failed.press("H");
    failed.history.reject(new Error("ThrottlingException"));
    await vi.advanceTimersByTimeAsync(0);
    expect(failed.view().notice).toBe("history 15m: ThrottlingException");

    const closed = setup();
    closed.press("H", "q");
    expect(closed.follower.stop).toHaveBeenCalled();
    expect(closed.onClose).toHaveBeenCalled();
    const framesAtClose = closed.frames();
    closed.history.resolve(5);
    await vi.advanceTimersByTimeAsync(DATA_FRAME_MS);
    expect(closed.frames()).toBe(framesAtClose);
  });
});

describe("clipboardText", () => {
  it("keeps the text, tabs and line breaks of a message", () => {
    expect(clipboardText('{"msg":"a\\tb"}\tx\ny')).toBe('{"msg":"a\\tb"}\tx\ny');
    expect(clipboardText("日本語 😀")).toBe("日本語 😀");
  });

  it("drops what could act on a terminal the text is pasted into", () => {
    expect(clipboardText("a\u001b[201~b")).toBe("ab"); // the end of a bracketed paste
    expect(clipboardText("a\u001bPq#0;2;0;0;0\u001b\\b")).not.toContain("\u001b");
    expect(clipboardText("a\rb\bc\u0000d\u007fe\u0085f")).toBe("a\nbcdef");
  });
});
