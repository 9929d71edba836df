// How the user reads a description (`d`), as pure state: scrolling by screen rows (a long line
// wraps onto several), a search whose matches n/N step through, copy and close.
import { termPattern } from "../logs/shown-lines.js";
import { editLine, lineOf } from "../../input/line-editor.js";
import { DESCRIBE_KEYMAP } from "./describe-keys.js";

export interface DescribeView {
  /** The first screen row shown: rows, not lines, so that a line taller than the screen can be read. */
  top: number;
  search: string;
  /** The line of the current match, which n/N move and the screen marks. */
  matchLine?: number;
  prompt: boolean;
  /** What the search prompt holds, and where its cursor is (line-editor.ts). */
  draft: string;
  draftCursor: number;
  /** One-line messages (copied…, no match…). */
  notice?: string;
}

export const INITIAL_DESCRIBE: DescribeView = {
  top: 0,
  search: "",
  prompt: false,
  draft: "",
  draftCursor: 0,
};

/** Where each line's rows are on screen at the current width. */
export interface RowMap {
  total: number;
  rowOf: (line: number) => number;
  lineAt: (row: number) => number;
}

/** One row per line: until the screen has measured the lines. */
export function oneRowPerLine(lines: number): RowMap {
  return { total: lines, rowOf: (line) => line, lineAt: (row) => row };
}

export interface DescribeGeometry {
  /** Rows of the screen's body. */
  rows: number;
  map: RowMap;
}

/** The lines matching a search term (case-insensitive, literal), in order. */
export function matchingLines(lines: readonly string[], term: string): number[] {
  if (!term) return [];
  const pattern = termPattern(term);
  const matches: number[] = [];
  lines.forEach((line, index) => {
    if (pattern.test(line)) matches.push(index);
  });
  return matches;
}

export interface DescribeKeyContext {
  geometry: DescribeGeometry;
  matchesOf: (term: string) => readonly number[];
  effects: { copy: () => void; close: () => void };
}

/** Applies one key; returns the new view (pure, apart from the effects it calls). */
export function describeKey(
  view: DescribeView,
  key: string,
  input: string,
  context: DescribeKeyContext,
): DescribeView {
  if (view.prompt) return promptKey(view, key, input, context);
  const { geometry } = context;
  const page = Math.max(1, geometry.rows - 1);
  switch (DESCRIBE_KEYMAP.actionOf(key)) {
    case "close":
      if (key === "esc" && view.search) return { ...view, search: "", matchLine: undefined };
      context.effects.close();
      return view;
    case "search": {
      const line = lineOf(view.search);
      return { ...view, prompt: true, draft: line.text, draftCursor: line.cursor };
    }
    case "nextMatch":
      return jumpToMatch(view, context, 1);
    case "previousMatch":
      return jumpToMatch(view, context, -1);
    case "copy":
      context.effects.copy();
      return view;
    case "down":
      return scrolled(view, view.top + 1, geometry);
    case "up":
      return scrolled(view, view.top - 1, geometry);
    case "pageDown":
      return scrolled(view, view.top + page, geometry);
    case "pageUp":
      return scrolled(view, view.top - page, geometry);
    case "first":
      return scrolled(view, 0, geometry);
    case "last":
      return scrolled(view, Infinity, geometry);
    case undefined:
      return view;
  }
}

/** Scrolled to `top`, kept between the first row and the last screenful. */
export function scrolled(view: DescribeView, top: number, { rows, map }: DescribeGeometry): DescribeView {
  return { ...view, top: Math.max(0, Math.min(top, map.total - rows)) };
}

function promptKey(
  view: DescribeView,
  key: string,
  input: string,
  context: DescribeKeyContext,
): DescribeView {
  if (key === "esc") return { ...view, prompt: false, draft: "", draftCursor: 0 };
  if (key === "enter") {
    const searched = {
      ...view,
      prompt: false,
      draft: "",
      draftCursor: 0,
      search: view.draft,
      matchLine: undefined,
    };
    return view.draft ? jumpToMatch(searched, context, 1) : searched;
  }
  const line = editLine({ text: view.draft, cursor: view.draftCursor }, key, input);
  return line ? { ...view, draft: line.text, draftCursor: line.cursor } : view;
}

/**
 * Makes the next (1) or previous (-1) matching line current, wrapping around; a new search starts
 * from the top of the screen. A match off screen is brought a third of the way down, under the
 * lines that say where it is.
 */
function jumpToMatch(view: DescribeView, context: DescribeKeyContext, direction: 1 | -1): DescribeView {
  if (!view.search) return view;
  const matches = context.matchesOf(view.search);
  if (matches.length === 0) return { ...view, notice: `nothing matches "${view.search}"` };
  const { rows, map } = context.geometry;
  const from = view.matchLine ?? map.lineAt(view.top) - (direction === 1 ? 1 : 0);
  const ahead =
    direction === 1 ? matches.find((line) => line > from) : matches.findLast((line) => line < from);
  const line = ahead ?? (direction === 1 ? matches[0]! : matches[matches.length - 1]!);
  const notice =
    ahead === undefined ? `search wrapped to the ${direction === 1 ? "top" : "bottom"}` : undefined;
  const row = map.rowOf(line);
  const onScreen = row >= view.top && row < view.top + rows;
  const moved = onScreen ? view : scrolled(view, row - Math.floor(rows / 3), context.geometry);
  return { ...moved, matchLine: line, notice };
}
