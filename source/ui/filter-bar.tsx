import { Text } from "ink";
import { theme } from "./theme.js";

export function FilterBar({ draft }: { draft: string }) {
  return (
    <Text wrap="truncate-start">
      <Text color={theme.key} bold>
        {"/ "}
      </Text>
      {draft}
      <Text inverse> </Text>
      <Text dimColor>{"   enter to keep, esc to clear"}</Text>
    </Text>
  );
}
