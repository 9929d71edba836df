import { describe, expect, it } from "vitest";
import { sanitizeCell } from "../../../../source/core/text/sanitize.js";

describe("sanitizeCell", () => {
  it.each([
    ["colour CSI", "\u001b[31mred\u001b[0m", "red"],
    ["cursor movement", "a\u001b[2Jb\u001b[10;10Hc", "abc"],
    ["OSC 52 clipboard write", "x\u001b]52;c;ZXZpbA==\u0007y", "xy"],
    ["OSC title with ST", "x\u001b]0;pwned\u001b\\y", "xy"],
    ["DCS", "x\u001bPq#0;2;0;0;0\u001b\\y", "xy"],
    ["8-bit CSI", "x\u009b31my", "xy"],
  ])("removes %s", (_name, input, output) => {
    expect(sanitizeCell(input)).toBe(output);
  });

  it("makes carriage returns, backspaces and bells visible instead of acting on them", () => {
    expect(sanitizeCell("ok\rEVIL\b\u0007")).toBe("ok\ufffdEVIL\ufffd\ufffd");
  });

  it("turns tabs into spaces and leaves normal text alone", () => {
    expect(sanitizeCell("a\tb ünïcödé 日本")).toBe("a b ünïcödé 日本");
  });
});
