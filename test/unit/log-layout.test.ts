import { describe, expect, it } from "vitest";
import type { LogLine } from "../../source/logs/log-line.js";
import { INITIAL_PANE } from "../../source/store/log-pane.js";
import { formatTimestamp, lineRows, MAX_LINE_CHARS, paneRows } from "../../source/ui/log-pane/layout.js";

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
const text = (rows: { text: string }[][]) => rows.map((row) => row.map((s) => s.text).join(""));
const options = { width: 60, now: Date.UTC(2026, 10, 26, 10, 6, 7), showSource: false };

describe("log line layout", () => {
  it("renders hostile lines inert: no escape sequence, CR or BS reaches the terminal", () => {
    const rows = lineRows(
      line("\u001b[2J\u001b]52;c;ZXZpbA==\u0007red\u001b[31m!\rX\b"),
      { ...INITIAL_PANE, timestamps: "off" },
      options,
    );
    const shown = text(rows).join("");
    expect(shown).toBe("red!\ufffdX\ufffd");
  });

  it("caps very long lines for layout and says how much was cut", () => {
    const rows = lineRows(
      line("x".repeat(20_000)),
      { ...INITIAL_PANE, timestamps: "off", wrap: true },
      {
        ...options,
        width: 1000,
      },
    );
    const shown = text(rows).join("");
    expect(shown.length).toBeLessThan(MAX_LINE_CHARS + 100);
    expect(shown).toContain(`(${20_000 - MAX_LINE_CHARS} more characters)`);
  });

  it("pretty-prints JSON on demand and highlights search matches", () => {
    const rows = lineRows(
      line('{"level":"error","msg":"payment failed"}'),
      { ...INITIAL_PANE, timestamps: "off", pretty: true, search: "FAILED" },
      options,
    );
    expect(text(rows)).toEqual(["{", '  "level": "error",', '  "msg": "payment failed"', "}"]);
    expect(rows[2]!.some((segment) => segment.highlight && segment.text === "failed")).toBe(true);
  });

  it("formats timestamps in UTC, relative or not at all", () => {
    const at = line("x").timestamp;
    expect(formatTimestamp(at, "utc", options.now)).toBe("10:05:07.042Z");
    expect(formatTimestamp(at, "relative", options.now).trim()).toBe("59s ago");
    expect(formatTimestamp(at, "off", options.now)).toBe("");
  });

  it("fills the pane from the bottom with the newest lines, or ending at the paused line", () => {
    const many = Array.from({ length: 50 }, (_, i) => line(`m${i}`, { id: `e${i}`, timestamp: 1_000 * i }));
    const view = { ...INITIAL_PANE, timestamps: "off" as const };
    expect(text(paneRows(many, view, { ...options, height: 3 }))).toEqual(["m47", "m48", "m49"]);
    expect(
      text(
        paneRows(
          many,
          { ...view, follow: false, anchor: { timestamp: many[10]!.timestamp, id: "e10" } },
          { ...options, height: 2 },
        ),
      ),
    ).toEqual(["m9", "m10"]);
  });
});
