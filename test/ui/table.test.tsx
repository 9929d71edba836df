// The table every list view draws, rendered alone with ink-testing-library at the size it is given:
// title, count and status on the top border, the cursor bar, rows that changed, tones, marks and
// pending changes, what is cut and how, which rows of a long list show, and filter matches.
import { cleanup } from "ink-testing-library";
import { afterEach, describe, expect, it } from "vitest";
import type { Column } from "../../source/kinds/types.js";
import { Table, type TableProps } from "../../source/ui/table.js";
import { renderWidget } from "./ink-frame.js";

afterEach(cleanup);

interface Service {
  name: string;
  status: string;
  desired: number;
  running: number;
  taskDefinition: string;
}

const SERVICES: Service[] = [
  { name: "checkout", status: "ACTIVE", desired: 6, running: 6, taskDefinition: "checkout:42" },
  { name: "payments-worker", status: "ACTIVE", desired: 3, running: 1, taskDefinition: "payments-worker:7" },
  { name: "legacy-batch", status: "DRAINING", desired: 0, running: 0, taskDefinition: "legacy-batch:1" },
];

const COLUMNS: Column<Service>[] = [
  { header: "NAME", value: (row) => row.name },
  { header: "STATUS", value: (row) => row.status, tone: (row) => (row.status === "ACTIVE" ? "ok" : "warn") },
  { header: "DESIRED", value: (row) => String(row.desired), align: "right" },
  {
    header: "RUNNING",
    value: (row) => String(row.running),
    align: "right",
    tone: (row) => (row.running < row.desired ? "bad" : undefined),
    pendingSlot: true,
  },
  { header: "TASK DEFINITION", value: (row) => row.taskDefinition, flexible: true },
];

function table(props: Partial<TableProps<Service>> = {}) {
  return renderWidget(
    <Table<Service>
      title="services(prod)[3]"
      status="updated 2s ago"
      columns={COLUMNS}
      rows={SERVICES}
      rowKey={(row) => row.name}
      isHighlighted={() => false}
      cursor={0}
      top={0}
      height={5}
      width={80}
      now={0}
      emptyText="no services in prod"
      {...props}
    />,
  );
}

describe("a table", () => {
  it("draws its title, status, header and rows inside a box exactly as wide as it is told", () => {
    const shown = table();
    expect(shown.lines[0]).toMatch(/^┌─ services\(prod\)\[3\] ─+ updated 2s ago ─┐$/);
    expect(shown.lines[1]).toMatch(/^│NAME\s+STATUS\s+DESIRED\s+RUNNING\s+TASK DEFINITION\s+│$/);
    expect(shown.lines[2]).toMatch(/^│checkout\s+ACTIVE\s+6\s+6\s+checkout:42\s+│$/);
    expect(shown.lines[3]).toMatch(/^│payments-worker\s+ACTIVE\s+3\s+1\s+payments-worker:7\s+│$/);
    expect(shown.lines.at(-1)).toBe(`└${"─".repeat(78)}┘`);
    // Borders, header and five rows of room (two of them blank).
    expect(shown.lines).toHaveLength(1 + 1 + 5 + 1);
    for (const line of shown.lines) expect([...line]).toHaveLength(80);
    expect(shown.uniformStyleOf("services(prod)[3]")).toMatchObject({ color: "cyan", bold: true });
    expect(shown.uniformStyleOf("NAME")).toMatchObject({ bold: true });
  });

  it("right-aligns numbers under their header", () => {
    const shown = table();
    const header = shown.lines[1]!;
    const row = shown.lines[2]!;
    const desiredEnd = header.indexOf("DESIRED") + "DESIRED".length;
    expect(row[desiredEnd - 1]).toBe("6");
  });

  it("draws the cursor row as a bar across the whole table", () => {
    const shown = table({ cursor: 1 });
    const bar = shown.lines[3]!;
    const styles = shown.styles[3]!;
    // From just inside the left border to just inside the right one.
    expect(styles.slice(1, -1).every((style) => style.inverse)).toBe(true);
    expect(styles[0]!.inverse).toBeFalsy();
    expect(bar).toContain("payments-worker");
    expect(shown.styleOf("checkout").inverse).toBeFalsy();
  });

  it("colours cells by their tone, except on the cursor bar", () => {
    const shown = table({ cursor: 2 });
    expect(shown.uniformStyleOf("ACTIVE").color).toBe("green");
    // payments-worker runs 1 of 3: RUNNING in red.
    const line = shown.lines[3]!;
    const running = line.indexOf(" 1 ") + 1;
    expect(shown.styles[3]![running]!.color).toBe("red");
    // The cursor bar is one colour: DRAINING's tone does not show through it.
    expect(shown.uniformStyleOf("DRAINING")).toMatchObject({ inverse: true });
    expect(shown.styleOf("DRAINING").color).toBeUndefined();
  });

  it("shows a row that just changed in bold yellow", () => {
    const shown = table({ isHighlighted: (key) => key === "legacy-batch" });
    expect(shown.styleOf("legacy-batch")).toMatchObject({ color: "yellowBright", bold: true });
    expect(shown.styleOf("payments-worker").bold).toBeFalsy();
  });

  it("marks rows with ✓ and shows a pending change instead of the value it replaces", () => {
    const shown = table({
      markable: true,
      cursor: 2,
      isMarked: (key) => key === "checkout",
      pendingLabel: (key) => (key === "payments-worker" ? "⟳ scaling 3→5" : undefined),
    });
    expect(shown.lines[2]).toMatch(/^│✓\s+checkout/);
    expect(shown.styleOf("checkout").color).toBe("magenta");
    expect(shown.lines[3]).toMatch(/^│⟳\s+payments-worker .*⟳ scaling 3→5/);
    expect(shown.uniformStyleOf("scaling 3→5").color).toBe("cyan");
    expect(shown.lines[4]).toMatch(/^│\s+legacy-batch/);
  });

  it("cuts what does not fit with an ellipsis and keeps every line inside the box", () => {
    const shown = table({ width: 50 });
    for (const line of shown.lines) expect([...line]).toHaveLength(50);
    expect(shown.text).toContain("…");
    expect(shown.lines[0]).toMatch(/updated 2s ago ─┐$/);
  });

  it("shows the rows from top that fit in its height, and the cursor among them", () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      ...SERVICES[0]!,
      name: `svc-${String(i).padStart(2, "0")}`,
    }));
    const shown = table({ rows: many, title: "services(prod)[40]", top: 20, height: 4, cursor: 22 });
    const names = shown.lines.slice(2, 6).map((line) => line.slice(1).split(" ")[0]);
    expect(names).toEqual(["svc-20", "svc-21", "svc-22", "svc-23"]);
    expect(shown.text).not.toContain("svc-19");
    expect(shown.text).not.toContain("svc-24");
    expect(shown.styleOf("svc-22").inverse).toBe(true);
  });

  it("says why it is empty", () => {
    const shown = table({ rows: [], title: "services(prod)[0]" });
    expect(shown.lines[1]).toContain("NAME");
    expect(shown.lines[2]).toMatch(/^│no services in prod\s+│$/);
  });

  it("highlights where the filter matched, in black on yellow", () => {
    const shown = table({
      matches: (text, column) => (column === 0 && text.includes("pay") ? [[0, 3]] : []),
    });
    expect(shown.uniformStyleOf("pay")).toMatchObject({ color: "black", background: "yellow" });
    expect(shown.styleOf("ments-worker").background).toBeUndefined();
  });

  it("shows escape sequences in a name as inert text, not as colours or cursor moves", () => {
    const evil = { ...SERVICES[0]!, name: "evil\u001b[2J\u001b[31mred" };
    const shown = table({ rows: [evil], cursor: 1 });
    expect(shown.lines[2]).toMatch(/^│evil.*red/);
    expect(shown.text).not.toContain("\u001b");
    expect(shown.styleOf("red").color).toBeUndefined();
  });
});
