import { describe, expect, it } from "vitest";
import { columnWidths } from "../../../source/ui/column-widths.js";

const col = (header: string, flexible = false) => ({ header, value: () => "", flexible });
/** The room the drawn columns take: a column cut to nothing is not drawn, nor the gap before it. */
const total = (widths: number[]) => {
  const drawn = widths.filter((width) => width > 0);
  return drawn.reduce((a, b) => a + b, 0) + 2 * (drawn.length - 1);
};

describe("columnWidths", () => {
  it("gives the flexible column the room that is left", () => {
    const widths = columnWidths([col("NAME"), col("IMAGE", true)], [["api", "nginx"]], 40);
    expect(widths).toEqual([4, 34]);
  });

  it("shrinks the flexible column first and keeps the name whole", () => {
    const columns = [col("NAME"), col("STATUS"), col("TASK DEFINITION", true), col("LAUNCH")];
    const cells = [["checkout-payments-api", "ACTIVE", "checkout-payments-api:207", "FARGATE_SPOT"]];
    const widths = columnWidths(columns, cells, 70);
    expect(total(widths)).toBe(70);
    expect(widths[0]).toBe(21);
    expect(widths[1]).toBe(6);
    expect(widths[3]).toBe(12);
  });

  it("then cuts the widest other columns, and the first column last", () => {
    const columns = [col("NAME"), col("STATUS"), col("TASK DEFINITION", true), col("REASON")];
    const cells = [["a-long-service-name", "ACTIVE", "x:1", "Essential container in task exited"]];
    const widths = columnWidths(columns, cells, 60);
    expect(total(widths)).toBe(60);
    expect(widths[0]).toBe(19);
    expect(widths[2]).toBe(4); // the flexible column gives way down to its short content
    expect(widths[3]).toBeLessThan(34);
  });

  it("never exceeds a tiny terminal", () => {
    const widths = columnWidths(
      [col("NAME"), col("STATUS"), col("IMAGE", true)],
      [["abc", "RUNNING", "img"]],
      12,
    );
    expect(total(widths)).toBeLessThanOrEqual(12);
  });
});

describe("columnWidths with an empty flexible column", () => {
  it("lets it shrink so the other columns stay whole", () => {
    const columns = [col("ID"), col("IP"), col("STOP REASON", true)];
    const widths = columnWidths(columns, [["6205dc968ac36324", "10.0.51.123", ""]], 36);
    expect(widths).toEqual([16, 11, 5]);
  });
});

describe("columnWidths on a screen too narrow for every column", () => {
  it("a column cut to nothing gives its gap back to the others", () => {
    const columns = ["ONE", "TWO", "SIX", "TEN", "AGE"].map((header) => col(header));
    const widths = columnWidths(columns, [["aaaa", "bbbb", "cccc", "dddd", "eeee"]], 20);
    expect(total(widths)).toBe(20);
    // The last column is left out, and the room its gap took goes back, the first column first.
    expect(widths).toEqual([4, 4, 3, 3, 0]);
  });
});
