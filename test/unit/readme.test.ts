import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PANE_KEYMAP } from "../../source/features/logs/log-pane-keys.js";
import { DESCRIBE_KEYMAP } from "../../source/features/describe/describe-keys.js";
import { keyTableMarkdown } from "../../source/input/key-tables.js";
import { LINE_KEYMAP } from "../../source/input/line-editor.js";
import { TABLE_KEYMAP } from "../../source/input/table-keys.js";

describe("README", () => {
  it.each([
    ["keys", keyTableMarkdown(TABLE_KEYMAP.bindings)],
    ["pane-keys", keyTableMarkdown(PANE_KEYMAP.bindings)],
    ["describe-keys", keyTableMarkdown(DESCRIBE_KEYMAP.bindings)],
    ["prompt-keys", keyTableMarkdown(LINE_KEYMAP.bindings)],
  ])("shows the %s table generated from the key bindings", (marker, table) => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const block = readme.split(`<!-- ${marker}:start -->`)[1]?.split(`<!-- ${marker}:end -->`)[0]?.trim();
    // Compare cell by cell: Prettier pads Markdown tables.
    const cells = (table: string) =>
      table.split("\n").map((line) =>
        line
          .split("|")
          .map((cell) => cell.trim().replace(/^-+$/, "---"))
          .filter(Boolean),
      );
    expect(block && cells(block)).toEqual(cells(table));
  });

  it("states the two commands that set up a fresh machine", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    expect(readme).toContain("npm ci && npm run demo");
    expect(readme).toContain("npm ci && npm test");
  });
});
