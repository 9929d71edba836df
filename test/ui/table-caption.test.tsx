// The caption after a table's title (the targets view's zone spread): shown in full when it fits,
// cut with an ellipsis when it does not, so that the status and the border's corner stay.
// An empty table says why in full, wrapped.
import { cleanup } from "ink-testing-library";
import { afterEach, describe, expect, it } from "vitest";
import { Table } from "../../source/ui/table.js";
import { renderWidget } from "./ink-frame.js";

afterEach(cleanup);

function render(width: number, caption: string, rows = ["10.0.0.1"], emptyText = "no rows", height = 3) {
  return renderWidget(
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
  );
}

const CAPTION =
  "zones: us-east-1a 4 · subnet-094749d43b3420ccf 0 · subnet-0987ad16d58d97929 0 (all in us-east-1a)";

describe("table caption", () => {
  it("follows the title in full when it fits, in its tone", () => {
    const caption = "zones: us-east-1a 4 · us-east-1b 0 (all in us-east-1a)";
    const shown = render(100, caption);
    const top = shown.lines[0]!;
    expect(top).toContain(`targets(prod/web)[2] ${caption} ─`);
    expect(top).toMatch(/updated 1s ago ─┐$/);
    expect(shown.uniformStyleOf(caption).color).toBe("yellow");
  });

  it("gives way on a narrow screen: cut with an ellipsis, the status and the corner kept", () => {
    const shown = render(80, CAPTION);
    const top = shown.lines[0]!;
    expect(top).toMatch(/targets\(prod\/web\)\[2\] zones: us-east-1a 4 · .*… +updated 1s ago ─┐$/);
    expect(top.length).toBe(80);
  });
});

describe("an empty table's explanation", () => {
  it("wraps on a narrow screen rather than losing its end", () => {
    const why =
      "public.ecr.aws/datadog/agent:7.54.1 comes from Amazon ECR Public (public.ecr.aws): deckhand can inspect only images in private Amazon ECR registries";
    const shown = render(80, "", [], why);
    expect(shown.text).toContain("registries");
    expect(shown.text.replace(/[│\s]+/g, " ")).toContain(why);
    for (const line of shown.lines) expect(line.length).toBeLessThanOrEqual(80);
  });

  it("keeps the header when the table is too short for all of it", () => {
    const shown = render(40, "", [], "word ".repeat(30), 1);
    expect(shown.lines[1]).toContain("TARGET");
    expect(shown.text).toContain("word");
  });
});
