// The caption after a table's title (the targets view's zone spread): shown in full when it fits,
// cut with an ellipsis when it does not, so that the status and the border's corner stay.
// An empty table says why in full, wrapped.
import { afterEach, describe, expect, it } from "vitest";
import { Table } from "../../source/ui/table.js";
import { renderTui, type Rendered } from "./render-tui.js";

let ui: Rendered | undefined;
afterEach(() => ui?.unmount());

function render(width: number, caption: string, rows = ["10.0.0.1"], emptyText = "no rows", height = 3) {
  ui = renderTui(
    <Table
      title="targets(prod/web)[2]"
      caption={{ text: caption, tone: "warn" }}
      status="updated 1s ago"
      columns={[{ header: "TARGET", value: (row: string) => row }]}
      rows={rows}
      rowKey={(row) => row}
      isHighlighted={() => false}
      cursor={0}
      top={0}
      height={height}
      width={width}
      now={0}
      emptyText={emptyText}
    />,
    { columns: width, rows: 10 },
  );
  return ui;
}

const CAPTION =
  "zones: us-east-1a 4 · subnet-094749d43b3420ccf 0 · subnet-0987ad16d58d97929 0 (all in us-east-1a)";

describe("table caption", () => {
  it("follows the title in full when it fits", async () => {
    const shown = render(160, CAPTION);
    await shown.waitFor((text) => text.includes("updated 1s ago"));
    const top = shown.text().split("\n")[0]!;
    expect(top).toContain(`targets(prod/web)[2] ${CAPTION} ─`);
    expect(top.trimEnd()).toMatch(/updated 1s ago ─┐$/);
  });

  it("gives way on a narrow screen: cut with an ellipsis, the status and the corner kept", async () => {
    const shown = render(80, CAPTION);
    await shown.waitFor((text) => text.includes("updated 1s ago"));
    const top = shown.text().split("\n")[0]!;
    expect(top).toMatch(/targets\(prod\/web\)\[2\] zones: us-east-1a 4 · .*… +updated 1s ago ─┐$/);
    expect(top.length).toBe(80);
  });
});

describe("an empty table's explanation", () => {
  it("wraps on a narrow screen rather than losing its end", async () => {
    const why =
      "public.ecr.aws/datadog/agent:7.54.1 comes from Amazon ECR Public (public.ecr.aws): deckhand can inspect only images in private Amazon ECR registries";
    const shown = render(80, "", [], why);
    await shown.waitFor((text) => text.includes("public.ecr.aws/datadog"));
    const text = shown.text();
    expect(text).toContain("registries");
    expect(text.replace(/[│\s]+/g, " ")).toContain(why);
    for (const line of text.split("\n")) expect(line.length).toBeLessThanOrEqual(80);
  });

  it("keeps the header when the table is too short for all of it", async () => {
    const shown = render(40, "", [], "word ".repeat(30), 1);
    await shown.waitFor((text) => text.includes("word"));
    expect(shown.text().split("\n")[1]).toContain("TARGET");
  });
});
