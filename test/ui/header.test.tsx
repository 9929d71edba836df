// The header rendered alone with ink-testing-library at the width it is given: where you are
// (profile, region, account…), the keys of the view in columns, refused ones struck through, and
// the read-only badge.
import { cleanup } from "ink-testing-library";
import { afterEach, describe, expect, it } from "vitest";
import { Header, HEADER_ROWS, type HeaderHint } from "../../source/ui/header.js";
import { keyLabel } from "../../source/input/binding.js";
import { TABLE_KEYMAP } from "../../source/input/table-keys.js";
import { renderWidget } from "./ink-frame.js";

afterEach(cleanup);

const INFO = [
  { label: "Profile", value: "prod-admin" },
  { label: "Region", value: "us-east-1" },
  { label: "Account", value: "123456789012" },
  { label: "Cluster", value: "prod" },
];

const SERVICE_HINTS: HeaderHint[] = TABLE_KEYMAP.hints().filter(
  (binding) => !binding.kinds || binding.kinds.includes("services"),
);

describe("the header", () => {
  it("shows where you are: each label in yellow, its value in bold", () => {
    const shown = renderWidget(<Header info={INFO} hints={SERVICE_HINTS} width={100} />);
    expect(shown.lines).toHaveLength(HEADER_ROWS);
    expect(shown.lines[0]).toMatch(/^Profile: prod-admin\s/);
    expect(shown.lines[1]).toMatch(/^Region: {2}us-east-1\s/);
    expect(shown.lines[2]).toMatch(/^Account: 123456789012\s/);
    expect(shown.uniformStyleOf("Profile:").color).toBe("yellow");
    expect(shown.uniformStyleOf("prod-admin")).toMatchObject({ bold: true });
  });

  it("lists the view's keys in columns of six, the key in magenta and what it does dimmed", () => {
    const shown = renderWidget(<Header info={INFO} hints={SERVICE_HINTS} width={100} />);
    expect(shown.lines[0]).toContain("<enter> Open");
    expect(shown.lines[1]).toContain("<esc> Back");
    // The seventh hint starts the second column, on the first row.
    const seventh = SERVICE_HINTS[HEADER_ROWS]!;
    expect(shown.lines[0]!.indexOf(`${keyLabel(seventh)} `)).toBeGreaterThan(
      shown.lines[0]!.indexOf("<enter> Open"),
    );
    expect(shown.uniformStyleOf("<enter>").color).toBe("magenta");
    expect(shown.uniformStyleOf("Open").dim).toBe(true);
    for (const line of shown.lines) expect([...line].length).toBeLessThanOrEqual(100);
  });

  it("strikes through the keys read-only mode refuses, and shows the RO badge", () => {
    const hints = SERVICE_HINTS.map((hint) => ({ ...hint, refused: hint.action === "scale" }));
    const shown = renderWidget(<Header info={INFO} hints={hints} width={100} readOnly />);
    expect(shown.uniformStyleOf("Scale")).toMatchObject({ dim: true, strikethrough: true });
    expect(shown.uniformStyleOf("<s>").color).toBe("gray");
    expect(shown.uniformStyleOf("Restart").strikethrough).toBeFalsy();
    expect(shown.lines[0]).toMatch(/ RO $/);
    expect(shown.uniformStyleOf(" RO ")).toMatchObject({
      background: "red",
      color: "whiteBright",
      bold: true,
    });
    expect(shown.uniformStyleOf("read-only").color).toBe("red");
  });

  it("has no badge in a session that may change things", () => {
    const shown = renderWidget(<Header info={INFO} hints={SERVICE_HINTS} width={100} />);
    expect(shown.text).not.toContain(" RO ");
    expect(shown.text).not.toContain("read-only");
  });

  it("keeps to its width on a narrow terminal, cutting hints rather than wrapping them", () => {
    const shown = renderWidget(<Header info={INFO} hints={SERVICE_HINTS} width={60} readOnly />);
    expect(shown.lines).toHaveLength(HEADER_ROWS);
    for (const line of shown.lines) expect([...line].length).toBeLessThanOrEqual(60);
    expect(shown.text).toContain("…");
    expect(shown.text).toContain("RO");
    expect(shown.lines[0]).toMatch(/^Profile: prod-admin/);
  });

  it("shows a value with escape sequences as inert text", () => {
    const info = [{ label: "Cluster", value: "prod\u001b]52;c;ZXZpbA==\u0007\u001b[2J" }];
    const shown = renderWidget(<Header info={info} hints={[]} width={80} />);
    expect(shown.lines[0]).toMatch(/^Cluster: prod/);
    expect(shown.text).not.toContain("\u001b");
    expect(shown.text).not.toContain("\u0007");
  });
});
