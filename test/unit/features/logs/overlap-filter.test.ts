// The same event delivered by two APIs is taken once; the same line logged twice is kept twice.
import { describe, expect, it } from "vitest";
import { OverlapFilter } from "../../../../source/features/logs/overlap-filter.js";

const T = Date.UTC(2026, 10, 26, 12, 0, 0);

describe("OverlapFilter", () => {
  it("drops an event another origin delivered, once per copy it delivered", () => {
    const filter = new OverlapFilter();
    expect(filter.accept("live#1", "g", "s", T, "hello")).toBe(true);
    expect(filter.accept("live#1", "g", "s", T, "hello")).toBe(true); // logged twice in that ms
    expect(filter.accept("id", "g", "s", T, "hello")).toBe(false);
    expect(filter.accept("id", "g", "s", T, "hello")).toBe(false);
    // A third copy from polling has no Live Tail copy left to match: it is a new line.
    expect(filter.accept("id", "g", "s", T, "hello")).toBe(true);
    // …which Live Tail's next session may bring again.
    expect(filter.accept("live#2", "g", "s", T, "hello")).toBe(false);
    expect(filter.accept("live#2", "g", "s", T, "hello")).toBe(true);
  });

  it("tells events apart by group, stream, time and text", () => {
    const filter = new OverlapFilter();
    expect(filter.accept("live#1", "g", "s", T, "a")).toBe(true);
    expect(filter.accept("id", "g2", "s", T, "a")).toBe(true);
    expect(filter.accept("id", "g", "s2", T, "a")).toBe(true);
    expect(filter.accept("id", "g", "s", T + 1, "a")).toBe(true);
    expect(filter.accept("id", "g", "s", T, "b")).toBe(true);
    expect(filter.accept("id", "g", "s", T, "a")).toBe(false);
  });

  it("remembers events within its window, forgets older ones, and keeps no more than its cap", () => {
    const filter = new OverlapFilter({ windowMs: 1_000, maxEntries: 100 });
    filter.accept("live#1", "g", "s", T, "old");
    filter.accept("live#1", "g", "s", T + 1_000, "edge");
    // The newest event is a whole window after the first: the first is on the edge, still matched.
    expect(filter.size).toBe(2);
    expect(filter.accept("id", "g", "s", T, "old")).toBe(false);
    // One millisecond later it is out of the window: forgotten, not merely let through.
    filter.accept("live#1", "g", "s", T + 1_001, "later");
    expect(filter.size).toBe(2);
    filter.accept("live#1", "g", "s", T + 5_000, "new");
    expect(filter.size).toBe(1);
    // An event older than the window is new whatever it is, and is not remembered.
    expect(filter.accept("id", "g", "s", T + 1_000, "edge")).toBe(true);
    expect(filter.size).toBe(1);
    expect(filter.accept("id", "g", "s", T + 5_000, "new")).toBe(false);
    for (let i = 0; i < 1_000; i++) filter.accept("live#1", "g", "s", T + 5_000, `line ${i}`);
    expect(filter.size).toBe(100);
  });
});
