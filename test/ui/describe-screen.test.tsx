// The describe view rendered alone with ink-testing-library at the size it is given: the object
// as coloured JSON in a frame that says which rows show, long values wrapped, scrolling, search
// with the current match as a bar, and a diff drawn in its own colours with its own copy hint.
import { cleanup } from "ink-testing-library";
import { afterEach, describe, expect, it } from "vitest";
import { DescribePane, PaneText } from "../../source/features/describe/describe-pane.js";
import { DescribeScreen } from "../../source/ui/describe/describe-screen.js";
import { describeLines } from "../../source/ui/describe/json-lines.js";
import { renderWidget, type Rendered, type Screen } from "./ink-frame.js";

afterEach(cleanup);

const ARN = "arn:aws:ecs:us-east-1:123456789012:service/prod/checkout";
const SERVICE = {
  serviceName: "checkout",
  serviceArn: ARN,
  status: "ACTIVE",
  desiredCount: 6,
  runningCount: 6,
  enableExecuteCommand: false,
  platformVersion: null,
  deployments: Array.from({ length: 3 }, (_, i) => ({ id: `ecs-svc/${i}`, rolloutState: "COMPLETED" })),
};

function open(value: object | PaneText, width = 60, height = 12) {
  const pane = new DescribePane(
    "services/checkout",
    value,
    { lines: describeLines, copy: () => {} },
    () => {},
  );
  const shown = renderWidget(<DescribeScreen pane={pane} width={width} height={height} />);
  return { pane, shown };
}

/** Presses keys, one at a time, and reads the frame once React has drawn them. */
async function press(pane: DescribePane, shown: Rendered, ...keys: string[]): Promise<Screen> {
  for (const key of keys) pane.handleKey(key, key.length === 1 ? key : "");
  await new Promise((resolve) => setTimeout(resolve, 20));
  return shown.latest();
}

describe("the describe view", () => {
  it("shows the object as JSON in a frame of its size, saying which rows show", () => {
    const { shown } = open(SERVICE);
    expect(shown.lines).toHaveLength(12);
    for (const line of shown.lines) expect([...line]).toHaveLength(60);
    expect(shown.lines[0]).toMatch(/^┌─ describe services\/checkout ─+ rows 1-10 of \d+ ─┐$/);
    expect(shown.lines[1]).toMatch(/^│\{\s+│$/);
    expect(shown.lines[2]).toMatch(/^│ {2}"serviceName": "checkout",\s+│$/);
    expect(shown.lines.at(-1)).toMatch(/^└ <esc> <q> Back {2}<\/> Search .*┘$/);
  });

  it("colours keys, strings, numbers and true/false/null each their own way", () => {
    const { shown } = open(SERVICE);
    expect(shown.uniformStyleOf('"serviceName"').color).toBe("blueBright");
    expect(shown.uniformStyleOf('"checkout"').color).toBe("green");
    expect(shown.styleOf("6,").color).toBe("cyan");
    expect(shown.uniformStyleOf("false").color).toBe("magenta");
    expect(shown.uniformStyleOf("null").color).toBe("magenta");
  });

  it("wraps a value longer than the screen rather than cutting it", () => {
    const { shown } = open({ serviceArn: ARN }, 40, 8);
    const body = shown.lines.slice(1, -1).map((line) => line.slice(1, -1).trimEnd());
    expect(body.join("")).toContain(`"serviceArn": "${ARN}"`);
    for (const line of shown.lines) expect([...line]).toHaveLength(40);
  });

  it("scrolls to the bottom and says so", async () => {
    const { pane, shown } = open(SERVICE);
    const total = Number(/of (\d+) ─┐$/.exec(shown.lines[0]!)![1]);
    const bottom = await press(pane, shown, "G");
    expect(bottom.lines[0]).toMatch(new RegExp(`rows ${total - 9}-${total} of ${total} ─┐$`));
    expect(bottom.lines.at(-2)).toMatch(/^│\}\s+│$/);
  });

  it("searches: matches highlighted, the current one's line a bar, and where it is in the footer", async () => {
    const { pane, shown } = open(SERVICE);
    const found = await press(pane, shown, "/", "C", "O", "M", "P", "enter");
    expect(found.lines.at(-1)).toMatch(/search "COMP": match 1 of 3 \(n\/N, esc clears\)/);
    const bar = found.lines.findIndex((line) => line.includes("COMPLETED"));
    // A bar across the frame, the match on it in the match colours.
    const row = found.styles[bar]!.slice(1, -1);
    expect(row.every((style) => style.inverse || style.background === "yellow")).toBe(true);
    expect(found.styleOf("COMP")).toMatchObject({ color: "black", background: "yellow" });
    const next = await press(pane, shown, "n");
    expect(next.lines.at(-1)).toContain("match 2 of 3");
  });

  it("draws a diff in its colours and offers to copy the diff, not JSON", () => {
    const text = new PaneText(
      "diff",
      [
        "--- web:1",
        "+++ web:2",
        "@@ containerDefinitions[0] @@",
        '-  "cpu": "256"',
        '+  "cpu": "512"',
        '   "name": "web"',
      ],
      ["header", "header", "hunk", "removed", "added", "same"],
    );
    const pane = new DescribePane("web:1 → web:2", text, { lines: () => [], copy: () => {} }, () => {});
    const shown = renderWidget(<DescribeScreen pane={pane} width={100} height={10} />);
    expect(shown.lines[0]).toMatch(/^┌─ diff web:1 → web:2 ─+ rows 1-6 of 6 ─┐$/);
    expect(shown.uniformStyleOf('-  "cpu": "256"').color).toBe("red");
    expect(shown.uniformStyleOf('+  "cpu": "512"').color).toBe("green");
    expect(shown.uniformStyleOf("@@ containerDefinitions[0] @@").color).toBe("gray");
    expect(shown.uniformStyleOf('   "name": "web"').color).toBeUndefined();
    expect(shown.text).toContain("<c> Copy the diff");
    expect(shown.text).not.toContain("JSON");
  });
});
