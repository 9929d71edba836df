import { Box, Text } from "ink";
import type { AnyKind } from "../kinds/registry.js";
import { helpColumns, helpLineCount, helpScrollKeys, type HelpSection } from "../input/help-sections.js";
import { keyLabel, type KeyHint } from "../input/binding.js";
import type { TableKeymap } from "../input/table-keys.js";
import { fit } from "./text-fit.js";
import { theme } from "./theme.js";

const labelOf = (binding: KeyHint, typed: boolean | undefined) =>
  typed ? binding.keys.join(" ") : keyLabel(binding);

/** One column of help: sections one under the other, the rows from `top` that fit. */
function Column({ sections, top, rows }: { sections: readonly HelpSection[]; top: number; rows: number }) {
  const lines = sections.flatMap(({ title, bindings, typed }, index) => {
    const keyWidth = Math.max(...bindings.map((binding) => labelOf(binding, typed).length)) + 2;
    // One element per row, so that cutting to `rows` elements cuts to `rows` rows.
    return [
      ...(index > 0 ? [<Text key={`gap ${title}`}> </Text>] : []),
      <Text key={`title ${title}`} color={theme.title} bold wrap="truncate-end">
        {title}
      </Text>,
      ...bindings.map((binding) => (
        <Text key={`${title} ${binding.action}`} wrap="truncate-end">
          <Text color={theme.key}>{fit(labelOf(binding, typed), keyWidth)}</Text>
          {binding.description}
        </Text>
      )),
    ];
  });
  return (
    <Box flexDirection="column" flexGrow={1} flexBasis={0} marginRight={2} overflow="hidden">
      {lines.slice(top, top + rows)}
    </Box>
  );
}

/** Every key, from the same lists the dispatcher uses; scrolls when it does not fit (j/k, pgdn…). */
export function Help({
  width,
  height,
  kind,
  keymap,
  top,
}: {
  width: number;
  height: number;
  kind: AnyKind;
  keymap: TableKeymap;
  top: number;
}) {
  const rows = Math.max(1, height - 3);
  const total = helpLineCount(kind, keymap);
  const shownTop = Math.max(0, Math.min(top, total - rows));
  const scroll =
    total > rows
      ? ` · ${helpScrollKeys(keymap)} scroll, rows ${shownTop + 1}-${Math.min(total, shownTop + rows)} of ${total}`
      : "";
  return (
    <Box flexDirection="column" borderStyle="single" borderColor={theme.border} width={width} height={height}>
      <Text color={theme.title} bold wrap="truncate-end">
        {" help "}
        <Text dimColor>
          (esc or ? to close{scroll}) · read-only mode refuses what changes AWS, not shells, commands or port
          forwards
        </Text>
      </Text>
      <Box height={rows} overflow="hidden">
        {helpColumns(kind, keymap).map((sections) => (
          <Column key={sections[0]!.title} sections={sections} top={shownTop} rows={rows} />
        ))}
      </Box>
    </Box>
  );
}
