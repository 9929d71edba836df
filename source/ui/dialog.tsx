// The action dialog: a bordered box above the table (which stays visible below it, cursor on the
// row acted on). Its body scrolls when it does not fit; its footer (keys, typed confirmation,
// errors) never does.
import { Box, Text } from "ink";
import type { DialogView } from "../features/dialogs/dialog-view.js";
import { dialogLines, type Line } from "./dialog-lines.js";
import { sanitizeCell } from "../core/text/sanitize.js";
import { fit, stringWidth } from "./text-fit.js";
import { theme } from "./theme.js";

/** Border and padding around the lines. */
const CHROME_ROWS = 2;
const PADDING = 2;

export function dialogInnerWidth(width: number): number {
  return Math.max(10, width - 2 - PADDING);
}

/** The height the dialog wants: all its lines, if they fit in `max`. */
export function dialogHeight(view: DialogView, width: number, max: number): number {
  const { body, footer } = dialogLines(view, dialogInnerWidth(width));
  return Math.max(CHROME_ROWS + 1 + footer.length, Math.min(max, body.length + footer.length + CHROME_ROWS));
}

function LineText({ line, width }: { line: Line; width: number }) {
  const used = line.reduce((sum, segment) => sum + stringWidth(segment.text), 0);
  return (
    <Text wrap="truncate-end">
      {line.map((segment, i) => (
        <Text
          key={i}
          color={segment.color}
          bold={segment.bold}
          dimColor={segment.dim}
          inverse={segment.inverse}
        >
          {segment.text}
        </Text>
      ))}
      {used < width ? " ".repeat(width - used) : ""}
    </Text>
  );
}

export function Dialog({ view, width, height }: { view: DialogView; width: number; height: number }) {
  const inner = dialogInnerWidth(width);
  const { title, body, footer, focusLine } = dialogLines(view, inner);
  const bodyRows = Math.max(1, height - CHROME_ROWS - footer.length);
  const maxStart = Math.max(0, body.length - bodyRows);
  let start = 0;
  if (view.kind === "confirm") start = Math.min(view.scroll, maxStart);
  else if (focusLine !== undefined) start = Math.min(maxStart, Math.max(0, focusLine - bodyRows + 1));
  const shown = body.slice(start, start + bodyRows);
  const more = body.length > bodyRows ? ` lines ${start + 1}-${start + shown.length} of ${body.length} ` : "";
  const danger = view.kind === "confirm" && view.action.destructive;
  const border = danger ? theme.error : theme.border;
  const room = Math.max(0, width - 3 - stringWidth(more));
  const left = fit(` ${sanitizeCell(title)} `, Math.min(room, stringWidth(sanitizeCell(title)) + 2));
  const fill = Math.max(0, room - stringWidth(left));

  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate-end">
        <Text color={border}>┌─</Text>
        <Text color={theme.title} bold>
          {left}
        </Text>
        <Text color={border}>{"─".repeat(fill)}</Text>
        <Text dimColor>{more}</Text>
        <Text color={border}>┐</Text>
      </Text>
      <Box
        flexDirection="column"
        width={width}
        height={height - 1}
        borderStyle="single"
        borderTop={false}
        borderColor={border}
        paddingX={PADDING / 2}
      >
        {shown.map((line, i) => (
          <LineText key={`b${start + i}`} line={line} width={inner} />
        ))}
        <Box flexGrow={1} />
        {footer.map((line, i) => (
          <LineText key={`f${i}`} line={line} width={inner} />
        ))}
      </Box>
    </Box>
  );
}
