import { Text } from "ink";
import { ghostText, type CommandLine } from "../features/commands/command-mode.js";
import { findCommand } from "../features/commands/commands.js";
import { splitAtCursor } from "./cursor-text.js";
import { theme } from "./theme.js";

/**
 * The `:` line, at the top like the filter bar: the draft, the completion `tab` would take as dim
 * ghost text (the cursor, at the end of the line, sits on its first character), and what the
 * command would do.
 */
export function CommandBar({ line }: { line: CommandLine }) {
  const ghost = ghostText(line);
  const { before, at, after } = splitAtCursor(line.draft, line.cursor);
  const command = findCommand((line.draft + ghost).trim().split(/\s+/)[0] ?? "");
  return (
    <Text wrap="truncate-end">
      <Text color={theme.key} bold>
        {": "}
      </Text>
      {before}
      <Text inverse dimColor={ghost.length > 0}>
        {at || ghost[0] || " "}
      </Text>
      {after}
      <Text dimColor>{ghost.slice(1)}</Text>
      <Text dimColor>
        {command ? `   ${command.description}` : ""}
        {"   tab to complete, enter to run, esc to cancel"}
      </Text>
    </Text>
  );
}
