import { Text } from "ink";
import type { Segment } from "./highlight.js";
import { theme } from "./theme.js";

/** A cell with its filter matches marked, like a search in less or vim. */
export function HighlightText({ segments }: { segments: readonly Segment[] }) {
  return segments.map((segment, i) =>
    segment.match ? (
      <Text key={i} backgroundColor={theme.match} color={theme.matchText} inverse={theme.match === undefined}>
        {segment.text}
      </Text>
    ) : (
      segment.text
    ),
  );
}
