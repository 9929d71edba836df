import { Box, Text } from "ink";
import type { ContextLine } from "../store/app-store.js";
import { keyLabel, type KeyHint } from "./keymap.js";
import { theme } from "./theme.js";
import { sanitizeCell } from "./sanitize.js";
import { fit } from "./text-fit.js";

export const HEADER_ROWS = 6;

export function Header({
  info,
  hints,
  width,
}: {
  info: readonly ContextLine[];
  hints: readonly KeyHint[];
  width: number;
}) {
  const labelWidth = Math.max(0, ...info.map((item) => item.label.length)) + 2;
  const infoWidth = Math.min(44, Math.max(24, Math.floor(width / 3)));
  const columns: KeyHint[][] = [];
  for (let i = 0; i < hints.length; i += HEADER_ROWS) columns.push(hints.slice(i, i + HEADER_ROWS));
  return (
    <Box height={HEADER_ROWS} width={width} overflow="hidden">
      <Box flexDirection="column" width={infoWidth} flexShrink={0}>
        {info.slice(0, HEADER_ROWS).map((item) => (
          <Text key={item.label} wrap="truncate-end">
            <Text color={theme.info}>{fit(`${item.label}:`, labelWidth)}</Text>
            <Text bold>{sanitizeCell(item.value)}</Text>
          </Text>
        ))}
      </Box>
      {columns.map((column, c) => (
        <Box key={c} flexDirection="column" marginLeft={2} flexShrink={1}>
          {column.map((binding) => (
            <Text key={binding.action} wrap="truncate-end">
              <Text color={theme.key}>{keyLabel(binding)}</Text> <Text dimColor>{binding.description}</Text>
            </Text>
          ))}
        </Box>
      ))}
    </Box>
  );
}
