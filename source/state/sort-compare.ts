// How two cells compare when a table is sorted: numbers as numbers, k9s ages (`3d4h`) as
// durations, other text in natural order without case (`web-2` before `web-10`, `3/4` before
// `10/12`). Blank cells ("", "-") go last whichever the direction.

/** What a column sorts by: its text, or a number where the text does not sort right (times). */
export type SortValue = string | number | undefined;

/** A cell ready to compare: blank, a number, or text. */
export type SortKey = { blank: true } | { blank: false; number: number } | { blank: false; text: string };

const NUMBER = /^-?\d+(\.\d+)?$/;
const AGE = /^(?:(\d+)y)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;
const AGE_UNITS = [365 * 86_400, 86_400, 3_600, 60, 1];
const natural = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

export function sortKeyOf(value: SortValue): SortKey {
  if (typeof value === "number")
    return Number.isNaN(value) ? { blank: true } : { blank: false, number: value };
  const text = value?.trim() ?? "";
  if (text === "" || text === "-") return { blank: true };
  if (NUMBER.test(text)) return { blank: false, number: Number(text) };
  const age = AGE.exec(text);
  if (age) {
    const seconds = AGE_UNITS.reduce((sum, unit, i) => sum + Number(age[i + 1] ?? 0) * unit, 0);
    return { blank: false, number: seconds };
  }
  return { blank: false, text };
}

/** Ascending order of two keys, blanks last; numbers come before text. */
export function compareSortKeys(a: SortKey, b: SortKey, descending = false): number {
  if (a.blank || b.blank) return Number(a.blank) - Number(b.blank);
  const order =
    "number" in a
      ? "number" in b
        ? a.number - b.number
        : -1
      : "number" in b
        ? 1
        : natural.compare(a.text, b.text);
  return descending ? -order : order;
}
