import type { Column } from "../kinds/types.js";
import type { SortOrder } from "../state/view-sort.js";

/** The columns with the one the view is sorted by marked in its header: `AGE↑`, `NAME↓`. */
export function withSortArrow<Row>(
  columns: readonly Column<Row>[],
  sort: SortOrder | undefined,
): Column<Row>[] {
  return columns.map((column) =>
    column.header === sort?.column
      ? { ...column, header: `${column.header}${sort.descending ? "↓" : "↑"}` }
      : column,
  );
}
