/** Substring, case-insensitive: the `/` filter of issue #2 (regex and fuzzy come later). */
export function matchesFilter(text: string, filter: string): boolean {
  if (!filter) return true;
  return text.toLowerCase().includes(filter.toLowerCase());
}
