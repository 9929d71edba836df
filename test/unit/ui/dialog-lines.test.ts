// The dialog's text: wrapped so that a long CLI line is shown whole, never cut.
import { describe, expect, it } from "vitest";
import { restartAction } from "../../../source/features/actions/restart.js";
import { freshConfirm, freshPrompt } from "../../../source/features/dialogs/dialog-view.js";
import { dialogLines, wrapText } from "../../../source/ui/dialog-lines.js";
import { SCOPE, service } from "../features/actions/fixtures.js";

const text = (lines: { text: string }[][]) => lines.map((line) => line.map((s) => s.text).join(""));

describe("dialog lines", () => {
  it("wraps at spaces, cuts words longer than a line, indents continuation lines", () => {
    expect(wrapText("aws ecs update-service --cluster prod", 16)).toEqual([
      "aws ecs",
      "update-service",
      "--cluster prod",
    ]);
    expect(wrapText("arn:aws:ecs:us-east-1:123", 10, "", "  ")).toEqual([
      "arn:aws:ec",
      "  s:us-eas",
      "  t-1:123",
    ]);
    expect(wrapText("$ aws ecs stop-task", 13, "  ", "    ")).toEqual(["  $ aws ecs", "    stop-task"]);
  });

  it("a confirmation shows the API call with its parameters and the aws CLI line, whole", () => {
    const built = restartAction({ ...SCOPE, profile: "a-rather-long-profile-name" }, service());
    if (!built.ok) throw new Error(built.message);
    const view = {
      kind: "confirm" as const,
      action: built.action,
      typed: "",
      cursor: 0,
      sending: false,
      scroll: 0,
    };
    const { title, body, footer } = dialogLines(view, 50);
    expect(title).toBe("Restart web (force a new deployment)");
    // Lines break at spaces, or inside a word longer than a line (JSON): compare without spaces.
    const squeezed = (s: string) => s.replaceAll(" ", "");
    const joined = squeezed(text(body).join(""));
    expect(joined).toContain(
      squeezed('ecs:UpdateService {"cluster":"prod","service":"web","forceNewDeployment":true}'),
    );
    expect(joined).toContain(
      squeezed(
        "$ aws ecs update-service --cluster prod --service web --force-new-deployment --region us-east-1 --profile a-rather-long-profile-name",
      ),
    );
    expect(text(body).every((line) => line.length <= 50)).toBe(true);
    expect(text(footer).join("\n")).toContain("y send it · n or esc cancel");
  });

  it("draws a field's cursor on the character under it, or after the text; a pre-filled value selected", () => {
    const view = freshPrompt({ title: "Forward", fields: [{ label: "port", value: "8080" }], notes: [] });
    const field = (prompt: typeof view) => dialogLines(prompt, 40).body.at(-1)!.slice(1);
    expect(field(view)).toEqual([{ text: "8080", inverse: true }]);
    const editing = { ...view, fields: [{ ...view.fields[0]!, fresh: false, cursor: 1 }] };
    expect(field(editing)).toEqual([{ text: "8" }, { text: "0", inverse: true }, { text: "80" }]);
    const atEnd = { ...view, fields: [{ ...view.fields[0]!, fresh: false }] };
    expect(field(atEnd)).toEqual([{ text: "8080" }, { text: " ", inverse: true }]);
  });

  it("draws the typed confirmation's cursor where it is", () => {
    const built = restartAction(SCOPE, service());
    if (!built.ok) throw new Error(built.message);
    const action = {
      ...built.action,
      confirmation: { kind: "typed" as const, expected: "web", prompt: "type web" },
    };
    const view = { ...freshConfirm(action), typed: "wb", cursor: 1 };
    const typedLine = dialogLines(view, 50).footer.find((line) => line[0]?.text === "> ")!;
    expect(typedLine.slice(1)).toEqual([{ text: "w" }, { text: "b", inverse: true }]);
  });
});
