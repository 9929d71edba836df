import { Text } from "ink";
import type { Flash as FlashMessage } from "../store/app-store.js";
import { sanitizeCell } from "./sanitize.js";
import { theme } from "./theme.js";

export function Flash({ flash }: { flash: FlashMessage | undefined }) {
  if (!flash) return <Text> </Text>;
  return (
    <Text wrap="truncate-end" color={flash.level === "error" ? theme.error : theme.info}>
      {sanitizeCell(flash.text)}
    </Text>
  );
}
