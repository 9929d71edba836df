import type { Column } from "../resources/types.js";
import { stringWidth } from "./text-fit.js";

const GAP = 2;
const MIN_FLEXIBLE = 10;

/**
 * Widths that fit `available` columns: every column as wide as its widest visible value, the
 * flexible column takes what is left; when too wide, the widest columns are cut first.
 */
export function columnWidths<Row>(
  columns: readonly Column<Row>[],
  cells: readonly string[][],
  available: number,
): number[] {
  const natural = columns.map((column, c) =>
    Math.max(stringWidth(column.header), ...cells.map((row) => stringWidth(row[c] ?? ""))),
  );
  const budget = available - GAP * (columns.length - 1);
  const widths = [...natural];
  const flexible = columns.findIndex((column) => column.flexible);
  const total = () => widths.reduce((sum, width) => sum + width, 0);

  if (flexible >= 0 && total() < budget) widths[flexible]! += budget - total();
  while (total() > budget) {
    const widest = widths.indexOf(Math.max(...widths));
    const floor = widest === flexible ? MIN_FLEXIBLE : stringWidth(columns[widest]!.header);
    if (widths[widest]! <= floor) {
      // Nothing sensible left to cut: squeeze from the end.
      const last = widths.length - 1;
      widths[last] = Math.max(0, widths[last]! - (total() - budget));
      break;
    }
    widths[widest]! -= 1;
  }
  return widths;
}

export const COLUMN_GAP = GAP;
