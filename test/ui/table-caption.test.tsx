// The caption after a table's title (the targets view's zone spread): shown in full when it fits,
// cut with an ellipsis when it does not, so that the status and the border's corner stay.
import { afterEach, describe, expect, it } from "vitest";
import { Table } from "../../source/ui/table.js";
import { renderTui, type Rendered } from "./render-tui.js";

let ui: Rendered | undefined;
afterEach(() => ui?.unmount());

function render(width: number, caption: string) {
  ui = renderTui(
    <Table
      title="targets(prod/web)[2]"
      caption={{ text: caption, tone: "warn" }}
      status="updated 1s ago"
      columns={[{ header: "TARGET", value: (row: string) => row }]}
      rows={["10.0.0.1"]}
      rowKey={(row) => row}
      isHighlighted={() => false}
      cursor={0}
      top={0}
      height={3}
      width={width}
      now={0}
      emptyText="no rows"
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
