// The columns a view shows (more in wide mode) and the order of its rows: as loaded, or sorted by
// one of the columns on screen (shift + the column's letter; the same letter again reverses it).
import type { AnyKind } from "../kinds/registry.js";
import type { Column } from "../kinds/types.js";
import { compareSortKeys, sortKeyOf, type SortKey } from "./sort-compare.js";

/** A view's sort: the header of the column it sorts by, and which way. */
export interface SortOrder {
  column: string;
  descending: boolean;
}

export function shownColumns(kind: AnyKind, wide: boolean): readonly Column<unknown>[] {
  return wide ? kind.columns : kind.columns.filter((column) => !column.wide);
}

/** The columns to draw for these rows: a `whenSet` column only when some row has a value in it. */
export function drawnColumns(
  columns: readonly Column<unknown>[],
  rows: readonly unknown[],
  now: number,
): readonly Column<unknown>[] {
  return columns.filter((column) => !column.whenSet || rows.some((row) => column.value(row, now) !== ""));
}

/**
 * The sort after pressing a column's letter: that column ascending, or the other way round when it
 * is already the sort; a message instead when the view has no such column on screen.
 */
export function nextSort(
  kind: AnyKind,
  current: SortOrder | undefined,
  letter: string,
  wide: boolean,
): SortOrder | string {
  const column = kind.columns.find((candidate) => candidate.sortKey === letter);
  if (!column) return `${kind.id} have no column to sort by with ${letter}`;
  if (column.wide && !wide) return `${column.header} is a wide column: ctrl-w shows it`;
  const again = current?.column === column.header;
  return { column: column.header, descending: again ? !current.descending : false };
}

// Rows arrive as a new array on every load, and visibleRows() runs many times per frame: each array
// is sorted once per sort, not once per call.
const sorted = new WeakMap<readonly unknown[], { spec: string; rows: readonly unknown[] }>();

/** The rows in the view's order; a sort by a column not on screen (wide mode off) is set aside. */
export function sortedRows(
  kind: AnyKind,
  rows: readonly unknown[],
  sort: SortOrder | undefined,
  wide: boolean,
  now: number,
): readonly unknown[] {
  const column = sort && shownColumns(kind, wide).find((candidate) => candidate.header === sort.column);
  if (!sort || !column) return rows;
  const spec = `${kind.id}|${sort.column}|${sort.descending}`;
  const memo = sorted.get(rows);
  if (memo?.spec === spec) return memo.rows;
  const valueOf = column.sortValue ?? ((row: unknown) => column.value(row, now));
  const keys: SortKey[] = rows.map((row) => sortKeyOf(valueOf(row)));
  const order = rows.map((_, i) => i);
  // Array.prototype.sort is stable: rows that tie keep the order they were loaded in.
  order.sort((a, b) => compareSortKeys(keys[a]!, keys[b]!, sort.descending));
  const result = order.map((i) => rows[i]);
  sorted.set(rows, { spec, rows: result });
  return result;
}
