// The open description: its lines, the reading state (describe.ts) and the screen's geometry, kept
// outside React like LogPaneStore and read through useSyncExternalStore.
import {
  describeKey,
  INITIAL_DESCRIBE,
  matchingLines,
  oneRowPerLine,
  scrolled,
  type DescribeGeometry,
  type DescribeView,
} from "./describe.js";

/** What the UI lends the store: how an object becomes safe lines, and the clipboard. */
export interface DescribeOutputs {
  /** The object as indented JSON, one string per line, with everything untrusted made inert. */
  lines: (value: object) => string[];
  /** Puts text on the clipboard (OSC 52, so it works over SSH). */
  copy: (text: string) => void;
}

/** How a line of a diff is drawn: a change, context, a hunk's "@@" line, the file lines, a note. */
export type DiffLineKind = "same" | "added" | "removed" | "hunk" | "header" | "note";

/** Lines already laid out (a diff) to show instead of an object's JSON. */
export class PaneText {
  constructor(
    /** What the frame calls it: "diff". */
    readonly heading: string,
    readonly lines: readonly string[],
    readonly kinds: readonly DiffLineKind[],
  ) {}
}

export class DescribePane {
  private view: DescribeView = INITIAL_DESCRIBE;
  private readonly listeners = new Set<() => void>();
  private geometry: DescribeGeometry;
  private matches: { term: string; lines: readonly number[] } = { term: "", lines: [] };
  readonly lines: readonly string[];
  /** "describe", or what the PaneText shown says it is. */
  readonly heading: string;
  /** How each line is drawn when the pane shows a diff; JSON otherwise. */
  readonly kinds: readonly DiffLineKind[] | undefined;

  constructor(
    readonly title: string,
    value: object | PaneText,
    private readonly outputs: DescribeOutputs,
    private readonly onClose: () => void,
  ) {
    const text = value instanceof PaneText ? value : undefined;
    this.lines = text ? text.lines : outputs.lines(value);
    this.heading = text ? text.heading : "describe";
    this.kinds = text?.kinds;
    this.geometry = { rows: 20, map: oneRowPerLine(this.lines.length) };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): DescribeView => this.view;

  /** The lines matching the search, in order. */
  matchesOf = (term: string): readonly number[] => {
    if (this.matches.term !== term) this.matches = { term, lines: matchingLines(this.lines, term) };
    return this.matches.lines;
  };

  /** The screen as last drawn. At a new width lines wrap differently: the top line stays on top. */
  setGeometry(geometry: DescribeGeometry): void {
    const before = this.geometry;
    if (geometry.rows === before.rows && geometry.map === before.map) return;
    this.geometry = geometry;
    const view = scrolled(this.view, geometry.map.rowOf(before.map.lineAt(this.view.top)), geometry);
    if (view.top !== this.view.top) this.update(view);
  }

  handleKey(key: string, input: string): void {
    let notice: string | undefined;
    const next = describeKey({ ...this.view, notice: undefined }, key, input, {
      geometry: this.geometry,
      matchesOf: this.matchesOf,
      effects: {
        copy: () => {
          this.outputs.copy(this.lines.join("\n"));
          const what = this.kinds ? `the ${this.heading}` : "JSON";
          notice = `copied ${this.lines.length.toLocaleString("en-US")} lines of ${what} to the clipboard`;
        },
        close: this.onClose,
      },
    });
    this.update({ ...next, notice: notice ?? next.notice });
  }

  private update(view: DescribeView): void {
    this.view = view;
    for (const listener of this.listeners) listener();
  }
}
