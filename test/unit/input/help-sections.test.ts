// Help lists what works in the view it was opened from: `enter` only where rows open something,
// `l` only where rows have logs, as the header's hints do.
import { describe, expect, it } from "vitest";
import { KINDS } from "../../../source/kinds/registry.js";
import { helpColumns } from "../../../source/input/help-sections.js";
import { TABLE_KEYMAP } from "../../../source/input/table-keys.js";

const tableActions = (id: keyof typeof KINDS) =>
  helpColumns(KINDS[id], TABLE_KEYMAP)
    .flat()
    .find((section) => section.title === "tables")!
    .bindings.map((binding) => binding.description);

describe("help's table keys", () => {
  it("leave out logs and open in views whose rows have neither", () => {
    for (const id of ["images", "taskdefs"] as const) {
      expect(tableActions(id), id).not.toContain("Logs");
      expect(tableActions(id), id).not.toContain("Open");
      expect(tableActions(id), id).toContain("Describe");
    }
    expect(tableActions("targets")).not.toContain("Logs");
  });

  it("keep them where they work", () => {
    expect(tableActions("tasks")).toEqual(expect.arrayContaining(["Open", "Logs"]));
    expect(tableActions("targets")).toContain("Open");
    // The network view is one task's: l follows that task's logs.
    expect(tableActions("network")).toContain("Logs");
    expect(tableActions("network")).not.toContain("Open");
  });
});
