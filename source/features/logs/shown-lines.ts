// Which buffered lines the log pane shows, and how a search or filter term matches a line.
import { EVICTED, type LogBuffer } from "./log-buffer.js";
import { compareLines, firstAtOrAfter, type LineList, type LogLine } from "./log-line.js";
import { escapeRegex } from "../../core/text/escape-regex.js";

/** A case-insensitive pattern matching a search or filter term literally (no regex syntax). */
export function termPattern(term: string, flags = "i"): RegExp {
  return new RegExp(escapeRegex(term), flags);
}

/** A matcher for a search or filter term; none for the empty term. */
export function termMatcher(term: string): ((line: LogLine) => boolean) | undefined {
  if (!term) return undefined;
  const pattern = termPattern(term);
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
    while (
      state.head < state.matches.length &&
      first &&
      compareLines(state.matches[state.head]!, first) < 0
    ) {
      state.matches[state.head] = EVICTED; // not kept alive until the next compaction
      state.head += 1;
    }
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

/** The index in `lines` of the first line after `line`. */
function indexAfter(lines: LineList, line: LogLine): number {
  const at = firstAtOrAfter(lines, line.timestamp, line.id);
  return lines.at(at)?.id === line.id ? at + 1 : at;
}
