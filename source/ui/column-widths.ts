import type { Column } from "../kinds/types.js";
import { stringWidth } from "./text-fit.js";

export const COLUMN_GAP = 2;
const MIN_FLEXIBLE = 10;
const MIN_EMPTY_FLEXIBLE = 4;

/**
 * Widths that fit `available` columns: every column as wide as its widest visible value, the
 * flexible column takes what is left. When too wide, the flexible column gives way first, then the
 * widest of the others; the first column (the name or id people scan by) gives way last.
 */
export function columnWidths<Row>(
  columns: readonly Column<Row>[],
  cells: readonly string[][],
  available: number,
): number[] {
  const widths = columns.map((column, c) =>
    Math.max(stringWidth(column.header), ...cells.map((row) => stringWidth(row[c] ?? ""))),
  );
  const natural = [...widths];
  const budget = available - COLUMN_GAP * (columns.length - 1);
  const flexible = columns.findIndex((column) => column.flexible);
  let excess = widths.reduce((sum, width) => sum + width, 0) - budget;

  if (excess < 0) {
    if (flexible >= 0) widths[flexible]! -= excess;
    return widths;
  }
  const shrink = (index: number, floor: number) => {
    const cut = Math.min(excess, Math.max(0, widths[index]! - floor));
    widths[index]! -= cut;
    excess -= cut;
  };
  if (flexible >= 0) {
    // An empty flexible column (no stop reason yet) may shrink to almost nothing.
    const widestValue = Math.max(0, ...cells.map((row) => stringWidth(row[flexible] ?? "")));
    shrink(flexible, Math.max(MIN_EMPTY_FLEXIBLE, Math.min(MIN_FLEXIBLE, widestValue)));
  }
  while (excess > 0) {
    const others = widths.map((width, i) => (i === 0 ? -1 : width - stringWidth(columns[i]!.header)));
    const widest = others.indexOf(Math.max(...others));
    if (widest <= 0 || others[widest]! <= 0) break;
    shrink(widest, Math.max(stringWidth(columns[widest]!.header), widths[widest]! - 1));
  }
  shrink(0, stringWidth(columns[0]!.header));
  // Still too wide: the terminal is tiny; cut from the right. A column cut to nothing is not drawn,
  // so the gap before it goes to the columns left of it.
  for (let i = widths.length - 1; i >= 0 && excess > 0; i--) {
    shrink(i, 0);
    if (widths[i] === 0 && i > 0) excess -= COLUMN_GAP;
  }
  // What that freed beyond the need goes back to the columns still drawn, up to their full width.
  for (let i = 0; i < widths.length && excess < 0; i++) {
    if (widths[i] === 0) continue;
    const back = Math.min(-excess, natural[i]! - widths[i]!);
    widths[i]! += back;
    excess += back;
  }
  return widths;
}
