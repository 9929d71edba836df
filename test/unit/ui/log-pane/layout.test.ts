import { describe, expect, it } from "vitest";
import { LogBuffer } from "../../../../source/features/logs/log-buffer.js";
import type { LogLine } from "../../../../source/features/logs/log-line.js";
import { INITIAL_PANE, type PaneView } from "../../../../source/features/logs/log-pane.js";
import {
  formatTimestamp,
  highlight,
  indexMarkers,
  markerText,
  lineRows,
  MAX_LINE_CHARS,
  paneRows,
  type Row,
} from "../../../../source/ui/log-pane/layout.js";
import { stringWidth } from "../../../../source/ui/text-fit.js";

const line = (message: string, extra: Partial<LogLine> = {}): LogLine => ({
  id: "e1",
  timestamp: Date.UTC(2026, 10, 26, 10, 5, 7, 42),
  taskId: "0123456789abcdef0123456789abcdef",
  container: "app",
  stream: "s",
  group: "g",
  message,
  ...extra,
});
/** The rows' text, without the blanks that stretch the current line's bar. */
const text = (rows: Row[]) =>
  rows.map((row) =>
    row.segments
      .map((s) => s.text)
      .join("")
      .trimEnd(),
  );
const noMarkers = indexMarkers([]);
const options = { width: 60, now: Date.UTC(2026, 10, 26, 10, 6, 7), showSource: false, markers: noMarkers };
const plain: PaneView = { ...INITIAL_PANE, timestamps: "off" };
const many = Array.from({ length: 50 }, (_, i) => line(`m${i}`, { id: `e${i}`, timestamp: 1_000 * i }));
const pausedAt = (i: number, cursor = i): PaneView => ({
  ...plain,
  follow: false,
  anchor: { timestamp: 1_000 * i, id: `e${i}` },
  cursor: { timestamp: 1_000 * cursor, id: `e${cursor}` },
});

describe("log line layout", () => {
  it("renders hostile lines inert: no escape sequence, CR or BS reaches the terminal", () => {
    const rows = lineRows(line("\u001b[2J\u001b]52;c;ZXZpbA==\u0007red\u001b[31m!\rX\b"), plain, options);
    expect(text(rows).join("")).toBe("red!\ufffdX\ufffd");
  });

  it("caps very long lines for layout and says how much was cut, without splitting an emoji", () => {
    const rows = lineRows(line("x".repeat(20_000)), { ...plain, wrap: true }, { ...options, width: 1000 });
    const shown = text(rows).join("");
    expect(shown.length).toBeLessThan(MAX_LINE_CHARS + 100);
    expect(shown).toContain(`(${20_000 - MAX_LINE_CHARS} more characters)`);
    // An emoji (two code units) straddling the cap is left out whole.
    const emoji = `${"x".repeat(MAX_LINE_CHARS - 1)}😀${"y".repeat(10)}`;
    const capped = text(lineRows(line(emoji), { ...plain, wrap: true }, { ...options, width: 1000 })).join(
      "",
    );
    expect(capped).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(capped).toContain(`(${emoji.length - (MAX_LINE_CHARS - 1)} more characters)`);
  });

  it("pretty-prints JSON on demand and highlights search matches", () => {
    const rows = lineRows(
      line('{"level":"error","msg":"payment failed"}'),
      { ...plain, pretty: true, search: "FAILED" },
      options,
    );
    expect(text(rows)).toEqual(["{", '  "level": "error",', '  "msg": "payment failed"', "}"]);
    expect(rows[2]!.segments.some((segment) => segment.highlight && segment.text === "failed")).toBe(true);
    // J on one line flips it alone.
    const json = line('{"a":1}');
    expect(text(lineRows(json, { ...plain, prettyFlipped: new Set(["e1"]) }, options))).toHaveLength(3);
    expect(text(lineRows(json, { ...plain, pretty: true, prettyFlipped: new Set(["e1"]) }, options))).toEqual(
      ['{"a":1}'],
    );
  });

  it("highlights matches where lower-casing would change the text's length", () => {
    const segments = highlight("İstanbul error ERROR", "error", {});
    expect(segments.filter((s) => s.highlight).map((s) => s.text)).toEqual(["error", "ERROR"]);
    expect(segments.map((s) => s.text).join("")).toBe("İstanbul error ERROR");
  });

  it("formats timestamps in UTC, relative or not at all", () => {
    const at = line("x").timestamp;
    expect(formatTimestamp(at, "utc", options.now)).toBe("10:05:07.042Z");
    expect(formatTimestamp(at, "relative", options.now).trim()).toBe("59s ago");
    expect(formatTimestamp(at, "off", options.now)).toBe("");
  });
});

describe("wide characters", () => {
  const cjk = "日本語のログ行です。エラーが発生しました";
  const emoji = "deploy 🚀 done ✅ team 👨‍👩‍👧 ok 🇫🇷 end";

  it("wraps by terminal columns: no row wider than the pane, no character split", () => {
    for (const message of [cjk, emoji, `ab${cjk}`]) {
      const rows = text(lineRows(line(message), { ...plain, wrap: true }, { ...options, width: 11 }));
      expect(rows.join("")).toBe(message);
      for (const row of rows) expect(stringWidth(row), row).toBeLessThanOrEqual(11);
      // Full rows: a row ends early only when the next character would not fit.
      expect(rows.slice(0, -1).every((row) => stringWidth(row) >= 10)).toBe(true);
    }
    expect(text(lineRows(line(cjk), { ...plain, wrap: true }, { ...options, width: 10 }))).toEqual([
      "日本語のロ",
      "グ行です。",
      "エラーが発",
      "生しました",
    ]);
  });

  it("scrolls sideways by columns, blanking half a wide character at the left edge", () => {
    const rows = (hscroll: number) =>
      text(lineRows(line(cjk), { ...plain, hscroll }, { ...options, width: 11 }))[0]!;
    expect(rows(0)).toBe("日本語のロ"); // 10 columns: the next character would cross the edge
    expect(rows(2)).toBe("本語のログ");
    expect(rows(3)).toBe(" 語のログ行"); // 本 straddles column 3
    const emojiRows = text(lineRows(line(emoji), { ...plain, hscroll: 8 }, { ...options, width: 11 }))[0]!;
    expect(emojiRows).toBe("  done ✅ t"); // half of 🚀 is cut off: a blank stands for it
    expect(emojiRows).not.toMatch(/[\uD800-\uDFFF]/);
  });

  it("keeps the source prefix and highlights aligned with wide text", () => {
    const rows = lineRows(
      line(`错误 error 错误`),
      { ...plain, search: "error" },
      { ...options, showSource: true },
    );
    expect(text(rows)).toEqual(["01234567/app 错误 error 错误"]);
    expect(rows[0]!.segments.find((s) => s.highlight)?.text).toBe("error");
  });
});

describe("pane rows", () => {
  it("fills the pane from the bottom with the newest lines, or ending at the paused line", () => {
    expect(text(paneRows(many, plain, { ...options, height: 3 }))).toEqual(["m47", "m48", "m49"]);
    expect(text(paneRows(many, pausedAt(10), { ...options, height: 2 }))).toEqual(["m9", "m10"]);
  });

  it("fills the screen below the oldest line instead of leaving it half empty", () => {
    expect(text(paneRows(many, pausedAt(1), { ...options, height: 4 }))).toEqual(["m0", "m1", "m2", "m3"]);
  });

  it("draws the current line as a bar across the pane, and no bar while following", () => {
    const rows = paneRows(many, pausedAt(10, 9), { ...options, height: 3 });
    expect(rows.map((row) => row.cursor ?? false)).toEqual([false, true, false]);
    expect(stringWidth(rows[1]!.segments.map((s) => s.text).join(""))).toBe(options.width);
    expect(paneRows(many, plain, { ...options, height: 3 }).some((row) => row.cursor)).toBe(false);
  });

  it("shows the top of a current line taller than the pane, and the bottom of any other", () => {
    const json = line(JSON.stringify({ a: 1, b: 2, c: 3, d: 4, e: 5 }), { id: "e0", timestamp: 0 });
    const view = { ...pausedAt(0), pretty: true };
    const current = paneRows([json], view, { ...options, height: 3 });
    expect(text(current)).toEqual(["{", '  "a": 1,', '  "b": 2,']);
    expect(current.every((row) => row.cursor)).toBe(true);
    expect(text(paneRows([json], { ...plain, pretty: true }, { ...options, height: 3 }))).toEqual([
      '  "d": 4,',
      '  "e": 5',
      "}",
    ]);
  });

  it("draws the dropped marker above the oldest line only when it is on screen", () => {
    const buffer = new LogBuffer(40);
    buffer.add(many);
    const markers = indexMarkers(buffer.markers());
    const top = text(paneRows(buffer, pausedAt(11), { ...options, markers, height: 3 }));
    expect(top).toEqual([
      expect.stringMatching(/^── 10 older lines dropped \(buffer full\) ─+$/),
      "m10",
      "m11",
    ]);
    // One line further down, the oldest line is off screen, and so is its marker.
    expect(text(paneRows(buffer, pausedAt(12), { ...options, markers, height: 3 }))).toEqual([
      "m10",
      "m11",
      "m12",
    ]);
    expect(text(paneRows(buffer, plain, { ...options, markers, height: 3 }))).toEqual(["m47", "m48", "m49"]);
  });

  it("draws a Live Tail sampling marker after the line where it happened", () => {
    const buffer = new LogBuffer(100);
    buffer.add(many.slice(0, 20));
    buffer.markSampled();
    buffer.markSampled();
    buffer.add(many.slice(20, 30));
    const markers = indexMarkers(buffer.markers());
    expect(text(paneRows(buffer, pausedAt(21), { ...options, markers, height: 4 }))).toEqual(
      [
        "m18",
        "m19",
        `── Live Tail sampled here (2 updates over 500 events/s) ${"─".repeat(4)}`,
        "m20",
        "m21",
      ].slice(-4),
    );
  });

  it("lays out only the lines on screen, however many are buffered", () => {
    let reads = 0;
    const huge = {
      length: 100_000,
      at: (index: number) => {
        reads += 1;
        return line(`m${index}`, { id: `e${String(index).padStart(6, "0")}`, timestamp: index });
      },
    };
    expect(text(paneRows(huge, plain, { ...options, height: 5 }))).toHaveLength(5);
    expect(reads).toBeLessThan(50);
  });

  it("says which group and time range polling skipped, with control characters made inert", () => {
    const from = new Date(2026, 0, 1, 12, 0, 1).getTime();
    const text = markerText({
      afterId: "e1",
      kind: "skipped",
      count: 1,
      skipped: { group: "/ecs/web\u001b[2J", from, to: from + 30_000 },
    });
    expect(text).toBe("polling fell behind: lines of /ecs/web from 12:00:01 to 12:00:31 skipped (30 s)");
    expect(text).not.toContain("\u001b");
  });
});
