// How the user reads the log pane, as pure state: follow or pause, the current line, search
// (highlights, n/N) versus filter (hides lines), wrap, timestamps, JSON, horizontal scroll, full
// screen, help and the history window.
import { firstAtOrAfter, type LineList, type LogLine } from "./log-line.js";
import { HISTORY_PRESETS_MS, parseDuration } from "./durations.js";
import { termMatcher } from "./shown-lines.js";
import { editLine, lineOf } from "../../input/line-editor.js";
import { PANE_KEYMAP } from "./log-pane-keys.js";

export type TimestampMode = "local" | "utc" | "relative" | "off";
const TIMESTAMP_MODES: TimestampMode[] = ["local", "utc", "relative", "off"];

export interface PaneView {
  /** Stick to the newest line. */
  follow: boolean;
  /**
   * When paused: the last line on screen. A line, not a position, so that the view stays put while
   * old lines are dropped, history is loaded above or late lines are inserted.
   */
  anchor?: LineKey;
  /** When paused: the current line, which `c` copies and `J` pretty-prints. */
  cursor?: LineKey;
  /** Lines that arrived since the pane was paused. */
  unseen: number;
  search: string;
  filter: string;
  prompt?: "search" | "filter" | "history";
  /** What the prompt holds, and where its cursor is (line-editor.ts). */
  draft: string;
  draftCursor: number;
  wrap: boolean;
  timestamps: TimestampMode;
  /** Pretty-print JSON lines… */
  pretty: boolean;
  /** …except these (by id), toggled one at a time with `J` on the current line. */
  prettyFlipped: ReadonlySet<string>;
  hscroll: number;
  fullscreen: boolean;
  /** The pane's key help replaces the lines until the next key. */
  help: boolean;
  /** One-line messages (saved to…, copied…). */
  notice?: string;
}

export const INITIAL_PANE: PaneView = {
  follow: true,
  unseen: 0,
  search: "",
  filter: "",
  draft: "",
  draftCursor: 0,
  wrap: false,
  timestamps: "local",
  pretty: false,
  prettyFlipped: new Set(),
  hscroll: 0,
  fullscreen: false,
  help: false,
};

const HSCROLL_STEP = 20;

export interface LineKey {
  timestamp: number;
  id: string;
}

const keyOf = (line: LogLine): LineKey => ({ timestamp: line.timestamp, id: line.id });

export function isPretty(view: Pick<PaneView, "pretty" | "prettyFlipped">, line: LogLine): boolean {
  return view.pretty !== view.prettyFlipped.has(line.id);
}

/**
 * Where a line is now among the shown lines (sorted by time, then id): the line itself, or the last
 * one before where it was if it has gone.
 */
function indexOfKey(shown: LineList, key: LineKey): number {
  const low = firstAtOrAfter(shown, key.timestamp, key.id);
  const exact = shown.at(low)?.id === key.id;
  return Math.max(0, Math.min(shown.length - 1, exact ? low : low - 1));
}

/** The index of the last line on screen: the newest when following. */
export function bottomIndex(shown: LineList, view: Pick<PaneView, "follow" | "anchor">): number {
  return view.follow || !view.anchor ? shown.length - 1 : indexOfKey(shown, view.anchor);
}

/** The index of the current line: the newest when following. */
export function cursorIndex(shown: LineList, view: Pick<PaneView, "follow" | "cursor">): number {
  return view.follow || !view.cursor ? shown.length - 1 : indexOfKey(shown, view.cursor);
}

/** What keys that move by screens need to know about the screen. */
export interface PaneGeometry {
  /** Rows of the pane's body. */
  rows: number;
  /** Rows the line at `index` takes on screen in `view`, the markers drawn with it included. */
  rowsOf: (shown: LineList, index: number, view: PaneView) => number;
}

/**
 * The lines wholly on screen, ending at the bottom line. When the oldest line is reached before the
 * screen is full, the lines after the bottom one fill the rest: the screen is never half empty.
 */
export function visibleRange(
  shown: LineList,
  view: PaneView,
  geometry: PaneGeometry,
): { first: number; last: number } {
  const bottom = bottomIndex(shown, view);
  if (bottom < 0) return { first: 0, last: -1 };
  const rowsOf = (index: number) => geometry.rowsOf(shown, index, view);
  let used = rowsOf(bottom);
  let first = bottom;
  while (first > 0 && used + rowsOf(first - 1) <= geometry.rows) used += rowsOf(--first);
  let last = bottom;
  if (first === 0) {
    while (last + 1 < shown.length && used + rowsOf(last + 1) <= geometry.rows) used += rowsOf(++last);
  }
  return { first, last };
}

export interface PaneEffects {
  save: (lines: LineList) => void;
  copy: (line: LogLine) => void;
  loadOlder: () => void;
  setHistoryWindow: (windowMs: number) => void;
  close: () => void;
}

export interface PaneKeyContext {
  shown: LineList;
  geometry: PaneGeometry;
  /** The follower's current history window. */
  historyWindowMs: number;
  effects: PaneEffects;
}

const following = (view: PaneView): PaneView => ({
  ...view,
  follow: true,
  anchor: undefined,
  cursor: undefined,
  unseen: 0,
});

/** Applies one key to the pane; returns the new view (pure, apart from the effects it calls). */
export function paneKey(view: PaneView, key: string, input: string, context: PaneKeyContext): PaneView {
  if (view.help) return { ...view, help: false };
  if (view.prompt) return promptKey(view, key, input, context);
  const { shown, effects } = context;
  const cursor = cursorIndex(shown, view);
  switch (PANE_KEYMAP.actionOf(key === " " ? "space" : key)) {
    case "close":
      // esc undoes one thing at a time: the search, then the filter, then the pane.
      if (key === "esc" && view.search) return { ...view, search: "" };
      if (key === "esc" && view.filter) return following({ ...view, filter: "" });
      effects.close();
      return view;
    case "help":
      return { ...view, help: true };
    case "fullscreen":
      return { ...view, fullscreen: !view.fullscreen };
    case "pause":
      if (!view.follow) return following(view);
      return moveTo(view, cursor, context);
    case "down":
      return moveTo(view, cursor + 1, context);
    case "up":
      return moveTo(view, cursor - 1, context);
    case "pageDown":
      return page(view, 1, context);
    case "pageUp":
      return page(view, -1, context);
    case "first":
      return moveTo(view, 0, context);
    case "follow":
      return following(view);
    case "search":
      return openPrompt(view, "search", view.search);
    case "filter":
      return openPrompt(view, "filter", view.filter);
    case "nextMatch":
      return jumpToMatch(view, context, 1);
    case "previousMatch":
      return jumpToMatch(view, context, -1);
    case "wrap":
      return reveal({ ...view, wrap: !view.wrap, hscroll: 0 }, context);
    case "timestamps":
      return { ...view, timestamps: TIMESTAMP_MODES[(TIMESTAMP_MODES.indexOf(view.timestamps) + 1) % 4]! };
    case "json": {
      if (view.follow) return { ...view, pretty: !view.pretty, prettyFlipped: new Set() };
      const line = shown.at(cursor);
      if (!line) return view;
      const flipped = new Set(view.prettyFlipped);
      if (!flipped.delete(line.id)) flipped.add(line.id);
      return reveal({ ...view, prettyFlipped: flipped }, context);
    }
    case "history": {
      const next = HISTORY_PRESETS_MS.find((ms) => ms > context.historyWindowMs);
      if (next === undefined) return openPrompt(view, "history", "");
      effects.setHistoryWindow(next);
      return view;
    }
    case "left":
      return { ...view, hscroll: Math.max(0, view.hscroll - HSCROLL_STEP) };
    case "right":
      return view.wrap ? view : { ...view, hscroll: view.hscroll + HSCROLL_STEP };
    case "column0":
      return { ...view, hscroll: 0 };
    case "save":
      effects.save(shown);
      return view;
    case "copy": {
      const line = shown.at(cursor);
      if (line) effects.copy(line);
      return view;
    }
    case undefined:
      return view;
  }
}

/**
 * Puts the cursor on the line at `target` and pauses there, scrolling as little as needed; past the
 * newest line the pane follows again. Moving up near the oldest line loads older ones.
 */
function moveTo(view: PaneView, target: number, context: PaneKeyContext): PaneView {
  const { shown } = context;
  const last = shown.length - 1;
  if (last < 0) return view;
  if (target > last) return following(view);
  const index = Math.max(0, target);
  if (index < context.geometry.rows && target < cursorIndex(shown, view)) context.effects.loadOlder();
  const anchor = view.follow ? keyOf(shown.at(last)!) : view.anchor;
  return reveal({ ...view, follow: false, anchor, cursor: keyOf(shown.at(index)!) }, context);
}

/** Scrolls a screen of lines, the cursor keeping its place on screen; a page past the end follows. */
function page(view: PaneView, direction: 1 | -1, context: PaneKeyContext): PaneView {
  const { shown, geometry } = context;
  const last = shown.length - 1;
  if (last < 0 || (direction === 1 && view.follow)) return view;
  const range = visibleRange(shown, view, geometry);
  if (direction === 1 && range.last === last) return following(view);
  const step = direction * (range.last - range.first + 1);
  const bottom = Math.max(0, Math.min(last, range.last + step));
  const cursor = Math.max(0, Math.min(last, cursorIndex(shown, view) + step));
  if (direction === -1 && cursor < geometry.rows) context.effects.loadOlder();
  const moved = {
    ...view,
    follow: false,
    anchor: keyOf(shown.at(bottom)!),
    cursor: keyOf(shown.at(cursor)!),
  };
  return reveal(moved, context);
}

/** Scrolls a paused view just enough for the current line to be wholly on screen. */
export function reveal(
  view: PaneView,
  { shown, geometry }: Pick<PaneKeyContext, "shown" | "geometry">,
): PaneView {
  if (view.follow || shown.length === 0) return view;
  const cursor = cursorIndex(shown, view);
  const range = visibleRange(shown, view, geometry);
  if (cursor > range.last) return { ...view, anchor: keyOf(shown.at(cursor)!) };
  if (cursor >= range.first) return view;
  // The cursor becomes the top line: the bottom one is the last that still fits below it.
  let used = geometry.rowsOf(shown, cursor, view);
  let bottom = cursor;
  while (bottom + 1 < shown.length) {
    const rows = geometry.rowsOf(shown, bottom + 1, view);
    if (used + rows > geometry.rows) break;
    used += rows;
    bottom += 1;
  }
  return { ...view, anchor: keyOf(shown.at(bottom)!) };
}

function openPrompt(view: PaneView, prompt: NonNullable<PaneView["prompt"]>, text: string): PaneView {
  const line = lineOf(text);
  return { ...view, prompt, draft: line.text, draftCursor: line.cursor };
}

function promptKey(view: PaneView, key: string, input: string, context: PaneKeyContext): PaneView {
  const closed = { ...view, prompt: undefined, draft: "", draftCursor: 0 };
  if (key === "esc") return closed;
  if (key === "enter") {
    switch (view.prompt) {
      case "filter":
        return following({ ...closed, filter: view.draft });
      case "history": {
        const windowMs = parseDuration(view.draft);
        if (windowMs === undefined)
          return {
            ...closed,
            notice: `"${view.draft}" is not a duration like 90s, 10m or 2h: nothing changed`,
          };
        context.effects.setHistoryWindow(windowMs);
        return closed;
      }
      default:
        return view.draft ? jumpToMatch({ ...closed, search: view.draft }, context, -1) : closed;
    }
  }
  const line = editLine({ text: view.draft, cursor: view.draftCursor }, key, input);
  return line ? { ...view, draft: line.text, draftCursor: line.cursor } : view;
}

/**
 * Puts the cursor on the next (1) or previous (-1) line matching the search, wrapping around;
 * pauses. A match off screen is brought to the middle of it.
 */
function jumpToMatch(view: PaneView, context: PaneKeyContext, direction: 1 | -1): PaneView {
  const { shown, geometry } = context;
  if (!view.search) return view;
  // While following, "next" wraps to the oldest line and "previous" starts at the newest.
  const from = view.follow ? (direction === 1 ? -1 : shown.length) : cursorIndex(shown, view);
  const matches = termMatcher(view.search)!;
  for (let step = 1; step <= shown.length; step++) {
    const index = (((from + direction * step) % shown.length) + shown.length) % shown.length;
    const line = shown.at(index)!;
    if (!matches(line)) continue;
    const paused = { ...view, follow: false, cursor: keyOf(line) };
    const range = view.follow ? undefined : visibleRange(shown, view, geometry);
    if (range && index >= range.first && index <= range.last) return paused;
    const bottom = Math.min(shown.length - 1, index + Math.floor(geometry.rows / 2));
    return reveal({ ...paused, anchor: keyOf(shown.at(bottom)!) }, context);
  }
  return { ...view, notice: `no line matches "${view.search}"` };
}
