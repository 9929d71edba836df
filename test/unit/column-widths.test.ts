import { describe, expect, it } from "vitest";
import { columnWidths } from "../../source/ui/column-widths.js";

const col = (header: string, flexible = false) => ({ header, value: () => "", flexible });

describe("columnWidths", () => {
  it("gives the flexible column the room that is left", () => {
    const widths = columnWidths([col("NAME"), col("IMAGE", true)], [["api", "nginx"]], 40);
    expect(widths).toEqual([4, 34]);
  });

  it("cuts the widest column first when the terminal is narrow", () => {
    const cells = [["a-very-long-service-name-indeed", "ACTIVE", "arn:task-definition/with-a-long-name:12"]];
    const widths = columnWidths([col("NAME"), col("STATUS"), col("TASK DEFINITION", true)], cells, 50);
    expect(widths.reduce((a, b) => a + b, 0) + 2 * 2).toBe(50);
    expect(widths[1]).toBe(6);
  });
});
