import { Box, Text } from "ink";
import { PANE_BINDINGS } from "../store/log-pane.js";
import { BINDINGS, keyLabel, type KeyHint } from "./keymap.js";
import { fit } from "./text-fit.js";
import { theme } from "./theme.js";

function Column({ title, bindings, rows }: { title: string; bindings: readonly KeyHint[]; rows: number }) {
  const keyWidth = Math.max(...bindings.map((binding) => keyLabel(binding).length)) + 2;
  return (
    <Box flexDirection="column" flexGrow={1} flexBasis={0} marginRight={2} overflow="hidden">
      <Text color={theme.title} bold wrap="truncate-end">
        {title}
      </Text>
      {bindings.slice(0, Math.max(0, rows - 1)).map((binding) => (
        <Text key={binding.action} wrap="truncate-end">
          <Text color={theme.key}>{fit(keyLabel(binding), keyWidth)}</Text>
          {binding.description}
          {binding.kinds ? <Text dimColor>{` (${binding.kinds.join(", ")})`}</Text> : null}
        </Text>
      ))}
    </Box>
  );
}

/**
 * Every key, from the same lists the dispatcher uses: moving around the tables, the actions of
 * each kind of row, and the log pane.
 */
export function Help({ width, height }: { width: number; height: number }) {
  const rows = Math.max(1, height - 3);
  return (
    <Box flexDirection="column" borderStyle="single" borderColor={theme.border} width={width} height={height}>
      <Text color={theme.title} bold wrap="truncate-end">
        {" help "}
        <Text dimColor>
          (esc or ? to close) · read-only mode refuses what changes AWS, not shells, commands or port forwards
        </Text>
      </Text>
      <Box height={rows} overflow="hidden">
        <Column title="tables" bindings={BINDINGS.filter((binding) => !binding.kinds)} rows={rows} />
        <Column title="actions" bindings={BINDINGS.filter((binding) => binding.kinds)} rows={rows} />
        <Column title="log pane" bindings={PANE_BINDINGS} rows={rows} />
      </Box>
    </Box>
  );
}
