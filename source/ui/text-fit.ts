import cliTruncate from "cli-truncate";
import stringWidth from "fast-string-width";

export { stringWidth };

/** Exactly `width` columns: truncated with an ellipsis, or padded. */
export function fit(text: string, width: number, align: "left" | "right" = "left"): string {
  if (width <= 0) return "";
  const measured = stringWidth(text);
  const clipped = measured > width ? cliTruncate(text, width) : text;
  const padding = " ".repeat(Math.max(0, width - stringWidth(clipped)));
  return align === "right" ? padding + clipped : clipped + padding;
}
