import { Box, Text } from "ink";
import { PANE_KEYMAP } from "../../features/logs/log-pane-keys.js";
import { keyLabel } from "../../input/binding.js";
import { fit } from "../text-fit.js";
import { theme } from "../theme.js";

/** The pane's keys, from the list the pane dispatches on, in as many columns as `rows` needs. */
export function PaneHelp({ rows }: { rows: number }) {
  const perColumn = Math.max(1, rows);
  const { bindings } = PANE_KEYMAP;
  const columns: (typeof bindings)[] = [];
  for (let i = 0; i < bindings.length; i += perColumn) columns.push(bindings.slice(i, i + perColumn));
  return (
    <Box height={perColumn} overflow="hidden">
      {columns.map((column, c) => {
        const keyWidth = Math.max(...column.map((binding) => keyLabel(binding).length)) + 1;
        return (
          <Box key={c} flexDirection="column" flexShrink={1} marginRight={3} overflow="hidden">
            {column.map((binding) => (
              <Text key={binding.action} wrap="truncate-end">
                <Text color={theme.key}>{fit(keyLabel(binding), keyWidth)}</Text>
                {binding.description}
              </Text>
            ))}
          </Box>
        );
      })}
    </Box>
  );
}
