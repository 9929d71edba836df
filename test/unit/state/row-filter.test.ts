import { describe, expect, it } from "vitest";
import type { AnyKind } from "../../../source/kinds/registry.js";
import {
  filterHint,
  filterRows,
  findColumn,
  fuzzyPositions,
  matchRanges,
  parseFilter,
} from "../../../source/state/row-filter.js";
import { highlightSegments } from "../../../source/ui/highlight.js";

interface Row {
  name: string;
  status: string;
  image: string;
  taskDefinition: string;
}

const kind = {
  id: "containers",
  columns: [
    { header: "NAME", value: (r: Row) => r.name },
    { header: "STATUS", value: (r: Row) => r.status },
    { header: "IMAGE", value: (r: Row) => r.image },
    { header: "TASK DEFINITION", value: (r: Row) => r.taskDefinition },
    { header: "STOP REASON", value: () => "" },
  ],
  filterText: (r: Row) => `${r.name} ${r.status}`,
} as unknown as AnyKind;

const rows: Row[] = [
  { name: "checkout-api", status: "RUNNING", image: "nginx:1.27", taskDefinition: "checkout:12" },
  {
    name: "payments",
    status: "PENDING",
    image: "public.ecr.aws/app/payments:3",
    taskDefinition: "payments:4",
  },
  { name: "cart-worker", status: "STOPPED", image: "busybox", taskDefinition: "cart:7" },
  { name: "api (legacy)", status: "RUNNING", image: "httpd", taskDefinition: "legacy:1" },
];

const names = (filter: string) => (filterRows(kind, rows, filter, 0) as Row[]).map((row) => row.name);

describe("the / filter", () => {
  it("keeps every row with no filter, or with only a prefix typed so far", () => {
    const all = rows.map((row) => row.name);
    for (const filter of ["", "!", "-f", "-f ", "status:", "!status:"]) expect(names(filter)).toEqual(all);
  });

  it("plain text is a case-insensitive substring of the row's filter text", () => {
    expect(names("CHECK")).toEqual(["checkout-api"]);
    expect(names("running")).toEqual(["checkout-api", "api (legacy)"]);
    // The image is not in this kind's filter text: only a column filter reaches it.
    expect(names("nginx")).toEqual([]);
  });

  it("a valid regex is used as one", () => {
    expect(names("^c")).toEqual(["checkout-api", "cart-worker"]);
    expect(names("pay|cart")).toEqual(["payments", "cart-worker"]);
    expect(names("er$")).toEqual([]);
    expect(names("worker stopped$")).toEqual(["cart-worker"]);
  });

  it("an invalid regex is matched as typed, without throwing", () => {
    expect(names("(legacy")).toEqual(["api (legacy)"]);
    expect(names("api (")).toEqual(["api (legacy)"]);
    expect(names("[")).toEqual([]);
    expect(parseFilter("(legacy", []).regex?.source).toBe("\\(legacy");
  });

  it("! keeps the rows that do not match", () => {
    expect(names("!running")).toEqual(["payments", "cart-worker"]);
    expect(names("!^c")).toEqual(["payments", "api (legacy)"]);
    expect(names("!status:running")).toEqual(["payments", "cart-worker"]);
  });

  it("-f matches the characters of the name in order", () => {
    expect(names("-f cka")).toEqual(["checkout-api"]);
    expect(names("-f cao")).toEqual(["cart-worker"]);
    expect(names("-f ckw")).toEqual([]); // in order: cart-worker has its k after the w
    expect(names("-f crtwk")).toEqual(["cart-worker"]);
    expect(names("-f APi")).toEqual(["checkout-api", "api (legacy)"]);
    // Fuzzy looks at the name column only, not the status.
    expect(names("-f rng")).toEqual([]);
    expect(names("!-f pay")).toEqual(["checkout-api", "cart-worker"]); // p…a…y in "api (legacy)" too
    expect(names("-f image:ngx")).toEqual(["checkout-api"]);
  });

  it("column:value looks in one column, found by its header without case", () => {
    expect(names("status:running")).toEqual(["checkout-api", "api (legacy)"]);
    expect(names("STATUS:^pend")).toEqual(["payments"]);
    expect(names("image:nginx")).toEqual(["checkout-api"]);
    expect(names("image:ecr")).toEqual(["payments"]);
    // Headers with spaces: any spelling without the space, and a prefix naming one column.
    expect(names("task-definition:cart")).toEqual(["cart-worker"]);
    expect(names("taskdefinition::1$")).toEqual(["api (legacy)"]);
    expect(names("task:pay")).toEqual(["payments"]);
    expect(names("stat:stopped")).toEqual(["cart-worker"]);
  });

  it("an unknown column matches the whole text as typed, and the hint lists the columns", () => {
    expect(parseFilter("nginx:1", ["NAME"]).unknownColumn).toBe("nginx");
    expect(names("owner:x")).toEqual([]);
    expect(filterHint(kind, "owner:x")).toBe(
      'no column "owner" here, so the whole text is matched; columns: name, status, image, task-definition, stop-reason',
    );
    expect(filterHint(kind, "status:x")).toBeUndefined();
    expect(filterHint(kind, "plain")).toBeUndefined();
    // A prefix that fits two columns (STATUS, STOP REASON) names neither.
    expect(findColumn(["STATUS", "STOP REASON"], "st")).toBeUndefined();
    expect(findColumn(["STATUS", "STOP REASON"], "sto")).toBe(1);
  });

  it("fuzzy positions are the first occurrence of each character, in order", () => {
    expect(fuzzyPositions("cwk", "cart-worker")).toEqual([0, 5, 8]);
    expect(fuzzyPositions("kc", "cart-worker")).toBeUndefined();
    expect(fuzzyPositions("", "x")).toEqual([]);
  });
});

describe("match ranges for highlighting", () => {
  const headers = kind.columns.map((column) => column.header);

  it("marks every regex match in every cell, and only the filtered column's for column:value", () => {
    expect(matchRanges(parseFilter("p", headers), "payments app", 0)).toEqual([
      [0, 1],
      [10, 11],
      [11, 12],
    ]);
    expect(matchRanges(parseFilter("pay|app", headers), "payments app", 2)).toEqual([
      [0, 3],
      [9, 12],
    ]);
    expect(matchRanges(parseFilter("image:nginx", headers), "nginx", 2)).toEqual([[0, 5]]);
    expect(matchRanges(parseFilter("image:nginx", headers), "nginx", 0)).toEqual([]);
  });

  it("marks nothing for ! filters, empty patterns and empty matches", () => {
    expect(matchRanges(parseFilter("!pay", headers), "payments", 0)).toEqual([]);
    expect(matchRanges(parseFilter("status:", headers), "RUNNING", 1)).toEqual([]);
    expect(matchRanges(parseFilter("x*", headers), "abc", 0)).toEqual([]);
  });

  it("fuzzy filters mark the characters they picked, in the name column", () => {
    expect(matchRanges(parseFilter("-f cwk", headers), "cart-worker", 0)).toEqual([
      [0, 1],
      [5, 6],
      [8, 9],
    ]);
    expect(matchRanges(parseFilter("-f cwk", headers), "cart-worker", 1)).toEqual([]);
  });

  it("maps matches onto the cell as shown: padded, right-aligned or cut", () => {
    const shown = (segments: { text: string; match: boolean }[]) =>
      segments.map((segment) => (segment.match ? `[${segment.text}]` : segment.text)).join("");
    expect(shown(highlightSegments("checkout", "checkout  ", [[0, 5]]))).toBe("[check]out  ");
    expect(shown(highlightSegments("12", "   12", [[1, 2]]))).toBe("   1[2]");
    // Cut with an ellipsis: the part of the match still shown is marked, the hidden part is not.
    expect(shown(highlightSegments("checkout-api", "checko…", [[4, 10]]))).toBe("chec[ko]…");
    expect(shown(highlightSegments("checkout-api", "checko…", [[9, 12]]))).toBe("checko…");
    expect(shown(highlightSegments("abc", "abc", []))).toBe("abc");
  });
});
