// The one dialog reducer of the action and step dialogs: text fields through the line editor (a
// pre-filled value replaced by what is typed), lists with page keys, confirmations answered with y
// or by typing, notices and waits.
import { describe, expect, it } from "vitest";
import type { Action } from "../../../../source/features/actions/types.js";
import { dialogKey, type DialogStep } from "../../../../source/features/dialogs/dialog-reducer.js";
import {
  freshConfirm,
  freshPrompt,
  type DialogView,
  type PickView,
  type PromptView,
} from "../../../../source/features/dialogs/dialog-view.js";

/** Presses keys on a view, keeping each update; returns the last view and the step that ended it. */
function press(view: DialogView, ...keys: string[]): { view: DialogView; step?: DialogStep } {
  for (const key of keys) {
    const step = dialogKey(view, key, key.length === 1 ? key : "");
    if (step?.type !== "update") return { view, step };
    view = step.view;
  }
  return { view };
}

const prompt = (): PromptView =>
  freshPrompt({
    title: "Port forward",
    fields: [
      { label: "remote port", value: "8080" },
      { label: "local port", value: "18080" },
    ],
    notes: [],
  });

const values = (view: DialogView) => (view as PromptView).fields.map((field) => field.value);

const pick = (count = 30): PickView => ({
  kind: "pick",
  title: "Pick",
  items: Array.from({ length: count }, (_, i) => ({ label: `item ${i}` })),
  cursor: 0,
  notes: [],
});

const action = (confirmation: Action["confirmation"]): Action => ({
  id: "scale",
  title: "Scale web to 0",
  resourceArn: "arn:aws:ecs:us-east-1:1:service/prod/web",
  calls: [],
  destructive: true,
  confirmation,
  details: Array.from({ length: 30 }, (_, i) => `detail ${i}`),
  warnings: [],
  successText: "scaled",
});

describe("dialog prompts", () => {
  it("a pre-filled value is replaced by what is typed, or emptied by backspace", () => {
    expect(values(press(prompt(), "9", "0").view)).toEqual(["90", "18080"]);
    expect(values(press(prompt(), "backspace").view)).toEqual(["", "18080"]);
  });

  it("a pre-filled value is edited in place once the cursor moves into it", () => {
    const { view } = press(prompt(), "left", "left", "9");
    expect(values(view)).toEqual(["80980", "18080"]);
    expect((view as PromptView).fields[0]).toMatchObject({ cursor: 3, fresh: false });
  });

  it("ctrl-u, ctrl-w and the other line editor keys work in every field", () => {
    expect(values(press(prompt(), "left", "ctrl-u").view)).toEqual(["0", "18080"]);
    expect(values(press(prompt(), "tab", "end", "ctrl-w", "1").view)).toEqual(["8080", "1"]);
  });

  it("control characters are dropped, not typed into a field", () => {
    expect(dialogKey(prompt(), "\u001c", "\u001c")).toBeUndefined();
    const pasted = dialogKey(prompt(), "1\u001b[2J2", "1\u001b[2J2");
    expect(pasted).toMatchObject({ type: "update", view: { fields: [{ value: "12" }, { value: "18080" }] } });
  });

  it("tab and down go to the next field, up to the previous, wrapping around; no value changes", () => {
    const first = dialogKey(prompt(), "tab", "");
    expect(first).toMatchObject({ type: "update", edited: false, view: { focus: 1 } });
    expect(press(prompt(), "down", "down").view).toMatchObject({ focus: 0 });
    expect(press(prompt(), "up").view).toMatchObject({ focus: 1 });
  });

  it("says when a value was edited, so that the dialog checks it again", () => {
    expect(dialogKey(prompt(), "5", "5")).toMatchObject({ type: "update", edited: true });
    const typed = press(prompt(), "5").view;
    expect(dialogKey(typed, "left", "")).toMatchObject({ type: "update", edited: false });
  });

  it("enter submits, esc cancels", () => {
    expect(dialogKey(prompt(), "enter", "")).toEqual({ type: "submit" });
    expect(dialogKey(prompt(), "esc", "")).toEqual({ type: "cancel" });
  });
});

describe("dialog lists", () => {
  it("move with j/k and the arrows, g/G and home/end, and pgdn/pgup by ten", () => {
    expect(press(pick(), "j", "down").view).toMatchObject({ cursor: 2 });
    expect(press(pick(), "j", "k", "up").view).toMatchObject({ cursor: 0 });
    expect(press(pick(), "G").view).toMatchObject({ cursor: 29 });
    expect(press(pick(), "end", "g").view).toMatchObject({ cursor: 0 });
    expect(press(pick(), "pgdn", "pgdn").view).toMatchObject({ cursor: 20 });
    expect(press(pick(), "pgdn", "pgdn", "pgdn", "pgdn").view).toMatchObject({ cursor: 29 });
    expect(press(pick(), "G", "pgup").view).toMatchObject({ cursor: 19 });
  });

  it("a move clears the error of the item tried before", () => {
    expect(press({ ...pick(), error: "not possible" }, "j").view).toMatchObject({ error: undefined });
  });

  it("enter chooses, esc cancels, letters do nothing", () => {
    expect(dialogKey(pick(), "enter", "")).toEqual({ type: "submit" });
    expect(dialogKey(pick(), "esc", "")).toEqual({ type: "cancel" });
    expect(dialogKey(pick(), "x", "x")).toBeUndefined();
  });
});

describe("dialog confirmations", () => {
  it("y sends, n and esc cancel, enter says what to press instead", () => {
    const view = freshConfirm(action({ kind: "plain" }));
    expect(dialogKey(view, "y", "y")).toEqual({ type: "send" });
    expect(dialogKey(view, "n", "n")).toEqual({ type: "cancel" });
    expect(dialogKey(view, "esc", "")).toEqual({ type: "cancel" });
    expect(press(view, "enter").view).toMatchObject({
      error: "enter does not confirm: press y to send it, n or esc to cancel",
    });
  });

  it("scrolls with j/k, the arrows and the page keys, within its lines", () => {
    const view = freshConfirm(action({ kind: "plain" }));
    expect(press(view, "j", "down", "pgdn").view).toMatchObject({ scroll: 12 });
    expect(press(view, "pgdn", "k", "up").view).toMatchObject({ scroll: 8 });
    expect(press(view, "up").view).toMatchObject({ scroll: 0 });
    expect(press(view, ...Array<string>(10).fill("pgdn")).view).toMatchObject({ scroll: 34 });
  });

  it("a typed confirmation takes every letter as text, edits with the line editor, and enter submits", () => {
    const view = freshConfirm(action({ kind: "typed", expected: "web", prompt: "type web" }));
    const typed = press(view, "w", "j", "e", "b", "left", "left", "backspace");
    expect(typed.view).toMatchObject({ typed: "web", cursor: 1 });
    expect(press(typed.view, "ctrl-e", "ctrl-u").view).toMatchObject({ typed: "", cursor: 0 });
    expect(dialogKey(typed.view, "enter", "")).toEqual({ type: "submit" });
    expect(dialogKey(typed.view, "y", "y")).toMatchObject({ type: "update", view: { typed: "wyeb" } });
    expect(dialogKey(typed.view, "n", "n")).toMatchObject({ type: "update" });
    expect(press(typed.view, "down").view).toMatchObject({ scroll: 1, typed: "web" });
  });

  it("typing clears the error shown", () => {
    const view = { ...freshConfirm(action({ kind: "typed", expected: "web", prompt: "" })), error: "no" };
    expect(press(view, "w").view).toMatchObject({ error: undefined });
  });

  it("takes no key while sending", () => {
    const view = { ...freshConfirm(action({ kind: "plain" })), sending: true };
    expect(dialogKey(view, "y", "y")).toBeUndefined();
    expect(dialogKey(view, "esc", "")).toBeUndefined();
  });
});

describe("dialog notices and waits", () => {
  const notice: DialogView = {
    kind: "notice",
    title: "Exec cannot work",
    items: [],
    notes: [],
    override: { key: "t", label: "t tries anyway" },
  };

  it("a notice closes with esc, enter or q; its own key goes ahead all the same", () => {
    for (const key of ["esc", "enter", "q"]) expect(dialogKey(notice, key, "")).toEqual({ type: "close" });
    expect(dialogKey(notice, "t", "t")).toEqual({ type: "override" });
    expect(dialogKey(notice, "x", "x")).toBeUndefined();
  });

  it("a wait is cancelled with esc, and takes no other key", () => {
    const busy: DialogView = { kind: "busy", title: "Checking", text: "…" };
    expect(dialogKey(busy, "esc", "")).toEqual({ type: "cancel" });
    expect(dialogKey(busy, "enter", "")).toBeUndefined();
  });
});
