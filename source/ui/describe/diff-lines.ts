// How a diff's lines are coloured on screen: additions green, removals red, hunk headers muted,
// the ---/+++ lines in the title colour, notes in the info colour, context plain; search matches
// are marked on top. Without colours (NO_COLOR) the +/- marks still say it all.
import type { DiffLineKind } from "../../features/describe/describe-pane.js";
import { highlight, type Segment } from "../log-pane/layout.js";
import { theme, TONE_COLOR } from "../theme.js";

function style(kind: DiffLineKind | undefined): Omit<Segment, "text"> {
  switch (kind) {
    case "added":
      return { color: theme.ok };
    case "removed":
      return { color: theme.error };
    case "hunk":
      return { color: TONE_COLOR.muted };
    case "note":
      return { color: theme.info };
    case "header":
      return { color: theme.title };
    default:
      return {};
  }
}

/** The segments of line `line` of a diff whose lines are of these kinds. */
export function diffSegmentsOf(kinds: readonly DiffLineKind[]) {
  return (text: string, search: string, line: number): Segment[] =>
    highlight(text, search, style(kinds[line]));
}
