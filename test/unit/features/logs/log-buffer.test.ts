// The log ring buffer: time order whatever the arrival order, de-duplication by event id, bounded
// memory with a visible "dropped" marker, history prepended from above, sampling markers.
import { describe, expect, it } from "vitest";
import { LogBuffer } from "../../../../source/features/logs/log-buffer.js";
import type { LogLine } from "../../../../source/features/logs/log-line.js";

const line = (id: string, timestamp: number, container = "app"): LogLine => ({
  id,
  timestamp,
  taskId: "t1",
  container,
  stream: `ecs/${container}/t1`,
  group: "/ecs/web",
  message: `message ${id}`,
});

const ids = (buffer: LogBuffer) => buffer.slice(0, buffer.length).map((l) => l.id);

describe("LogBuffer", () => {
  it("keeps lines sorted by timestamp then id, interleaving containers", () => {
    const buffer = new LogBuffer(10);
    expect(buffer.add([line("b", 20, "app"), line("a", 10, "sidecar")])).toBe(2);
    expect(buffer.add([line("d", 15, "sidecar"), line("c", 30, "app")])).toBe(2);
    expect(buffer.add([line("e2", 15, "app"), line("e1", 15, "app")])).toBe(2);
    expect(ids(buffer)).toEqual(["a", "d", "e1", "e2", "b", "c"]);
    expect(buffer.at(0)?.id).toBe("a");
    expect(buffer.at(6)).toBeUndefined();
    expect(buffer.slice(4, 99).map((l) => l.id)).toEqual(["b", "c"]);
  });

  it("merges a large late batch in order", () => {
    const buffer = new LogBuffer(1_000);
    buffer.add(Array.from({ length: 100 }, (_, i) => line(`n${String(i).padStart(3, "0")}`, i * 2)));
    buffer.add(Array.from({ length: 100 }, (_, i) => line(`o${String(i).padStart(3, "0")}`, i * 2 + 1)));
    const times = buffer.slice(0, buffer.length).map((l) => l.timestamp);
    expect(times).toEqual(Array.from({ length: 200 }, (_, i) => i));
  });

  it("drops repeats by id and bumps the version only on change", () => {
    const buffer = new LogBuffer(10);
    buffer.add([line("a", 1), line("b", 2)]);
    const version = buffer.version;
    expect(buffer.add([line("a", 1), line("b", 2)])).toBe(0);
    expect(buffer.version).toBe(version);
    expect(buffer.add([line("c", 3), line("c", 3)])).toBe(1);
    expect(buffer.version).toBe(version + 1);
    expect(buffer.length).toBe(3);
  });

  it("evicts the oldest lines when full, counts them and shows a marker at the top", () => {
    const buffer = new LogBuffer(3);
    buffer.add([line("a", 1), line("b", 2), line("c", 3)]);
    expect(buffer.markers()).toEqual([]);
    buffer.add([line("d", 4), line("e", 5)]);
    expect(ids(buffer)).toEqual(["c", "d", "e"]);
    expect(buffer.dropped).toBe(2);
    expect(buffer.markers()).toEqual([{ afterId: undefined, kind: "dropped", count: 2 }]);
    // An evicted id may come back (the buffer no longer knows it), and is evicted again at once.
    buffer.add([line("a", 1)]);
    expect(ids(buffer)).toEqual(["c", "d", "e"]);
    expect(buffer.dropped).toBe(3);
  });

  it("stays bounded over many overflows", () => {
    const buffer = new LogBuffer(100);
    for (let batch = 0; batch < 50; batch++) {
      buffer.add(Array.from({ length: 37 }, (_, i) => line(`${batch}-${i}`, batch * 100 + i)));
    }
    expect(buffer.length).toBe(100);
    expect(buffer.dropped).toBe(50 * 37 - 100);
    expect(buffer.at(99)?.id).toBe("49-36");
  });

  it("prepends older history into free room only", () => {
    const buffer = new LogBuffer(4);
    buffer.add([line("c", 30), line("d", 40)]);
    expect(buffer.addOlder([line("a", 10), line("b", 20), line("c", 30)])).toBe(2);
    expect(ids(buffer)).toEqual(["a", "b", "c", "d"]);
    expect(buffer.addOlder([line("z", 5)])).toBe(0);
    expect(buffer.dropped).toBe(0);
    // With room for one of two, the newer one is kept, and the other can come later.
    const partial = new LogBuffer(3);
    partial.add([line("c", 30), line("d", 40)]);
    expect(partial.addOlder([line("a", 10), line("b", 20)])).toBe(1);
    expect(ids(partial)).toEqual(["b", "c", "d"]);
  });

  it("records Live Tail sampling after the newest line, merging consecutive updates", () => {
    const buffer = new LogBuffer(3);
    buffer.add([line("a", 1)]);
    buffer.markSampled();
    buffer.markSampled();
    buffer.add([line("b", 2)]);
    buffer.markSampled();
    expect(buffer.markers()).toEqual([
      { afterId: "a", kind: "sampled", count: 2 },
      { afterId: "b", kind: "sampled", count: 1 },
    ]);
    buffer.add([line("c", 3), line("d", 4)]); // "a" is evicted, and its marker with it
    expect(buffer.markers()).toEqual([
      { afterId: undefined, kind: "dropped", count: 1 },
      { afterId: "b", kind: "sampled", count: 1 },
    ]);
  });

  it("finds buffered lines by time and id, and forgets evicted ones", () => {
    const buffer = new LogBuffer(2);
    buffer.add([line("a", 1), line("b", 2)]);
    expect(buffer.has(1, "a")).toBe(true);
    expect(buffer.has(2, "a")).toBe(false);
    buffer.add([line("c", 3)]);
    expect(buffer.has(1, "a")).toBe(false);
    expect(buffer.add([line("b", 2), line("c", 3)])).toBe(0);
  });

  it("places a skipped range after the last line before it, in order with other markers", () => {
    const buffer = new LogBuffer(10);
    buffer.add([line("a", 10), line("b", 20), line("c", 30)]);
    buffer.markSampled();
    buffer.markSkipped("/ecs/web", 15, 25);
    buffer.markSkipped("/ecs/web", 5, 8);
    expect(buffer.markers()).toEqual([
      { afterId: undefined, kind: "skipped", count: 1, skipped: { group: "/ecs/web", from: 5, to: 8 } },
      { afterId: "a", kind: "skipped", count: 1, skipped: { group: "/ecs/web", from: 15, to: 25 } },
      { afterId: "c", kind: "sampled", count: 1 },
    ]);
  });

  it("counts lines older than a full buffer as dropped without taking them in", () => {
    const buffer = new LogBuffer(2);
    buffer.add([line("b", 20), line("c", 30)]);
    const version = buffer.version;
    expect(buffer.add([line("a", 10), line("d", 40)])).toBe(1);
    expect(ids(buffer)).toEqual(["c", "d"]);
    expect(buffer.dropped).toBe(2); // "a" and then "b"
    expect(buffer.added).toBe(3);
    expect(buffer.firstChangeSince(version)?.id).toBe("d");
    expect(buffer.add([line("a", 10)])).toBe(0);
    expect(buffer.version).toBe(version + 1);
  });

  it("keeps a skipped range at the top while it reaches into what is buffered", () => {
    const buffer = new LogBuffer(3);
    buffer.add([line("a", 10), line("b", 20), line("c", 30)]);
    buffer.add([line("d", 40)]); // "a" evicted: the live range starts after the array's start
    buffer.markSkipped("/ecs/web", 5, 35);
    buffer.markSkipped("/ecs/web", 1, 4);
    expect(buffer.markers().filter((m) => m.kind === "skipped")).toEqual([
      { afterId: undefined, kind: "skipped", count: 1, skipped: { group: "/ecs/web", from: 5, to: 35 } },
      { afterId: undefined, kind: "skipped", count: 1, skipped: { group: "/ecs/web", from: 1, to: 4 } },
    ]);
    buffer.add([line("e", 50)]); // "b" evicted; 1-4 is long gone, 5-35 still reaches "c"
    expect(
      buffer
        .markers()
        .filter((m) => m.kind === "skipped")
        .map((m) => m.skipped?.from),
    ).toEqual([5]);
    buffer.add([line("f", 60)]); // "c" evicted: 5-35 no longer reaches anything buffered
    expect(buffer.markers().filter((m) => m.kind === "skipped")).toEqual([]);
  });
});
