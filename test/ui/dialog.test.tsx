// The action dialog rendered alone with ink-testing-library at the size it is given: what a
// confirmation says it will send, how a destructive one looks, a prompt's field and preview, a pick
// list's cursor, a notice with what to do, and a body too long for the height: it scrolls, the
// keys at the bottom never do.
import { cleanup } from "ink-testing-library";
import { afterEach, describe, expect, it } from "vitest";
import { restartAction } from "../../source/features/actions/restart.js";
import { scaleAction } from "../../source/features/actions/scale.js";
import type { Action, Built } from "../../source/features/actions/types.js";
import type { DialogView } from "../../source/features/actions/action-flow.js";
import { Dialog, dialogHeight } from "../../source/ui/dialog.js";
import { SCOPE, service } from "../unit/features/actions/fixtures.js";
import { renderWidget } from "./ink-frame.js";

afterEach(cleanup);

function actionOf(built: Built): Action {
  if (!built.ok) throw new Error(built.message);
  return built.action;
}

const confirm = (
  action: Action,
  extra: Partial<Extract<DialogView, { kind: "confirm" }>> = {},
): DialogView => ({
  kind: "confirm",
  action,
  typed: "",
  cursor: 0,
  sending: false,
  scroll: 0,
  ...extra,
});

function dialog(view: DialogView, width = 72, height?: number) {
  return renderWidget(<Dialog view={view} width={width} height={height ?? dialogHeight(view, width, 30)} />);
}

describe("the confirmation", () => {
  it("shows the call it sends, its aws CLI twin, and the keys, inside its box", () => {
    const shown = dialog(confirm(actionOf(scaleAction(SCOPE, service(), "5"))));
    expect(shown.lines[0]).toMatch(/^┌─ Scale web from 3 to 5 ─+┐$/);
    expect(shown.text).toContain("ECS starts 2 more web tasks.");
    expect(shown.text).toContain("Sends:");
    const flat = shown.lines.map((line) => line.slice(2, -2).trim()).join(" ");
    expect(flat.replaceAll(" ", "")).toContain(
      '{"cluster":"prod","service":"web","desiredCount":5}$awsecsupdate-service--clusterprod--serviceweb--desired-count5--regionus-east-1--profileprod-admin',
    );
    expect(shown.lines.at(-2)).toMatch(/^│ y send it · n or esc cancel · ↑\/↓ scroll\s+│$/);
    expect(shown.lines.at(-1)).toMatch(/^└─+┘$/);
    for (const line of shown.lines) expect([...line]).toHaveLength(72);
    expect(shown.styleOf("┌").color).toBe("cyan");
    expect(shown.uniformStyleOf("y send it")).toMatchObject({ color: "magenta", bold: true });
  });

  it("draws a destructive one in red, and asks for the service's name to be typed", () => {
    const action = actionOf(scaleAction(SCOPE, service(), "0"));
    const shown = dialog(confirm(action, { typed: "we" }));
    const flat = shown.lines.map((line) => line.slice(2, -2).trim()).join(" ");
    expect(shown.styleOf("┌").color).toBe("red");
    expect(shown.uniformStyleOf(" DESTRUCTIVE ")).toMatchObject({ inverse: true, color: "red", bold: true });
    expect(flat).toContain(
      "Scaling to 0 stops every task of web (3 running or pending). Type web to confirm.",
    );
    expect(shown.text).toMatch(/│ > we /);
    expect(shown.text).toContain("enter confirms once it matches · esc cancel");
  });

  it("scrolls a body taller than the dialog and keeps its keys on screen", () => {
    const view = confirm(
      actionOf(restartAction({ ...SCOPE, profile: "a-rather-long-profile-name" }, service())),
    );
    const full = dialog(view, 40, 40);
    const bodyLines = full.lines.length;
    cleanup();
    const short = dialog(view, 40, 8);
    expect(short.lines).toHaveLength(8);
    expect(short.lines[0]).toMatch(/ lines 1-\d+ of \d+ ┐$/);
    expect(short.text).toContain("y send it");
    cleanup();
    const scrolled = dialog({ ...(view as Extract<DialogView, { kind: "confirm" }>), scroll: 3 }, 40, 8);
    expect(scrolled.lines[0]).toMatch(/ lines 4-\d+ of \d+ ┐$/);
    expect(scrolled.lines[1]).not.toBe(short.lines[1]);
    expect(scrolled.text).toContain("y send it");
    expect(bodyLines).toBeGreaterThan(8);
  });

  it("says it is sending once confirmed, and shows the error of a refused key", () => {
    const action = actionOf(restartAction(SCOPE, service()));
    expect(dialog(confirm(action, { sending: true })).text).toContain("sending…");
    cleanup();
    const refused = dialog(confirm(action, { error: "press y to send it or n to cancel" }));
    expect(refused.uniformStyleOf("press y to send it or n to cancel").color).toBe("red");
  });
});

describe("a prompt", () => {
  const prompt = (extra: Partial<Extract<DialogView, { kind: "prompt" }>> = {}): DialogView => ({
    kind: "prompt",
    title: "Scale web",
    fields: [{ label: "desired count", value: "3", cursor: 1, fresh: true }],
    focus: 0,
    notes: ["3 running, 0 pending; auto scaling keeps it between 2 and 10"],
    warnings: [],
    ...extra,
  });

  it("shows the pre-filled value selected, so that typing replaces it", () => {
    const shown = dialog(prompt());
    expect(shown.text).toContain("desired count: 3");
    expect(shown.styleOf("3", 1)).toMatchObject({ inverse: true });
    expect(shown.uniformStyleOf("3 running, 0 pending").dim).toBe(true);
    expect(shown.text).toContain("enter review (nothing is sent yet) · esc cancel");
  });

  it("previews the action in green, or says in red why the input cannot be one", () => {
    const typed = dialog(
      prompt({
        fields: [{ label: "desired count", value: "5", cursor: 1, fresh: false }],
        preview: "Scale web from 3 to 5",
      }),
    );
    expect(typed.uniformStyleOf("→ Scale web from 3 to 5").color).toBe("green");
    cleanup();
    const wrong = dialog(
      prompt({
        fields: [{ label: "desired count", value: "x", cursor: 1, fresh: false }],
        error: "desired count must be a whole number",
      }),
    );
    expect(wrong.uniformStyleOf("desired count must be a whole number").color).toBe("red");
  });
});

describe("a pick list", () => {
  it("draws the picked item as a bar and keeps it in view when the list is taller than the dialog", () => {
    const items = Array.from({ length: 20 }, (_, i) => ({
      label: `web:${20 - i}`,
      note: i === 0 ? "current" : undefined,
    }));
    const view: DialogView = { kind: "pick", title: "Change web's revision", items, cursor: 15, notes: [] };
    const shown = dialog(view, 50, 8);
    expect(shown.lines).toHaveLength(8);
    expect(shown.text).toContain("web:5");
    expect(shown.text).not.toContain("web:20");
    const bar = shown.lines.findIndex((line) => line.includes("web:5"));
    expect(shown.styles[bar]!.slice(2, -2).every((style) => style.inverse)).toBe(true);
    expect(shown.text).toContain("j/k move · esc cancel");
  });
});

describe("a notice", () => {
  it("says what is wrong and what to do, and which key goes ahead anyway", () => {
    const view: DialogView = {
      kind: "notice",
      title: "Cannot open a shell in app",
      items: [{ text: "the task was started without enableExecuteCommand", hint: "restart the service: r" }],
      notes: ["ECS Exec needs new tasks once it is turned on."],
      override: { key: "t", label: "t tries anyway" },
    };
    const shown = dialog(view);
    expect(shown.uniformStyleOf("✗ the task was started without enableExecuteCommand")).toMatchObject({
      color: "red",
      bold: true,
    });
    expect(shown.uniformStyleOf("→ restart the service: r").color).toBe("yellowBright");
    expect(shown.text).toContain("enter or esc closes · t tries anyway");
  });
});
