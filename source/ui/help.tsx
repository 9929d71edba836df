import { Box, Text } from "ink";
import { BINDINGS, keyLabel } from "./keymap.js";
import { fit } from "./text-fit.js";
import { theme } from "./theme.js";

export function Help({ width, height }: { width: number; height: number }) {
  const keyWidth = Math.max(...BINDINGS.map((b) => keyLabel(b).length)) + 2;
  return (
    <Box flexDirection="column" borderStyle="single" borderColor={theme.border} width={width} height={height}>
      <Text color={theme.title} bold>
        {" help "}
        <Text dimColor>(esc or ? to close)</Text>
      </Text>
      {BINDINGS.map((binding) => (
        <Text key={binding.action} wrap="truncate-end">
          <Text color={theme.key}>{fit(keyLabel(binding), keyWidth)}</Text>
          {binding.description}
        </Text>
      ))}
    </Box>
  );
}
