/** `text` as regex source that matches it literally (for `new RegExp`, outside a character class). */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
