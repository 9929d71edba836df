import type { Service } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { serviceKind, type ServiceRow } from "../../../source/kinds/service.js";
import { nextSort, shownColumns, sortedRows, type SortOrder } from "../../../source/state/view-sort.js";

const NOW = Date.parse("2026-11-27T12:00:00Z");

function row(name: string, desiredCount?: number, createdMinutesAgo?: number): ServiceRow {
  const arn = `arn:aws:ecs:us-east-1:123456789012:service/prod/${name}`;
  if (desiredCount === undefined) return { arn, name };
  const service: Service = {
    serviceName: name,
    status: "ACTIVE",
    desiredCount,
    schedulingStrategy: name === "agent" ? "DAEMON" : "REPLICA",
    createdAt: new Date(NOW - (createdMinutesAgo ?? 0) * 60_000),
  };
  return { arn, name, service };
}

// Loaded order (by name); "queued" is not described yet, so its cells are blank.
const ROWS: readonly ServiceRow[] = [
  row("agent", 3, 90),
  row("api", 10, 5),
  row("cart", 3, 60 * 24 * 3),
  row("queued"),
  row("web", 2, 1),
];

const names = (rows: readonly unknown[]) => rows.map((r) => (r as ServiceRow).name);
const by = (column: string, descending = false): SortOrder => ({ column, descending });

describe("nextSort", () => {
  it("sorts ascending by the letter's column; the same letter again reverses it", () => {
    const first = nextSort(serviceKind, undefined, "D", false);
    expect(first).toEqual(by("DESIRED"));
    const again = nextSort(serviceKind, first as SortOrder, "D", false);
    expect(again).toEqual(by("DESIRED", true));
    expect(nextSort(serviceKind, again as SortOrder, "D", false)).toEqual(by("DESIRED"));
    expect(nextSort(serviceKind, again as SortOrder, "A", false)).toEqual(by("AGE"));
  });

  it("says why when the view has no such column on screen", () => {
    expect(nextSort(serviceKind, undefined, "Z", false)).toBe("services have no column to sort by with Z");
    expect(nextSort(serviceKind, undefined, "Y", false)).toBe("TYPE is a wide column: ctrl-w shows it");
    expect(nextSort(serviceKind, undefined, "Y", true)).toEqual(by("TYPE"));
  });
});

describe("sortedRows", () => {
  it("keeps the loaded order without a sort", () => {
    expect(sortedRows(serviceKind, ROWS, undefined, false, NOW)).toBe(ROWS);
  });

  it("sorts counts as numbers, with rows that tie in their loaded order either way", () => {
    expect(names(sortedRows(serviceKind, ROWS, by("DESIRED"), false, NOW))).toEqual([
      "web",
      "agent",
      "cart",
      "api",
      "queued",
    ]);
    expect(names(sortedRows(serviceKind, ROWS, by("DESIRED", true), false, NOW))).toEqual([
      "api",
      "agent",
      "cart",
      "web",
      "queued",
    ]);
  });

  it("sorts ages as times: the youngest first, ascending", () => {
    expect(names(sortedRows(serviceKind, ROWS, by("AGE"), false, NOW))).toEqual([
      "web",
      "api",
      "agent",
      "cart",
      "queued",
    ]);
    expect(names(sortedRows(serviceKind, ROWS, by("AGE", true), false, NOW))).toEqual([
      "cart",
      "agent",
      "api",
      "web",
      "queued",
    ]);
  });

  it("sorts once per rows and sort, however often it is asked", () => {
    const once = sortedRows(serviceKind, ROWS, by("NAME", true), false, NOW);
    expect(sortedRows(serviceKind, ROWS, by("NAME", true), false, NOW + 5_000)).toBe(once);
    expect(sortedRows(serviceKind, ROWS, by("NAME"), false, NOW)).not.toBe(once);
    expect(sortedRows(serviceKind, [...ROWS], by("NAME"), false, NOW)).toEqual(ROWS);
  });

  it("sets aside a sort by a wide column while wide mode is off", () => {
    expect(sortedRows(serviceKind, ROWS, by("TYPE", true), false, NOW)).toBe(ROWS);
    expect(names(sortedRows(serviceKind, ROWS, by("TYPE", true), true, NOW))).toEqual([
      "api",
      "cart",
      "web",
      "agent",
      "queued",
    ]);
  });
});

describe("shownColumns", () => {
  it("adds the wide columns in wide mode", () => {
    const headers = (wide: boolean) => shownColumns(serviceKind, wide).map((column) => column.header);
    expect(headers(false)).not.toContain("CREATED");
    expect(headers(true)).toEqual(expect.arrayContaining(["TYPE", "CREATED", ...headers(false)]));
  });
});
