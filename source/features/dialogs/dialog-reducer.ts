// The one dialog reducer, shared by the action dialog and the step dialog: a key on the step on
// screen becomes either the same step drawn anew (typed into, moved, scrolled) or what the dialog
// must do next (cancel, submit, choose, send, close). What that means (validate, confirm, run)
// stays the dialog's own.
import type { Action } from "../actions/types.js";
import { editLine, typedText } from "../../input/line-editor.js";
import {
  BUSY_KEYS,
  CONFIRM_KEYS,
  NOTICE_KEYS,
  PICK_KEYS,
  PROMPT_KEYS,
  TYPED_CONFIRM_KEYS,
  type DialogAction,
} from "./dialog-keys.js";
import type { ConfirmView, DialogView, PickView, PromptField, PromptView } from "./dialog-view.js";

export type DialogStep =
  /** The same step, drawn anew; `edited`: a prompt's values changed (check them again). */
  | { type: "update"; view: DialogView; edited: boolean }
  /** esc (or n on a confirmation): end the step, nothing sent. */
  | { type: "cancel" }
  /** enter: a prompt's values, a list's item under the cursor, a typed confirmation. */
  | { type: "submit" }
  /** y on a confirmation. */
  | { type: "send" }
  /** A notice read. */
  | { type: "close" }
  /** A notice's key that goes ahead all the same. */
  | { type: "override" };

/** Lines a page key moves in a list or a confirmation. */
const PAGE = 10;

/** The next step after a key, or undefined when the key does nothing in this step. */
export function dialogKey(view: DialogView, key: string, input: string): DialogStep | undefined {
  switch (view.kind) {
    case "busy":
      return BUSY_KEYS.actionOf(key) === "cancel" ? { type: "cancel" } : undefined;
    case "notice":
      if (view.override?.key === key) return { type: "override" };
      return NOTICE_KEYS.actionOf(key) === "close" ? { type: "close" } : undefined;
    case "prompt":
      return promptKey(view, key, input);
    case "pick":
      return pickKey(view, key);
    case "confirm":
      return confirmKey(view, key, input);
  }
}

function promptKey(view: PromptView, key: string, input: string): DialogStep | undefined {
  const action = PROMPT_KEYS.actionOf(key);
  const ended = endingStep(action);
  if (ended) return ended;
  if (action === "nextField" || action === "previousField") {
    const count = view.fields.length;
    const focus = (view.focus + (action === "previousField" ? -1 : 1) + count) % count;
    return { type: "update", view: { ...view, focus }, edited: false };
  }
  const field = view.fields[view.focus]!;
  const edited = editField(field, key, input);
  if (!edited) return undefined;
  const fields = view.fields.map((each, index) => (index === view.focus ? edited : each));
  return { type: "update", view: { ...view, fields }, edited: edited.value !== field.value || field.fresh };
}

/** A pre-filled value is selected: what is typed, or backspace, replaces it. */
function editField(field: PromptField, key: string, input: string): PromptField | undefined {
  const replaces = field.fresh && (key === "backspace" || typedText(key, input) !== undefined);
  const line = editLine(
    replaces ? { text: "", cursor: 0 } : { text: field.value, cursor: field.cursor },
    key,
    input,
  );
  return line && { ...field, value: line.text, cursor: line.cursor, fresh: false };
}

function pickKey(view: PickView, key: string): DialogStep | undefined {
  const action = PICK_KEYS.actionOf(key);
  const ended = endingStep(action);
  if (ended) return ended;
  const to = moved(action, view.cursor, view.items.length - 1);
  if (to === undefined) return undefined;
  return { type: "update", view: { ...view, cursor: to, error: undefined }, edited: false };
}

function confirmKey(view: ConfirmView, key: string, input: string): DialogStep | undefined {
  if (view.sending) return undefined;
  const keymap = view.action.confirmation.kind === "typed" ? TYPED_CONFIRM_KEYS : CONFIRM_KEYS;
  const binding = keymap.bindingsOf(key)[0];
  const reason = binding?.disabledReason?.();
  if (reason !== undefined) return { type: "update", view: { ...view, error: reason }, edited: false };
  const ended = endingStep(binding?.action);
  if (ended) return ended;
  if (binding?.action === "send") return { type: "send" };
  const scroll = moved(binding?.action, view.scroll, scrollLimit(view.action));
  if (scroll !== undefined) return { type: "update", view: { ...view, scroll }, edited: false };
  if (keymap !== TYPED_CONFIRM_KEYS) return undefined;
  const line = editLine({ text: view.typed, cursor: view.cursor }, key, input);
  if (!line) return undefined;
  return {
    type: "update",
    view: { ...view, typed: line.text, cursor: line.cursor, error: undefined },
    edited: true,
  };
}

function endingStep(action: DialogAction | undefined): DialogStep | undefined {
  if (action === "cancel") return { type: "cancel" };
  if (action === "submit") return { type: "submit" };
  return undefined;
}

/** Where a move takes a position between 0 and `last`; undefined for a key that does not move. */
function moved(action: DialogAction | undefined, from: number, last: number): number | undefined {
  const steps: Partial<Record<DialogAction, number>> = {
    down: from + 1,
    up: from - 1,
    pageDown: from + PAGE,
    pageUp: from - PAGE,
    first: 0,
    last,
  };
  const to = action && steps[action];
  return to === undefined ? undefined : Math.max(0, Math.min(last, to));
}

/**
 * How far a confirmation can usefully scroll: about as many lines as it has (the dialog stops at
 * its last screenful anyway), so that scrolling back up never starts with presses that do nothing.
 */
function scrollLimit(action: Action): number {
  const callLines = action.calls.reduce((sum, call) => sum + Math.ceil(call.cli.length / 60) + 2, 0);
  return action.details.length + action.warnings.length + callLines + (action.diff?.length ?? 0) + 4;
}
