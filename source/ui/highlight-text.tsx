import { Text } from "ink";
import type { Segment } from "./highlight.js";

/** A cell with its filter matches marked, like a search in less or vim. */
export function HighlightText({ segments }: { segments: readonly Segment[] }) {
  return segments.map((segment, i) =>
    segment.match ? (
      <Text key={i} backgroundColor="yellow" color="black">
        {segment.text}
      </Text>
    ) : (
      segment.text
    ),
  );
}
