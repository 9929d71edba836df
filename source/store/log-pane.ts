// How the user reads the log pane, as pure state: follow or pause, search (highlights, n/N) versus
// filter (hides lines), wrap, timestamps, JSON, horizontal scroll and full screen.
import type { LogBuffer } from "../logs/log-buffer.js";
import { compareLines, type LineList, type LogLine } from "../logs/log-line.js";

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
  /** Lines that arrived since the pane was paused. */
  unseen: number;
  search: string;
  filter: string;
  prompt?: "search" | "filter";
  draft: string;
  wrap: boolean;
  timestamps: TimestampMode;
  pretty: boolean;
  hscroll: number;
  fullscreen: boolean;
  /** One-line messages (saved to…, copied…). */
  notice?: string;
}

export const INITIAL_PANE: PaneView = {
  follow: true,
  unseen: 0,
  search: "",
  filter: "",
  draft: "",
  wrap: false,
  timestamps: "local",
  pretty: false,
  hscroll: 0,
  fullscreen: false,
};

const HSCROLL_STEP = 20;

export interface LineKey {
  timestamp: number;
  id: string;
}

const keyOf = (line: LogLine): LineKey => ({ timestamp: line.timestamp, id: line.id });

/**
 * Where a paused pane's bottom line is now among the shown lines (sorted by time, then id): the line
 * itself, or the last one before where it was if it has gone.
 */
export function bottomIndex(shown: LineList, view: Pick<PaneView, "follow" | "anchor">): number {
  const last = shown.length - 1;
  if (view.follow || !view.anchor) return last;
  const anchor = view.anchor;
  let low = 0;
  let high = shown.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const line = shown.at(mid)!;
    const before =
      line.timestamp < anchor.timestamp || (line.timestamp === anchor.timestamp && line.id < anchor.id);
    if (before) low = mid + 1;
    else high = mid;
  }
  const exact = shown.at(low)?.id === anchor.id;
  return Math.max(0, Math.min(last, exact ? low : low - 1));
}

export type PaneAction =
  | "close"
  | "fullscreen"
  | "pause"
  | "down"
  | "up"
  | "pageDown"
  | "pageUp"
  | "first"
  | "follow"
  | "search"
  | "filter"
  | "nextMatch"
  | "previousMatch"
  | "wrap"
  | "timestamps"
  | "json"
  | "left"
  | "right"
  | "column0"
  | "save"
  | "copy";

/** The log pane's keys: the dispatcher, the header hints and help all read this list. */
export const PANE_BINDINGS: { action: PaneAction; keys: string[]; description: string; hint: boolean }[] = [
  {
    action: "close",
    keys: ["esc", "q"],
    description: "Close (esc clears a search or filter first)",
    hint: true,
  },
  { action: "pause", keys: ["space"], description: "Pause / follow", hint: true },
  { action: "search", keys: ["/"], description: "Search", hint: true },
  { action: "nextMatch", keys: ["n"], description: "Next match", hint: false },
  { action: "previousMatch", keys: ["N"], description: "Previous match", hint: false },
  { action: "filter", keys: ["&"], description: "Show only matching lines", hint: true },
  { action: "fullscreen", keys: ["f"], description: "Full screen", hint: true },
  { action: "wrap", keys: ["w"], description: "Wrap", hint: true },
  { action: "timestamps", keys: ["t"], description: "Timestamps: local, UTC, relative, off", hint: false },
  { action: "json", keys: ["J"], description: "Pretty-print JSON", hint: false },
  { action: "down", keys: ["j", "down"], description: "Down", hint: false },
  { action: "up", keys: ["k", "up"], description: "Up (past the top loads older lines)", hint: false },
  { action: "pageDown", keys: ["pgdn", "ctrl-f"], description: "Page down", hint: false },
  { action: "pageUp", keys: ["pgup", "ctrl-b"], description: "Page up", hint: false },
  { action: "first", keys: ["g", "home"], description: "Oldest line", hint: false },
  { action: "follow", keys: ["G", "end"], description: "Newest line, follow", hint: false },
  { action: "left", keys: ["h", "left"], description: "Scroll left", hint: false },
  { action: "right", keys: ["l", "right"], description: "Scroll right", hint: false },
  { action: "column0", keys: ["0"], description: "Scroll to column 0", hint: false },
  { action: "save", keys: ["ctrl-s"], description: "Save the lines to a file", hint: true },
  { action: "copy", keys: ["c"], description: "Copy the current line", hint: false },
];

const PANE_ACTION = new Map(PANE_BINDINGS.flatMap((b) => b.keys.map((key) => [key, b.action])));

/** A case-insensitive literal matcher for a search or filter term; none for the empty term. */
export function termMatcher(term: string): ((line: LogLine) => boolean) | undefined {
  if (!term) return undefined;
  const pattern = new RegExp(term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i");
  return (line) => pattern.test(line.message);
}

interface FilteredState {
  filter: string;
  /** The buffer version the matches reflect. */
  version: number;
  /** Matching lines in buffer order; those before `head` have been evicted. */
  matches: LogLine[];
  head: number;
  list: LineList;
}

/**
 * The lines the pane shows: the buffer itself, or the lines matching the filter. The filtered list
 * is kept up to date incrementally: a change only re-reads the buffer from the oldest line it added.
 */
export class ShownLines {
  private filtered: FilteredState | undefined;

  constructor(private readonly buffer: LogBuffer) {}

  get(filter: string): LineList {
    if (!filter) return this.buffer;
    if (this.filtered?.filter !== filter) this.filtered = this.rebuild(filter);
    else if (this.filtered.version !== this.buffer.version) this.catchUp(this.filtered);
    return this.filtered.list;
  }

  private rebuild(filter: string): FilteredState {
    const matches: LogLine[] = [];
    const state: FilteredState = { filter, version: this.buffer.version, matches, head: 0, list: [] };
    state.list = listOf(state);
    this.scan(state, 0);
    return state;
  }

  private catchUp(state: FilteredState): void {
    const { buffer } = this;
    // Evicted lines leave from the top.
    const first = buffer.at(0);
    while (state.head < state.matches.length && first && compareLines(state.matches[state.head]!, first) < 0)
      state.head += 1;
    const changedFrom = buffer.firstChangeSince(state.version);
    state.version = buffer.version;
    if (!changedFrom) return;
    // Keep the matches before the change; read the buffer again from there.
    let keep = state.matches.length;
    while (keep > state.head && compareLines(state.matches[keep - 1]!, changedFrom) >= 0) keep -= 1;
    state.matches.length = keep;
    if (state.head > 0 && state.head >= state.matches.length / 2) {
      state.matches = state.matches.slice(state.head);
      state.head = 0;
    }
    const last = state.matches[state.matches.length - 1];
    this.scan(state, last ? indexAfter(buffer, last) : 0);
  }

  private scan(state: { filter: string; matches: LogLine[] }, from: number): void {
    const matches = termMatcher(state.filter)!;
    for (let index = from; index < this.buffer.length; index++) {
      const line = this.buffer.at(index)!;
      if (matches(line)) state.matches.push(line);
    }
  }
}

/** A LineList over `matches` from `head`, reading the state live so catch-ups need no new object. */
function listOf(state: { matches: LogLine[]; head: number }): LineList {
  return {
    get length() {
      return state.matches.length - state.head;
    },
    at(index: number) {
      return index >= 0 && index < state.matches.length - state.head
        ? state.matches[state.head + index]
        : undefined;
    },
  };
}

/** The index in `lines` of the first line after `line` (binary search on the sort order). */
function indexAfter(lines: LineList, line: LogLine): number {
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareLines(lines.at(mid)!, line) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

export interface PaneEffects {
  save: (lines: LineList) => void;
  copy: (line: LogLine) => void;
  loadOlder: () => void;
  close: () => void;
}

/** Applies one key to the pane; returns the new view (pure, apart from the effects it calls). */
export function paneKey(
  view: PaneView,
  key: string,
  input: string,
  shown: LineList,
  pageRows: number,
  effects: PaneEffects,
): PaneView {
  if (view.prompt) return promptKey(view, key, input, shown);
  const last = shown.length - 1;
  const at = bottomIndex(shown, view);
  const scrollTo = (bottom: number): PaneView => {
    if (shown.length === 0) return view;
    const clamped = Math.max(0, Math.min(last, bottom));
    if (clamped === last && bottom >= last) return { ...view, follow: true, anchor: undefined, unseen: 0 };
    if (clamped < pageRows && bottom < at) effects.loadOlder();
    return { ...view, follow: false, anchor: keyOf(shown.at(clamped)!) };
  };
  switch (PANE_ACTION.get(key === " " ? "space" : key)) {
    case "close":
      // esc undoes one thing at a time: the search, then the filter, then the pane.
      if (key === "esc" && view.search) return { ...view, search: "" };
      if (key === "esc" && view.filter) return { ...view, filter: "", follow: true };
      effects.close();
      return view;
    case "fullscreen":
      return { ...view, fullscreen: !view.fullscreen };
    case "pause":
      if (!view.follow) return { ...view, follow: true, unseen: 0 };
      return shown.length === 0
        ? view
        : { ...view, follow: false, anchor: keyOf(shown.at(last)!), unseen: 0 };
    case "down":
      return scrollTo(at + 1);
    case "up":
      return scrollTo(at - 1);
    case "pageDown":
      return scrollTo(at + pageRows);
    case "pageUp":
      return scrollTo(at - pageRows);
    case "first":
      return scrollTo(0);
    case "follow":
      return { ...view, follow: true, unseen: 0 };
    case "search":
      return { ...view, prompt: "search", draft: view.search };
    case "filter":
      return { ...view, prompt: "filter", draft: view.filter };
    case "nextMatch":
      return jumpToMatch(view, shown, 1);
    case "previousMatch":
      return jumpToMatch(view, shown, -1);
    case "wrap":
      return { ...view, wrap: !view.wrap, hscroll: 0 };
    case "timestamps":
      return { ...view, timestamps: TIMESTAMP_MODES[(TIMESTAMP_MODES.indexOf(view.timestamps) + 1) % 4]! };
    case "json":
      return { ...view, pretty: !view.pretty };
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
      const line = shown.at(at);
      if (line) effects.copy(line);
      return view;
    }
    case undefined:
      return view;
  }
}

function promptKey(view: PaneView, key: string, input: string, shown: LineList): PaneView {
  if (key === "esc") return { ...view, prompt: undefined, draft: "" };
  if (key === "backspace") return { ...view, draft: view.draft.slice(0, -1) };
  if (key === "enter") {
    if (view.prompt === "filter")
      return { ...view, prompt: undefined, draft: "", filter: view.draft, follow: true };
    const next = { ...view, prompt: undefined, draft: "", search: view.draft };
    return view.draft ? jumpToMatch(next, shown, -1) : next;
  }
  if (input && !key.startsWith("ctrl-") && key.length === input.length)
    return { ...view, draft: view.draft + input };
  return view;
}

/** Moves to the next (1) or previous (-1) line matching the search, wrapping around; pauses. */
function jumpToMatch(view: PaneView, shown: LineList, direction: 1 | -1): PaneView {
  if (!view.search) return view;
  // While following, "next" wraps to the oldest line and "previous" starts at the newest.
  const from = view.follow ? (direction === 1 ? -1 : shown.length) : bottomIndex(shown, view);
  const matches = termMatcher(view.search)!;
  for (let step = 1; step <= shown.length; step++) {
    const index = (((from + direction * step) % shown.length) + shown.length) % shown.length;
    const line = shown.at(index)!;
    if (matches(line)) return { ...view, follow: false, anchor: keyOf(line) };
  }
  return { ...view, notice: `no line matches "${view.search}"` };
}
