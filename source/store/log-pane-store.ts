// The open log pane: a LogFollower for what is followed plus the reading state (follow/pause,
// search, filter…), kept outside React like AppStore and read through useSyncExternalStore.
import type { LogFollower } from "../logs/log-follower.js";
import type { LineList } from "../logs/log-line.js";
import { INITIAL_PANE, paneKey, ShownLines, type PaneEffects, type PaneView } from "./log-pane.js";

/**
 * New lines are shown at most this often. A frame costs the same whether 1 or 1,000 lines arrived,
 * and at thousands of lines a second redrawing per batch would spend the CPU (and the garbage
 * collector's time) that keys need. Keys are answered at once.
 */
export const DATA_FRAME_MS = 100;

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

export class LogPaneStore {
  private view: PaneView = INITIAL_PANE;
  private snapshot: LogPaneSnapshot = { view: INITIAL_PANE, version: 0 };
  private readonly listeners = new Set<() => void>();
  private readonly unsubscribe: () => void;
  private seenAdded = 0;
  private frame: ReturnType<typeof setTimeout> | undefined;
  readonly shown: ShownLines;

  constructor(
    readonly title: string,
    readonly follower: LogFollower,
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

  handleKey(key: string, input: string, pageRows: number): void {
    let notice: string | undefined;
    const effects: PaneEffects = {
      save: (lines) => {
        try {
          notice = `saved ${lines.length} lines to ${this.outputs.save(this.title, lines)}`;
        } catch (error) {
          notice = `could not save: ${error instanceof Error ? error.message : String(error)}`;
        }
      },
      copy: (line) => {
        this.outputs.copy(line.message);
        notice = "copied the line to the clipboard";
      },
      loadOlder: () => void this.follower.loadOlder(),
      close: () => this.close(),
    };
    const next = paneKey({ ...this.view, notice: undefined }, key, input, this.lines(), pageRows, effects);
    this.view = { ...next, notice: notice ?? next.notice };
    this.changed();
  }

  close(): void {
    clearTimeout(this.frame);
    this.unsubscribe();
    this.follower.stop();
    this.onClose();
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
