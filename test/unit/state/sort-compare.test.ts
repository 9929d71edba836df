import { describe, expect, it } from "vitest";
import { compareSortKeys, sortKeyOf, type SortValue } from "../../../source/state/sort-compare.js";

const sorted = (values: SortValue[], descending = false) =>
  [...values].sort((a, b) => compareSortKeys(sortKeyOf(a), sortKeyOf(b), descending));

describe("sort comparison", () => {
  it("compares numbers as numbers, not as text", () => {
    expect(sorted(["10", "9", "100", "0", "-3", "2.5"])).toEqual(["-3", "0", "2.5", "9", "10", "100"]);
    expect(sorted([12, 3, 7])).toEqual([3, 7, 12]);
  });

  it("compares k9s ages as durations", () => {
    expect(sorted(["3d4h", "12h", "45s", "2m5s", "1y", "9m", "23h59m"])).toEqual([
      "45s",
      "2m5s",
      "9m",
      "12h",
      "23h59m",
      "3d4h",
      "1y",
    ]);
  });

  it("compares counts like 3/4 by their first number, then the second", () => {
    expect(sorted(["10/12", "3/4", "3/10", "0/1"])).toEqual(["0/1", "3/4", "3/10", "10/12"]);
    expect(sorted(["1024/2048", "256/512", "512/1024"])).toEqual(["256/512", "512/1024", "1024/2048"]);
  });

  it("compares text without case, in natural order", () => {
    expect(sorted(["web-10", "Web-2", "api", "CART", "web-1"])).toEqual([
      "api",
      "CART",
      "web-1",
      "Web-2",
      "web-10",
    ]);
    expect(sorted(["checkout:10", "checkout:9"])).toEqual(["checkout:9", "checkout:10"]);
    expect(sorted(["10.0.1.12", "10.0.1.5", "10.0.0.200"])).toEqual(["10.0.0.200", "10.0.1.5", "10.0.1.12"]);
  });

  it("reverses when descending, and keeps blank cells last either way", () => {
    const values = ["b", "", "c", "-", undefined, "a"];
    expect(sorted(values)).toEqual(["a", "b", "c", "", "-", undefined]);
    expect(sorted(values, true)).toEqual(["c", "b", "a", "", "-", undefined]);
    expect(sorted([2, Number.NaN, 1], true)).toEqual([2, 1, Number.NaN]);
  });

  it("puts numbers before text", () => {
    expect(sorted(["RUNNING", "3", "PENDING", "1"])).toEqual(["1", "3", "PENDING", "RUNNING"]);
  });

  it("says that equal cells tie, whatever their case or direction", () => {
    const ties = (a: SortValue, b: SortValue, descending = false) =>
      compareSortKeys(sortKeyOf(a), sortKeyOf(b), descending) === 0;
    expect(ties("Prod", "prod")).toBe(true);
    expect(ties("5", 5, true)).toBe(true);
    expect(ties("", "-", true)).toBe(true);
    expect(ties("web-2", "web-10")).toBe(false);
  });
});
