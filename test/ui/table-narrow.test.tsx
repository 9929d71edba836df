// A table on a screen too narrow for all its columns: the ones cut to nothing are left out with
// their gap, so the columns still drawn fill the row and the last of them keeps its header.
import { cleanup } from "ink-testing-library";
import { afterEach, describe, expect, it } from "vitest";
import { Table } from "../../source/ui/table.js";
import { renderWidget } from "./ink-frame.js";

afterEach(cleanup);

const HEADERS = ["INSTANCE", "RUNNING", "PENDING", "AZ", "AGE"];
const ROW = ["i-0261b49ccedd91706", "3", "0", "us-east-1b", "2d"];

describe("a table narrower than its columns", () => {
  it("leaves out the columns cut to nothing, and their gaps", () => {
    const shown = renderWidget(
      <Table
        title="instances(batch-ec2)[1]"
        status="updated 1s ago"
        columns={HEADERS.map((header, c) => ({ header, value: (row: string[]) => row[c]! }))}
        rows={[ROW]}
        rowKey={(row) => row[0]!}
        isHighlighted={() => false}
        cursor={0}
        top={0}
        height={3}
        width={28}
        now={0}
        emptyText="no rows"
      />,
    );
    const [, header, row] = shown.lines;
    expect(header).toMatch(/^│INSTANCE\s+RUNNING\s+PENDING│$/);
    expect(row).toMatch(/^│i-0261b…\s+3\s+0\s*│$/);
  });
});
