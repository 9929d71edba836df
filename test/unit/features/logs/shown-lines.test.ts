// The lines the pane shows under a filter are kept up to date incrementally; whatever the buffer
// goes through (appends, late lines, history above, eviction, sampling), they must equal filtering
// the whole buffer again.
import { describe, expect, it } from "vitest";
import { LogBuffer } from "../../../../source/features/logs/log-buffer.js";
import type { LineList, LogLine } from "../../../../source/features/logs/log-line.js";
import { ShownLines } from "../../../../source/features/logs/shown-lines.js";

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const ids = (list: LineList) => Array.from({ length: list.length }, (_, i) => list.at(i)!.id);

describe("ShownLines", () => {
  it("is the buffer itself without a filter", () => {
    const buffer = new LogBuffer(10);
    expect(new ShownLines(buffer).get("")).toBe(buffer);
  });

  it("matches case-insensitively and literally (no regex)", () => {
    const buffer = new LogBuffer(10);
    const make = (id: string, message: string): LogLine => ({
      id,
      timestamp: 1,
      taskId: "t",
      container: "app",
      stream: "s",
      group: "g",
      message,
    });
    buffer.add([make("a", "GET /a.b"), make("b", "GET /axb"), make("c", "error")]);
    const shown = new ShownLines(buffer);
    expect(ids(shown.get("a.b"))).toEqual(["a"]);
    expect(ids(shown.get("ERROR"))).toEqual(["c"]);
  });

  it.each([1, 2, 3, 4, 5])("stays equal to a full re-filter through random changes (seed %i)", (seed) => {
    const random = seeded(seed);
    const buffer = new LogBuffer(300);
    const shown = new ShownLines(buffer);
    let next = 0;
    let clock = 100_000;
    const make = (timestamp: number): LogLine => {
      next += 1;
      return {
        id: `e${String(next).padStart(6, "0")}`,
        timestamp,
        taskId: "t",
        container: "app",
        stream: "s",
        group: "g",
        message: random() < 0.3 ? `ERROR ${next}` : `ok ${next}`,
      };
    };
    for (let step = 0; step < 400; step++) {
      const kind = random();
      const count = 1 + Math.floor(random() * 40);
      if (kind < 0.5) {
        clock += 10;
        buffer.add(Array.from({ length: count }, () => make(clock + Math.floor(random() * 5))));
      } else if (kind < 0.8) {
        buffer.add(Array.from({ length: count }, () => make(clock - Math.floor(random() * 400))));
      } else if (kind < 0.9) {
        const oldest = buffer.at(0)?.timestamp ?? clock;
        buffer.addOlder(Array.from({ length: count }, () => make(oldest - Math.floor(random() * 300))));
      } else {
        buffer.markSampled();
      }
      // Read only now and then, so that catch-ups span several changes.
      if (random() < 0.4) {
        const everything = buffer.slice(0, buffer.length);
        expect(ids(shown.get("error"))).toEqual(
          everything.filter((l) => /error/i.test(l.message)).map((l) => l.id),
        );
      }
    }
    expect(buffer.dropped).toBeGreaterThan(0);
  });
});

describe("LogBuffer.firstChangeSince", () => {
  const at = (id: string, timestamp: number): LogLine => ({
    id,
    timestamp,
    taskId: "t",
    container: "app",
    stream: "s",
    group: "g",
    message: id,
  });

  it("names the oldest line added since a version, and nothing when only sampling happened", () => {
    const buffer = new LogBuffer(100);
    buffer.add([at("a", 10), at("b", 20)]);
    const seen = buffer.version;
    expect(buffer.firstChangeSince(seen)).toBeUndefined();
    buffer.markSampled();
    expect(buffer.firstChangeSince(seen)).toBeUndefined();
    buffer.add([at("d", 40)]);
    buffer.add([at("c", 15)]);
    expect(buffer.firstChangeSince(seen)?.id).toBe("c");
  });

  it("sends a reader that fell too far behind back to the first line", () => {
    const buffer = new LogBuffer(1_000);
    buffer.add([at("first", 0)]);
    const seen = buffer.version;
    for (let i = 1; i <= 300; i++) buffer.add([at(`l${i}`, i)]);
    expect(buffer.firstChangeSince(seen)?.id).toBe("first");
    expect(buffer.firstChangeSince(buffer.version - 1)?.id).toBe("l300");
  });
});
