// The help screen rendered alone with ink-testing-library at the size it is given: the keys of the
// view it was opened from in three columns, and scrolling when they do not fit.
import { cleanup } from "ink-testing-library";
import { afterEach, describe, expect, it } from "vitest";
import { KINDS } from "../../source/kinds/registry.js";
import { TABLE_KEYMAP } from "../../source/input/table-keys.js";
import { Help } from "../../source/ui/help.js";
import { renderWidget } from "./ink-frame.js";

afterEach(cleanup);

/** The text of a column: the part of each body line from `from` to `to`, trimmed. */
const column = (lines: string[], from: number, to: number) =>
  lines.slice(2, -1).map((line) => line.slice(from, to).trim());

describe("help", () => {
  it("lists the keys of the tables, of the view's actions and of the log pane, in a box of its size", () => {
    const shown = renderWidget(
      <Help width={100} height={24} kind={KINDS.services} keymap={TABLE_KEYMAP} top={0} />,
    );
    expect(shown.lines).toHaveLength(24);
    for (const line of shown.lines) expect([...line]).toHaveLength(100);
    expect(shown.lines[2]).toMatch(/^│tables\s+services actions\s+log pane\s+│$/);
    for (const title of ["tables", "services actions", "log pane"]) {
      expect(shown.uniformStyleOf(title)).toMatchObject({ color: "cyan", bold: true });
    }
    expect(shown.text).toMatch(/<s>\s+Scale/);
    expect(shown.text).toMatch(/<ctrl-l>\s+Roll back/);
    expect(shown.text).toMatch(/<enter>\s+Open/);
    expect(shown.uniformStyleOf("<ctrl-l>").color).toBe("magenta");
    // Sort keys of this view, by column name.
    expect(shown.text).toMatch(/sort services \(again: reverse\)/);
    expect(shown.text).toMatch(/<D>\s+DESIRED/);
  });

  it("says how to close it and, when it does not fit, which rows show and how to scroll", () => {
    const shown = renderWidget(
      <Help width={100} height={24} kind={KINDS.services} keymap={TABLE_KEYMAP} top={0} />,
    );
    expect(shown.lines[1]).toMatch(
      /^│ help \(esc or \? to close · j\/k pgdn\/pgup scroll, rows 1-21 of \d+\)/,
    );
    expect(shown.styleOf("(esc or ? to close").dim).toBe(true);
    cleanup();
    const tall = renderWidget(
      <Help width={100} height={60} kind={KINDS.services} keymap={TABLE_KEYMAP} top={0} />,
    );
    expect(tall.lines[1]).toMatch(/^│ help \(esc or \? to close\) · read-only mode/);
  });

  it("scrolls every column together, and not past the end", () => {
    const shown = renderWidget(
      <Help width={100} height={12} kind={KINDS.services} keymap={TABLE_KEYMAP} top={5} />,
    );
    expect(shown.lines[1]).toMatch(/rows 6-14 of \d+/);
    // The tables column's sixth row is the filter key: it is now the first one shown.
    expect(column(shown.lines, 1, 33)[0]).toMatch(/^<\/>\s+Filter$/);
    cleanup();
    const end = renderWidget(
      <Help width={100} height={12} kind={KINDS.services} keymap={TABLE_KEYMAP} top={999} />,
    );
    const [, total] = /rows \d+-(\d+) of (\d+)/.exec(end.lines[1]!)!.slice(1);
    expect(end.lines[1]).toContain(`-${total} of ${total}`);
  });

  it("shows the actions of the view it was opened from, not those of another", () => {
    const shown = renderWidget(
      <Help width={100} height={40} kind={KINDS.tasks} keymap={TABLE_KEYMAP} top={0} />,
    );
    expect(shown.text).toContain("tasks actions");
    expect(shown.text).toMatch(/<ctrl-k>\s+Stop task\(s\)/);
    expect(shown.text).not.toMatch(/<s>\s+Scale/);
  });
});
