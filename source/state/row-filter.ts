// The `/` filter, k9s style: plain text or a regex (case-insensitive), `!` to keep the rows that do
// not match, `-f ` for a fuzzy match on the row's name, and `column:value` to look in one column.
// Forms combine in that order: `!-f image:ngx`.
import type { AnyKind } from "../kinds/registry.js";
import { escapeRegex } from "../core/text/escape-regex.js";

/** Where a filter matched inside a cell's text: [start, end) in UTF-16 units. */
export type MatchRange = readonly [start: number, end: number];

export interface RowFilter {
  inverse: boolean;
  fuzzy: boolean;
  /** The column searched (index into the kind's columns); undefined: the row's filter text. */
  column?: number;
  /** A `name:` prefix that names no column; the whole text is then matched as typed. */
  unknownColumn?: string;
  /** What is searched for, after the prefixes; empty matches every row. */
  needle: string;
  /** Non-fuzzy filters: the needle as a regex, or escaped when it is not a valid one. */
  regex?: RegExp;
  /** The same, global: for finding every match in a cell. */
  everyMatch?: RegExp;
}

const COLUMN_PREFIX = /^([A-Za-z][A-Za-z0-9 _/-]*):(.*)$/s;
const FUZZY_PREFIX = /^-f(?:\s+|$)/;

/** Headers compared without case, spaces or punctuation: `task-definition:` finds TASK DEFINITION. */
function columnKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** The column a typed name means: its exact header, or the only header it starts. */
export function findColumn(headers: readonly string[], name: string): number | undefined {
  const wanted = columnKey(name);
  if (!wanted) return undefined;
  const keys = headers.map(columnKey);
  const exact = keys.indexOf(wanted);
  if (exact >= 0) return exact;
  const starting = keys.flatMap((key, i) => (key.startsWith(wanted) ? [i] : []));
  return starting.length === 1 ? starting[0] : undefined;
}

/** The column a fuzzy filter looks in by default: the row's name or id, like k9s. */
function nameColumn(headers: readonly string[]): number {
  const index = headers.findIndex((header) => header === "NAME" || header === "ID");
  return index >= 0 ? index : 0;
}

function toRegex(needle: string): RegExp | undefined {
  if (!needle) return undefined;
  try {
    return new RegExp(needle, "i");
  } catch {
    // Half-typed or plain text that happens to contain "(" or "[": matched as typed.
    return new RegExp(escapeRegex(needle), "i");
  }
}

export function parseFilter(filter: string, headers: readonly string[]): RowFilter {
  let rest = filter;
  const inverse = rest.startsWith("!");
  if (inverse) rest = rest.slice(1);
  const fuzzyPrefix = FUZZY_PREFIX.exec(rest);
  const fuzzy = fuzzyPrefix !== null;
  if (fuzzyPrefix) rest = rest.slice(fuzzyPrefix[0].length);

  let column: number | undefined;
  let unknownColumn: string | undefined;
  const named = COLUMN_PREFIX.exec(rest);
  if (named) {
    column = findColumn(headers, named[1]!);
    if (column === undefined) unknownColumn = named[1]!;
    else rest = named[2]!;
  }
  if (fuzzy) column ??= nameColumn(headers);
  const regex = fuzzy ? undefined : toRegex(rest);
  return {
    inverse,
    fuzzy,
    column,
    unknownColumn,
    needle: rest,
    regex,
    everyMatch: regex && new RegExp(regex.source, "gi"),
  };
}

/** Where the characters of `needle` occur in order in `text` (case-insensitive), or undefined. */
export function fuzzyPositions(needle: string, text: string): number[] | undefined {
  const wanted = needle.toLowerCase().replace(/\s+/g, "");
  const haystack = text.toLowerCase();
  const positions: number[] = [];
  let from = 0;
  for (const char of wanted) {
    const at = haystack.indexOf(char, from);
    if (at < 0) return undefined;
    positions.push(at);
    from = at + char.length;
  }
  return positions;
}

function searchedText(kind: AnyKind, filter: RowFilter, row: unknown, now: number): string {
  const column = filter.column === undefined ? undefined : kind.columns[filter.column];
  return column ? column.value(row, now) : kind.filterText(row);
}

function matches(kind: AnyKind, filter: RowFilter, row: unknown, now: number): boolean {
  const text = searchedText(kind, filter, row, now);
  const found = filter.fuzzy ? fuzzyPositions(filter.needle, text) !== undefined : filter.regex!.test(text);
  return found !== filter.inverse;
}

/** A filter with nothing to look for (`""`, `!`, `-f `, `status:`) keeps every row. */
export function isEmptyFilter(filter: RowFilter): boolean {
  return filter.fuzzy ? !filter.needle.trim() : !filter.regex;
}

// visibleRows() runs many times per frame with the same filter: parse it once.
let lastParsed: { kind: AnyKind; text: string; filter: RowFilter } | undefined;

export function parsedFilter(kind: AnyKind, text: string): RowFilter {
  if (lastParsed?.kind !== kind || lastParsed.text !== text) {
    lastParsed = {
      kind,
      text,
      filter: parseFilter(
        text,
        kind.columns.map((column) => column.header),
      ),
    };
  }
  return lastParsed.filter;
}

export function filterRows(
  kind: AnyKind,
  rows: readonly unknown[],
  text: string,
  now: number = Date.now(),
): readonly unknown[] {
  if (!text) return rows;
  const filter = parsedFilter(kind, text);
  if (isEmptyFilter(filter)) return rows;
  return rows.filter((row) => matches(kind, filter, row, now));
}

/** What to tell the user about a filter that does not do what it looks like, if anything. */
export function filterHint(kind: AnyKind, text: string): string | undefined {
  const filter = parsedFilter(kind, text);
  if (filter.unknownColumn === undefined) return undefined;
  const names = kind.columns.map((column) => column.header.toLowerCase().replace(/\s+/g, "-"));
  return `no column "${filter.unknownColumn}" here, so the whole text is matched; columns: ${names.join(", ")}`;
}

/**
 * Where the filter matched in the text of a cell of column `column`, for highlighting: every
 * regex match, or the characters a fuzzy filter picked. Rows kept by `!` have nothing to show.
 */
export function matchRanges(filter: RowFilter, text: string, column: number): MatchRange[] {
  if (filter.inverse || isEmptyFilter(filter)) return [];
  if (filter.column !== undefined && filter.column !== column) return [];
  if (filter.fuzzy) {
    return (fuzzyPositions(filter.needle, text) ?? []).map((at) => [at, at + 1] as const);
  }
  const ranges: MatchRange[] = [];
  for (const match of text.matchAll(filter.everyMatch!)) {
    if (match[0].length > 0) ranges.push([match.index, match.index + match[0].length]);
  }
  return ranges;
}
