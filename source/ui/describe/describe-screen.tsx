import { Box, Text } from "ink";
import { useEffect, useMemo, useSyncExternalStore } from "react";
import type { DescribePane } from "../../features/describe/describe-pane.js";
import type { DescribeView } from "../../features/describe/describe.js";
import { DESCRIBE_KEYMAP } from "../../features/describe/describe-keys.js";
import { keyLabel } from "../../input/binding.js";
import { LogRow } from "../log-pane/log-pane.js";
import { sanitizeCell } from "../../core/text/sanitize.js";
import { fit, stringWidth } from "../text-fit.js";
import { theme } from "../theme.js";
import { diffSegmentsOf } from "./diff-lines.js";
import { rowMap, screenRows } from "./json-lines.js";
import { CursorLine } from "../cursor-text.js";

/** Top and bottom border lines. */
const CHROME = 2;

/** The hint line; `c` copies what the pane shows, which for a diff is not JSON. */
function hintsFor(pane: DescribePane): string {
  return DESCRIBE_KEYMAP.hints()
    .map((binding) => {
      const description =
        binding.action === "copy" && pane.kinds ? `Copy the ${pane.heading}` : binding.description;
      return `${keyLabel(binding)} ${description}`;
    })
    .join("  ");
}

function statusText(view: DescribeView, matches: readonly number[], hints: string): string {
  if (view.notice) return view.notice;
  if (!view.search) return hints;
  const current = view.matchLine === undefined ? 0 : matches.indexOf(view.matchLine) + 1;
  const where = matches.length === 0 ? "no match" : `match ${current} of ${matches.length}`;
  return `search "${view.search}": ${where} (n/N, esc clears)`;
}

/** The description of one row, over the whole screen: JSON lines, wrapped, searched, scrolled. */
export function DescribeScreen({
  pane,
  width,
  height,
}: {
  pane: DescribePane;
  width: number;
  height: number;
}) {
  const view = useSyncExternalStore(pane.subscribe, pane.getSnapshot);
  const inner = Math.max(1, width - 2);
  const bodyRows = Math.max(1, height - CHROME);
  const map = useMemo(() => rowMap(pane.lines, inner), [pane, inner]);
  useEffect(() => pane.setGeometry({ rows: bodyRows, map }), [pane, bodyRows, map]);
  const segmentsOf = useMemo(() => (pane.kinds ? diffSegmentsOf(pane.kinds) : undefined), [pane]);
  const rows = screenRows(pane.lines, map, { ...view, height: bodyRows, width: inner, segmentsOf });
  const matches = pane.matchesOf(view.search);

  const title = `─ ${pane.heading} ${sanitizeCell(pane.title)} `;
  const last = Math.min(map.total, view.top + bodyRows);
  const position = ` rows ${view.top + 1}-${last} of ${map.total} ─`;
  const fill = "─".repeat(Math.max(0, inner - stringWidth(title) - stringWidth(position)));

  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate-end" color={theme.border}>
        ┌
        <Text color={theme.title} bold>
          {title}
        </Text>
        {fill}
        {position}┐
      </Text>
      <Box
        flexDirection="column"
        height={bodyRows}
        borderStyle="single"
        borderTop={false}
        borderBottom={false}
        borderColor={theme.border}
      >
        {rows.map((row, i) => (
          <LogRow key={i} row={row} />
        ))}
      </Box>
      <Text wrap="truncate-end">
        <Text color={theme.border}>└ </Text>
        <Text color={view.prompt ? theme.key : theme.info}>
          {view.prompt ? (
            <CursorLine text={`/ ${view.draft}`} cursor={2 + view.draftCursor} width={inner - 1} />
          ) : (
            fit(sanitizeCell(statusText(view, matches, hintsFor(pane))), inner - 1)
          )}
        </Text>
        <Text color={theme.border}>┘</Text>
      </Text>
    </Box>
  );
}
