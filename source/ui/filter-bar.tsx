import { Text } from "ink";
import { splitAtCursor } from "./cursor-text.js";
import { theme } from "./theme.js";

export function FilterBar({ draft, cursor }: { draft: string; cursor: number }) {
  const { before, at, after } = splitAtCursor(draft, cursor);
  return (
    <Text wrap="truncate-start">
      <Text color={theme.key} bold>
        {"/ "}
      </Text>
      {before}
      <Text inverse>{at || " "}</Text>
      {after}
      <Text dimColor>{"   enter to keep, esc to clear"}</Text>
    </Text>
  );
}
