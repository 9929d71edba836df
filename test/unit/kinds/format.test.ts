import { describe, expect, it } from "vitest";
import { formatAge } from "../../../source/kinds/format.js";

describe("formatAge", () => {
  const now = Date.UTC(2026, 0, 10, 12, 0, 0);
  const ago = (seconds: number) => new Date(now - seconds * 1000);
  it.each([
    [5, "5s"],
    [65, "1m5s"],
    [600, "10m"],
    [3600 + 240, "1h4m"],
    [2 * 86400 + 3 * 3600, "2d3h"],
    [400 * 86400, "1y"],
  ])("%i seconds is %s", (seconds, text) => {
    expect(formatAge(ago(seconds), now)).toBe(text);
  });
  it("is empty for unknown times and never negative", () => {
    expect(formatAge(undefined, now)).toBe("");
    expect(formatAge(new Date(now + 5000), now)).toBe("0s");
  });
});
