// The open log pane: a LogFollower for what is followed plus the reading state (follow/pause,
// search, filter…), kept outside React like AppStore and read through useSyncExternalStore.
import type { LogFollower } from "./log-follower.js";
import type { LineList } from "./log-line.js";
import { formatDuration } from "./durations.js";
import { ShownLines } from "./shown-lines.js";
import {
  INITIAL_PANE,
  paneKey,
  reveal,
  type PaneEffects,
  type PaneGeometry,
  type PaneView,
} from "./log-pane.js";

/**
 * New lines are shown at most this often. A frame costs the same whether 1 or 1,000 lines arrived,
 * and at thousands of lines a second redrawing per batch would spend the CPU (and the garbage
 * collector's time) that keys need. Keys are answered at once.
 */
export const DATA_FRAME_MS = 150;

/** What the pane needs of a LogFollower. */
export type PaneFollower = Pick<
  LogFollower,
  "buffer" | "subscribe" | "getState" | "stop" | "loadOlder" | "setHistoryWindow"
>;

export interface LogPaneSnapshot {
  view: PaneView;
  /** Bumps on every change of the view, the follower's state or its buffer. */
  version: number;
}

export interface LogPaneOutputs {
  /** Writes the lines to a file and returns its path. */
  save: (title: string, lines: LineList) => string;
  /** Puts text on the clipboard (OSC 52, so it works over SSH). */
  copy: (text: string) => void;
}

/* eslint-disable no-control-regex -- removing control characters is the point here */
const ESCAPE_SEQUENCE =
  /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|.?)|\u009b[0-?]*[ -/]*[@-~]/g;
const CONTROL_BUT_TAB_AND_NEWLINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/* eslint-enable no-control-regex */

/**
 * A message as it goes to the clipboard: its text, tabs and line breaks, but no escape sequence or
 * other control character, which could act on the terminal it is later pasted into.
 */
export function clipboardText(message: string): string {
  return message
    .replace(ESCAPE_SEQUENCE, "")
    .replace(/\r\n?/g, "\n")
    .replace(CONTROL_BUT_TAB_AND_NEWLINE, "");
}

export class LogPaneStore {
  private view: PaneView = INITIAL_PANE;
  private snapshot: LogPaneSnapshot = { view: INITIAL_PANE, version: 0 };
  private readonly listeners = new Set<() => void>();
  private readonly unsubscribe: () => void;
  private seenAdded = 0;
  private frame: ReturnType<typeof setTimeout> | undefined;
  private geometry: PaneGeometry = { rows: 20, rowsOf: () => 1 };
  private closed = false;
  readonly shown: ShownLines;

  constructor(
    readonly title: string,
    readonly follower: PaneFollower,
    private readonly outputs: LogPaneOutputs,
    private readonly onClose: () => void,
  ) {
    this.shown = new ShownLines(follower.buffer);
    this.unsubscribe = follower.subscribe(() => this.dataChanged());
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): LogPaneSnapshot => this.snapshot;

  lines(): LineList {
    return this.shown.get(this.view.filter);
  }

  /**
   * The pane as last drawn: keys that move by screens use its own height, full screen or not. A new
   * height (full screen toggled, terminal resized) scrolls the current line back on screen.
   */
  setGeometry(geometry: PaneGeometry): void {
    const resized = geometry.rows !== this.geometry.rows;
    this.geometry = geometry;
    if (!resized) return;
    const view = reveal(this.view, { shown: this.lines(), geometry });
    if (view === this.view) return;
    this.view = view;
    this.changed();
  }

  handleKey(key: string, input: string): void {
    let notice: string | undefined;
    const effects: PaneEffects = {
      save: (lines) => {
        try {
          notice = `saved ${lines.length} lines to ${this.outputs.save(this.title, lines)}`;
        } catch (error) {
          notice = `could not save: ${messageOf(error)}`;
        }
      },
      copy: (line) => {
        this.outputs.copy(clipboardText(line.message));
        notice = "copied the line to the clipboard";
      },
      loadOlder: () => void this.follower.loadOlder(),
      setHistoryWindow: (windowMs) => {
        notice = `loading history back to ${formatDuration(windowMs)} ago…`;
        this.loadHistory(windowMs);
      },
      close: () => this.close(),
    };
    const next = paneKey({ ...this.view, notice: undefined }, key, input, {
      shown: this.lines(),
      geometry: this.geometry,
      historyWindowMs: this.follower.getState().historyWindowMs,
      effects,
    });
    this.view = { ...next, notice: notice ?? next.notice };
    this.changed();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.frame);
    this.unsubscribe();
    this.follower.stop();
    this.onClose();
  }

  private loadHistory(windowMs: number): void {
    const { buffer } = this.follower;
    const window = formatDuration(windowMs);
    this.follower.setHistoryWindow(windowMs).then(
      (added) =>
        this.showNotice(
          added > 0
            ? `loaded ${added.toLocaleString("en-US")} older lines (history ${window})`
            : buffer.length >= buffer.capacity
              ? `history ${window}: no older lines loaded, the buffer is full`
              : `history ${window}: no older lines to load`,
        ),
      (error: unknown) => this.showNotice(`history ${window}: ${messageOf(error)}`),
    );
  }

  private showNotice(notice: string): void {
    if (this.closed) return;
    this.view = { ...this.view, notice };
    this.changed();
  }

  private dataChanged(): void {
    this.frame ??= setTimeout(() => this.changed(), DATA_FRAME_MS);
  }

  private changed(): void {
    clearTimeout(this.frame);
    this.frame = undefined;
    // While paused, count what arrived for the "N new lines" badge (the buffer may be full, so
    // count arrivals, not its length).
    const added = this.follower.buffer.added;
    if (!this.view.follow && added > this.seenAdded) {
      this.view = { ...this.view, unseen: this.view.unseen + (added - this.seenAdded) };
    }
    this.seenAdded = added;
    this.snapshot = { view: this.view, version: this.snapshot.version + 1 };
    for (const listener of this.listeners) listener();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
