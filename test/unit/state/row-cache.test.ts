import { describe, expect, it } from "vitest";
import { KINDS } from "../../../source/kinds/registry.js";
import { cacheKey, topOf } from "../../../source/state/app-state.js";
import { flashOf } from "../../../source/state/flash.js";
import { isHighlighted, loadEnded, receivedRows } from "../../../source/state/row-cache.js";
import { HIGHLIGHT_MS } from "../../../source/state/row-changes.js";
import { clusterRow, stateWith } from "./state-fixtures.js";

const KEY = cacheKey("clusters", {});
const clusters = KINDS.clusters;

describe("row cache", () => {
  it("rows that arrive mark what changed, keep the cursor on its row and fill in the account", () => {
    const before = [clusterRow("dev"), clusterRow("prod")];
    const state = {
      ...stateWith(before),
      context: [
        { label: "Account", value: "" },
        { label: "Region", value: "us-east-1" },
      ],
    };
    const onProd = { ...state, stack: [{ ...topOf(state), cursor: 1, cursorKey: before[1]!.arn }] };
    const after = [clusterRow("alpha"), before[0]!, clusterRow("prod", "INACTIVE")];
    const next = { ...onProd, ...receivedRows(onProd, KEY, clusters, after, 5_000) };
    const entry = next.cache.get(KEY)!;
    expect(entry.rows).toBe(after);
    expect([...entry.changed.keys()]).toEqual([after[0]!.arn, after[2]!.arn]);
    expect(topOf(next).cursor).toBe(2);
    expect(next.context[0]).toEqual({ label: "Account", value: "123456789012" });
    expect(receivedRows(next, KEY, clusters, after, 6_000).context).toBeUndefined();
  });

  it("a load that worked makes the rows fresh and ends a failed refresh's flash; one that failed says so", () => {
    const failure = {
      kind: "throttled",
      operation: "ListClusters",
      code: "Throttling",
      message: "slow",
    } as const;
    const state = { ...stateWith([]), flash: flashOf("Throttling", "error", 0, true) };
    const failed = loadEnded(state, KEY, { ok: false, failure }, 10);
    expect(failed.cache?.get(KEY)).toMatchObject({ failure, rows: [] });
    expect(failed).not.toHaveProperty("flash");
    const worked = loadEnded({ ...state, ...failed }, KEY, { ok: true, empty: "Fargate only" }, 20);
    expect(worked.cache?.get(KEY)).toMatchObject({
      failure: undefined,
      updatedAt: 20,
      empty: "Fargate only",
    });
    expect(worked).toHaveProperty("flash", undefined);
    expect(loadEnded(stateWith([]), KEY, { ok: true }, 20)).not.toHaveProperty("flash");
  });

  it("a changed row is highlighted for a few seconds", () => {
    const entry = { changed: new Map([["a", 1_000]]) };
    expect(isHighlighted(entry, "a", 1_000 + HIGHLIGHT_MS - 1)).toBe(true);
    expect(isHighlighted(entry, "a", 1_000 + HIGHLIGHT_MS)).toBe(false);
    expect(isHighlighted(entry, "b", 1_000)).toBe(false);
    expect(isHighlighted(undefined, "a", 1_000)).toBe(false);
  });
});
