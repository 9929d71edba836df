// Wrapping and horizontal scroll by terminal columns: whatever the mix of ASCII, CJK, emoji and
// combining marks, rows stay within the width and no character is split.
import { describe, expect, it } from "vitest";
import { cutColumns, textColumns, wrapStarts } from "../../../../source/ui/log-pane/columns.js";
import { stringWidth } from "../../../../source/ui/text-fit.js";

const PIECES = ["a", "b", " ", "日", "本", "😀", "👨‍👩‍👧", "🇫🇷", "é", "e\u0301", "✅", "ｱ"];
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function randomText(random: () => number): string {
  return Array.from(
    { length: Math.floor(random() * 40) },
    () => PIECES[Math.floor(random() * PIECES.length)],
  ).join("");
}

describe("text columns", () => {
  it("counts terminal columns, not code units", () => {
    expect(textColumns("abc")).toBe(3);
    expect(textColumns("日本語")).toBe(6);
    expect(textColumns("😀")).toBe(2);
    expect(textColumns("👨‍👩‍👧")).toBe(2);
    expect(textColumns("e\u0301")).toBe(1);
  });

  it.each([1, 2, 3, 4, 5, 6])("wraps and cuts random mixed text within the width (seed %i)", (seed) => {
    const random = seeded(seed);
    for (let round = 0; round < 200; round++) {
      const text = randomText(random);
      const width = 2 + Math.floor(random() * 12);
      const starts = wrapStarts(text, width);
      const rows = starts.map((start, i) => text.slice(start, starts[i + 1] ?? text.length));
      expect(rows.join("")).toBe(text);
      for (const row of rows) {
        expect(stringWidth(row), row).toBeLessThanOrEqual(width);
        expect(row).not.toMatch(LONE_SURROGATE);
      }
      const from = Math.floor(random() * 20);
      const cut = cutColumns(text, from, width);
      const shown = text.slice(cut.start, cut.end);
      expect(shown).not.toMatch(LONE_SURROGATE);
      expect(cut.lead + stringWidth(shown)).toBeLessThanOrEqual(width);
      expect(cut.lead).toBeLessThanOrEqual(1);
    }
  });

  it("puts a wide character that would cross the edge on the next row", () => {
    expect(wrapStarts("ab日本", 3)).toEqual([0, 2, 3]);
    expect(wrapStarts("a😀b", 2)).toEqual([0, 1, 3]);
    // One too wide for any row still gets a row of its own.
    expect(wrapStarts("日本", 1)).toEqual([0, 1]);
  });

  it("blanks the half of a wide character cut off at the left edge", () => {
    expect(cutColumns("日本語", 1, 4)).toEqual({ start: 1, end: 2, lead: 1 }); // " 本": 語 would cross
    expect(cutColumns("日本語", 2, 4)).toEqual({ start: 1, end: 3, lead: 0 });
    expect(cutColumns("plain text", 6, 3)).toEqual({ start: 6, end: 9, lead: 0 });
    expect(cutColumns("short", 10, 5)).toEqual({ start: 5, end: 5, lead: 0 });
  });

  it("cuts the start of a long wide line as it cuts a short one, and measures it whole after", () => {
    const long = "日".repeat(5_000);
    expect(cutColumns(long, 10, 20)).toEqual({ start: 5, end: 15, lead: 0 });
    expect(cutColumns(long, 11, 20)).toEqual({ start: 6, end: 15, lead: 1 });
    expect(textColumns(long)).toBe(10_000);
    expect(cutColumns(long, 9_990, 20)).toEqual({ start: 4_995, end: 5_000, lead: 0 });
  });
});
