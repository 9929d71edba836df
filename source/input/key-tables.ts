// The README's key tables, generated from the keymaps so that they cannot drift from the keys the
// app dispatches (a test compares them).
import type { KeyHint } from "./binding.js";

/**
 * A Markdown table of bindings. The table's own (whose bindings name the views they work in) also
 * gives each one's name in the config file's "keys".
 */
export function keyTableMarkdown(bindings: readonly (KeyHint & { kinds?: readonly string[] })[]): string {
  const where = bindings.some((binding) => binding.kinds);
  const lines = where
    ? ["| Keys | Action | Where | Config name |", "| --- | --- | --- | --- |"]
    : ["| Keys | Action |", "| --- | --- |"];
  for (const binding of bindings) {
    const keys = binding.keys.map((key) => `\`${key}\``).join(", ");
    // Sort letters come from the columns: there is nothing to remap them by.
    const name = binding.action === "sort" ? "-" : `\`${binding.action}\``;
    const place = where ? ` ${binding.kinds?.join(", ") ?? "any list"} | ${name} |` : "";
    lines.push(`| ${keys} | ${binding.description} |${place}`);
  }
  return lines.join("\n");
}
