import { Box, Text } from "ink";
import type { Flash as FlashMessage } from "../state/app-store.js";
import { wrapText } from "./dialog-lines.js";
import { sanitizeCell } from "../core/text/sanitize.js";
import { fit } from "./text-fit.js";
import { theme } from "./theme.js";

/** An action's error can be long (what failed, why, what to do): it may take a second line. */
export const MAX_FLASH_ROWS = 2;

export function flashLines(flash: FlashMessage | undefined, width: number): string[] {
  if (!flash) return [" "];
  const lines = wrapText(sanitizeCell(flash.text), width);
  if (lines.length <= MAX_FLASH_ROWS) return lines;
  const shown = lines.slice(0, MAX_FLASH_ROWS);
  shown[MAX_FLASH_ROWS - 1] = fit(
    `${shown[MAX_FLASH_ROWS - 1]!} ${lines.slice(MAX_FLASH_ROWS).join(" ")}`,
    width,
  );
  return shown;
}

export function Flash({ flash, width }: { flash: FlashMessage | undefined; width: number }) {
  const lines = flashLines(flash, width);
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (
        <Text
          key={i}
          wrap="truncate-end"
          color={flash ? theme[flash.level] : undefined}
          bold={flash?.level === "warn"}
        >
          {line}
        </Text>
      ))}
    </Box>
  );
}
