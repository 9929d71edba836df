import { Box, Text } from "ink";
import { memo } from "react";
import type { Column, Tone } from "../kinds/types.js";
import type { MatchRange } from "../state/row-filter.js";
import { COLUMN_GAP, columnWidths } from "./column-widths.js";
import { highlightSegments, type Segment } from "./highlight.js";
import { HighlightText } from "./highlight-text.js";
import { sanitizeCell } from "../core/text/sanitize.js";
import { fit, stringWidth } from "./text-fit.js";
import { TONE_COLOR, theme } from "./theme.js";

export interface TableProps<Row> {
  title: string;
  /** After the title, in its tone: a summary of the rows (the targets view's zone spread). */
  caption?: { text: string; tone?: Tone };
  /** Right side of the top border: "updated 3s ago", "stale", "loading…" */
  status: string;
  statusTone?: Tone;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  isPlaceholder?: (row: Row) => boolean;
  isHighlighted: (key: string) => boolean;
  /** Rows can be marked: a narrow first column shows marks (✓) and pending changes (⟳). */
  markable?: boolean;
  isMarked?: (key: string) => boolean;
  /** What a row shows in the column with `pendingSlot` while a change to it is unconfirmed. */
  pendingLabel?: (key: string, row: Row) => string | undefined;
  cursor: number;
  top: number;
  /** Rows of data that fit (the table itself is 3 lines taller: borders and column header). */
  height: number;
  width: number;
  now: number;
  emptyText: string;
  /** Where the filter matched in a cell's text, to highlight it. */
  matches?: (text: string, column: number) => readonly MatchRange[];
}

interface Cell {
  text: string;
  color?: string;
  /** The text cut where the filter matched, when it did. */
  segments?: Segment[];
}

interface RowLineProps {
  cells: Cell[];
  selected: boolean;
  highlighted: boolean;
  placeholder: boolean;
}

const RowLine = memo(function RowLine({ cells, selected, highlighted, placeholder }: RowLineProps) {
  const gap = " ".repeat(COLUMN_GAP);
  return (
    <Text wrap="truncate-end">
      <Text
        inverse={selected}
        dimColor={placeholder && !selected}
        color={highlighted && !selected ? theme.highlight : undefined}
        bold={highlighted}
      >
        {cells.map((cell, i) => (
          <Text key={i} color={selected || highlighted || placeholder ? undefined : cell.color}>
            {i > 0 ? gap : ""}
            {cell.segments ? <HighlightText segments={cell.segments} /> : cell.text}
          </Text>
        ))}
      </Text>
    </Text>
  );
}, sameRow);

function sameRow(a: RowLineProps, b: RowLineProps): boolean {
  return (
    a.selected === b.selected &&
    a.highlighted === b.highlighted &&
    a.placeholder === b.placeholder &&
    a.cells.length === b.cells.length &&
    a.cells.every(
      (cell, i) =>
        cell.text === b.cells[i]!.text &&
        cell.color === b.cells[i]!.color &&
        sameSegments(cell.segments, b.cells[i]!.segments),
    )
  );
}

function sameSegments(a: Segment[] | undefined, b: Segment[] | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.length === b.length &&
    a.every((segment, i) => segment.text === b[i]!.text && segment.match === b[i]!.match)
  );
}

function topBorder(
  title: string,
  caption: string,
  status: string,
  inner: number,
): { left: string; caption: string; fill: string; right: string } {
  const left = `─ ${title} `;
  const right = status ? ` ${status} ─` : "";
  // The caption gives way first, so that the status and the corner stay on a narrow screen.
  const room = inner - stringWidth(left) - stringWidth(right) - 1;
  const shown = caption && room > 1 ? `${fit(caption, Math.min(stringWidth(caption), room))} ` : "";
  const fill = "─".repeat(Math.max(0, inner - stringWidth(left) - stringWidth(shown) - stringWidth(right)));
  return { left, caption: shown, fill, right };
}

export function Table<Row>(props: TableProps<Row>) {
  const { columns, rows, cursor, top, height, width, now } = props;
  const inner = Math.max(0, width - 2);
  const gutter = props.markable ? GUTTER + COLUMN_GAP : 0;
  const windowRows = rows.slice(top, top + height);
  const keys = windowRows.map((row) => props.rowKey(row));
  const pending = windowRows.map((row, r) => props.pendingLabel?.(keys[r]!, row));
  const raw = windowRows.map((row, r) =>
    columns.map((column) =>
      sanitizeCell(column.pendingSlot && pending[r] !== undefined ? pending[r] : column.value(row, now)),
    ),
  );
  const widths = columnWidths(columns, raw, inner - gutter);
  // A column cut to nothing on a narrow screen is left out, with its gap.
  const drawn = columns.map((_, c) => c).filter((c) => widths[c]! > 0);
  const headerLine =
    " ".repeat(gutter) +
    drawn.map((c) => fit(columns[c]!.header, widths[c]!, columns[c]!.align)).join(" ".repeat(COLUMN_GAP));
  const border = topBorder(
    sanitizeCell(props.title),
    sanitizeCell(props.caption?.text ?? ""),
    props.status,
    inner,
  );

  const lines = windowRows.map((row, r) => {
    const key = keys[r]!;
    const marked = props.isMarked?.(key) ?? false;
    const cells: Cell[] = drawn.map((c) => {
      const column = columns[c]!;
      return {
        text: fit(raw[r]![c]!, widths[c]!, column.align),
        segments: segmentsOf(props.matches, raw[r]![c]!, c, widths[c]!, column.align),
        color:
          column.pendingSlot && pending[r] !== undefined
            ? theme.progress
            : marked
              ? theme.marked
              : toneColor(column.tone?.(row)),
      };
    });
    if (props.markable) {
      cells.unshift(
        pending[r] !== undefined
          ? { text: "⟳", color: theme.progress }
          : marked
            ? { text: "✓", color: theme.marked }
            : { text: " " },
      );
    }
    // Pad the last cell so the cursor bar spans the whole row.
    const used =
      cells.reduce((sum, cell) => sum + stringWidth(cell.text), 0) + COLUMN_GAP * (cells.length - 1);
    const last = cells[cells.length - 1];
    if (last && used < inner) {
      const padding = " ".repeat(inner - used);
      last.text += padding;
      last.segments?.push({ text: padding, match: false });
    }
    return (
      <RowLine
        key={key}
        cells={cells}
        selected={top + r === cursor}
        highlighted={props.isHighlighted(key)}
        placeholder={props.isPlaceholder?.(row) ?? false}
      />
    );
  });
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate-end">
        <Text color={theme.border}>┌{border.left.slice(0, 2)}</Text>
        <Text color={theme.title} bold>
          {border.left.slice(2)}
        </Text>
        {border.caption ? (
          <Text color={toneColor(props.caption?.tone) ?? theme.title}>{border.caption}</Text>
        ) : null}
        <Text color={theme.border}>{border.fill}</Text>
        <Text color={toneColor(props.statusTone) ?? theme.border}>{border.right}</Text>
        <Text color={theme.border}>┐</Text>
      </Text>
      {/* Side borders drawn by Ink as one write per side; blank rows below the data cost nothing. */}
      <Box
        flexDirection="column"
        width={width}
        height={height + 1}
        borderStyle="single"
        borderTop={false}
        borderBottom={false}
        borderColor={theme.border}
      >
        <Box flexShrink={0}>
          <Text bold wrap="truncate-end">
            {fit(headerLine, inner)}
          </Text>
        </Box>
        {lines}
        {/* Why a view is empty can take a sentence: wrapped, not cut. */}
        {rows.length === 0 ? (
          <Box flexShrink={1} overflowY="hidden">
            <Text wrap="wrap">{props.emptyText}</Text>
          </Box>
        ) : null}
      </Box>
      <Text color={theme.border}>└{"─".repeat(inner)}┘</Text>
    </Box>
  );
}

function segmentsOf(
  matches: TableProps<unknown>["matches"],
  text: string,
  column: number,
  width: number,
  align: "right" | undefined,
): Segment[] | undefined {
  const ranges = matches?.(text, column);
  if (!ranges?.length) return undefined;
  const segments = highlightSegments(text, fit(text, width, align), ranges);
  return segments.some((segment) => segment.match) ? segments : undefined;
}

/** Width of the mark column of markable tables. */
const GUTTER = 1;

function toneColor(tone: Tone | undefined): string | undefined {
  return tone ? TONE_COLOR[tone] : undefined;
}
