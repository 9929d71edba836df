// A description as drawn: the object to inert JSON lines, the lines to coloured segments with
// search matches, wrapping into screen rows and the rows on screen from any row.
import type { Service } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import {
  describeLines,
  jsonSegments,
  rowMap,
  screenRows,
} from "../../../../source/ui/describe/json-lines.js";
import type { Row } from "../../../../source/ui/log-pane/layout.js";
import { JSON_COLOR } from "../../../../source/ui/theme.js";

const service: Service = {
  serviceName: "checkout",
  desiredCount: 3,
  enableExecuteCommand: false,
  platformVersion: undefined,
  createdAt: new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 678)),
  tags: [{ key: "team", value: "payments" }],
};

const text = (rows: Row[]) => rows.map((row) => row.segments.map((s) => s.text).join(""));

describe("describeLines", () => {
  it("is the object as indented JSON with dates as ISO strings and undefined fields left out", () => {
    expect(describeLines(service)).toEqual([
      "{",
      '  "serviceName": "checkout",',
      '  "desiredCount": 3,',
      '  "enableExecuteCommand": false,',
      '  "createdAt": "2026-01-02T03:04:05.678Z",',
      '  "tags": [',
      "    {",
      '      "key": "team",',
      '      "value": "payments"',
      "    }",
      "  ]",
      "}",
    ]);
  });

  it("makes strings inert, keys too: escape sequences removed, controls visible, line breaks kept as \\n", () => {
    const lines = describeLines({
      reason: "\u001b[31mOutOfMemory\u001b[0m\u001b]52;c;ZXZpbA==\u0007 at\u009b2J once\rtwice",
      command: "set -e\nrun\tit",
      dockerLabels: { "evil\u001b[2Jkey": "x" },
    });
    expect(lines).toEqual([
      "{",
      '  "reason": "OutOfMemory at once\ufffdtwice",',
      '  "command": "set -e\\nrun it",',
      '  "dockerLabels": {',
      '    "evilkey": "x"',
      "  }",
      "}",
    ]);
    // eslint-disable-next-line no-control-regex -- the point: nothing that acts on a terminal
    expect(lines.join("")).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });
});

describe("jsonSegments", () => {
  it("colours keys, strings, numbers and true/false/null apart, punctuation plain", () => {
    const colours = (line: string) => jsonSegments(line, "").map((s) => [s.text, s.color]);
    expect(colours('  "name": "web: 1, true",')).toEqual([
      ["  ", undefined],
      ['"name"', JSON_COLOR.key],
      [": ", undefined],
      ['"web: 1, true"', JSON_COLOR.string],
      [",", undefined],
    ]);
    expect(colours('  "count": -1.5e3,')[3]).toEqual(["-1.5e3", JSON_COLOR.number]);
    expect(colours('  "ok": true,')[3]).toEqual(["true", JSON_COLOR.literal]);
    expect(colours('  "gone": null')[3]).toEqual(["null", JSON_COLOR.literal]);
    expect(colours('    "with \\"quotes\\"",')[1]).toEqual(['"with \\"quotes\\""', JSON_COLOR.string]);
    expect(new Set(Object.values(JSON_COLOR)).size).toBe(4);
  });

  it("marks every match of the search, case-insensitively, across tokens, colours kept", () => {
    const segments = jsonSegments('  "serviceName": "Web-web",', 'name": "web');
    expect(segments.filter((s) => s.highlight).map((s) => [s.text, s.color])).toEqual([
      ['Name"', JSON_COLOR.key],
      [": ", undefined],
      ['"Web', JSON_COLOR.string],
    ]);
    const all = jsonSegments('  "a": "web web",', "WEB").filter((s) => s.highlight);
    expect(all.map((s) => s.text)).toEqual(["web", "web"]);
    expect(jsonSegments('  "a": "x.y",', ".*").some((s) => s.highlight)).toBe(false);
  });
});

describe("wrapping into rows", () => {
  const lines = ["{", `  "message": "${"m".repeat(30)}",`, '  "n": 1', "}"];

  it("maps lines to rows and back at a width", () => {
    const map = rowMap(lines, 20);
    // The long line (46 columns) takes three rows of 20.
    expect(map.total).toBe(6);
    expect([0, 1, 2, 3].map(map.rowOf)).toEqual([0, 1, 4, 5]);
    expect([0, 1, 2, 3, 4, 5].map(map.lineAt)).toEqual([0, 1, 1, 1, 2, 3]);
    expect(rowMap(lines, 80).total).toBe(4);
  });

  it("draws the rows on screen from any row, a wrapped line cut where it wraps", () => {
    const map = rowMap(lines, 20);
    const rows = screenRows(lines, map, { top: 2, height: 3, width: 20, search: "" });
    expect(text(rows)).toEqual(["mmmmmmmmmmmmmmmmmmmm", 'mmmm",', '  "n": 1']);
    expect(text(screenRows(lines, map, { top: 0, height: 10, width: 20, search: "" }))).toHaveLength(6);
  });

  it("draws the current match's line as a bar across the screen", () => {
    const map = rowMap(lines, 20);
    const rows = screenRows(lines, map, { top: 0, height: 6, width: 20, search: "n", matchLine: 2 });
    expect(rows.map((row) => Boolean(row.cursor))).toEqual([false, false, false, false, true, false]);
    expect(text(rows)[4]).toBe('  "n": 1'.padEnd(20));
  });
});
