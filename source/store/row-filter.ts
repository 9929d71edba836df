import type { AnyKind } from "../resources/registry.js";

/** Substring, case-insensitive: the `/` filter of issue #2 (regex and fuzzy come later). */
export function matchesFilter(text: string, filter: string): boolean {
  if (!filter) return true;
  return text.toLowerCase().includes(filter.toLowerCase());
}

export function filterRows(kind: AnyKind, rows: readonly unknown[], filter: string): readonly unknown[] {
  if (!filter) return rows;
  return rows.filter((row) => matchesFilter(kind.filterText(row), filter));
}
