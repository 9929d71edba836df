// Every column says how long it stays on a narrow terminal: the kind declares it, the table will
// drop the highest numbers first.
import { describe, expect, it } from "vitest";
import { KINDS } from "../../../source/kinds/registry.js";

describe("column priorities", () => {
  it.each(Object.values(KINDS).map((kind) => [kind.id, kind] as const))(
    "%s: every column has one from 1 to 5, wide columns 5, and one column names the row",
    (_id, kind) => {
      for (const column of kind.columns) {
        expect(Number.isInteger(column.priority), column.header).toBe(true);
        expect(column.priority, column.header).toBeGreaterThanOrEqual(1);
        expect(column.priority, column.header).toBeLessThanOrEqual(5);
        if (column.wide) expect(column.priority, column.header).toBe(5);
      }
      expect(kind.columns.some((column) => column.priority === 1)).toBe(true);
    },
  );
});
