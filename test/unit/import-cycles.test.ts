// No import cycles in source/: a module that imports itself through others loads half-initialised
// and cannot be understood (or moved) alone.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { importCycles, importGraph, type ImportGraph } from "../helpers/import-graph.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

const graphOf = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges));

describe("importCycles", () => {
  it("finds none in a graph without cycles", () => {
    expect(importCycles(graphOf({ a: ["b", "c"], b: ["c"], c: [] }))).toEqual([]);
  });

  it("finds each group of files that import each other, however long the way round", () => {
    const graph = graphOf({ a: ["b"], b: ["c"], c: ["a", "d"], d: ["e"], e: ["d"], f: ["a"] });
    expect(importCycles(graph).sort()).toEqual([
      ["a", "b", "c"],
      ["d", "e"],
    ]);
  });

  it("finds a file that imports itself, and ignores imports of files outside the graph", () => {
    expect(importCycles(graphOf({ a: ["a", "elsewhere"] }))).toEqual([["a"]]);
  });

  it("reads the imports of source/ as tsc resolves them, type-only ones included", () => {
    const graph = importGraph(ROOT, "source");
    expect(graph.get("source/features/logs/log-follower.ts")).toContain("source/features/logs/follow-run.ts");
    expect(graph.get("source/kinds/types.ts")).toContain("source/kinds/follow-scope.ts");
    expect(graph.get("source/app/cli.ts")).toContain("source/sim/index.ts");
  });
});

describe("source/", () => {
  it("has no import cycles, type-only imports included", () => {
    expect(importCycles(importGraph(ROOT, "source"))).toEqual([]);
  });
});
