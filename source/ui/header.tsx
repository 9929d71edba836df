import { Box, Text } from "ink";
import type { ContextLine } from "../state/app-store.js";
import { keyLabel, type KeyHint } from "../input/binding.js";
import { theme } from "./theme.js";
import { sanitizeCell } from "../core/text/sanitize.js";
import { fit } from "./text-fit.js";

export const HEADER_ROWS = 6;

export interface HeaderHint extends KeyHint {
  /** Refused here (read-only): shown dimmed. */
  refused?: boolean;
}

export function Header({
  info,
  hints,
  width,
  readOnly,
}: {
  info: readonly ContextLine[];
  hints: readonly HeaderHint[];
  width: number;
  /** Set in read-only sessions: a badge that cannot be missed. */
  readOnly?: boolean;
}) {
  const labelWidth = Math.max(0, ...info.map((item) => item.label.length)) + 2;
  const infoWidth = Math.min(44, Math.max(24, Math.floor(width / 3)));
  const columns: HeaderHint[][] = [];
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
              <Text color={binding.refused ? theme.crumbAbove : theme.key}>{keyLabel(binding)}</Text>{" "}
              <Text dimColor strikethrough={binding.refused}>
                {binding.description}
              </Text>
            </Text>
          ))}
        </Box>
      ))}
      {readOnly ? (
        <>
          <Box flexGrow={1} />
          <Box flexDirection="column" flexShrink={0} marginLeft={2} alignItems="center">
            <Text
              backgroundColor={theme.badge}
              color={theme.badgeText}
              bold
              inverse={theme.badge === undefined}
            >
              {" RO "}
            </Text>
            <Text color={theme.error}>read-only</Text>
          </Box>
        </>
      ) : null}
    </Box>
  );
}
