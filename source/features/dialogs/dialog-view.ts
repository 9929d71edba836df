// A dialog on screen, as plain data: a wait, a prompt of text fields, a list to pick from, an
// action's confirmation or a notice. The action dialog and the step dialog show these; the dialog
// reducer (dialog-reducer.ts) turns keys into the next one; the UI draws them.
import type { Action } from "../actions/types.js";

export interface PromptField {
  label: string;
  value: string;
  /** Where the cursor is in the value (line-editor.ts). */
  cursor: number;
  /** Still the pre-filled value: the first character typed replaces it. */
  fresh: boolean;
}

export interface PickItem {
  label: string;
  note?: string;
}

export type DialogView =
  | { kind: "busy"; title: string; text: string }
  | {
      kind: "prompt";
      title: string;
      fields: PromptField[];
      focus: number;
      /** Facts worth knowing while typing (current counts, auto scaling bounds). */
      notes: string[];
      /** The action the input would make, or why it cannot (once the user typed something). */
      preview?: string;
      warnings: string[];
      error?: string;
      /** What enter does, when it is not reviewing an action (exec: "enter opens the shell"). */
      submit?: string;
    }
  | {
      kind: "pick";
      title: string;
      items: PickItem[];
      cursor: number;
      notes: string[];
      error?: string;
      submit?: string;
    }
  | {
      kind: "confirm";
      action: Action;
      /** What is typed for a typed confirmation, and where its cursor is. */
      typed: string;
      cursor: number;
      error?: string;
      sending: boolean;
      scroll: number;
    }
  /** Something to read before going on (why exec cannot work here, and what to do about it). */
  | {
      kind: "notice";
      title: string;
      items: NoticeItem[];
      notes: string[];
      /** A key that goes ahead all the same, and what it does (exec: "t tries anyway"). */
      override?: { key: string; label: string };
    };

export type PromptView = Extract<DialogView, { kind: "prompt" }>;
export type PickView = Extract<DialogView, { kind: "pick" }>;
export type ConfirmView = Extract<DialogView, { kind: "confirm" }>;

export interface NoticeItem {
  text: string;
  /** What to do about it. */
  hint?: string;
}

export type FlashLevel = "info" | "warn" | "error";

/** A prompt as first shown: the given values, not typed over yet, focus on the first field. */
export function freshPrompt(
  spec: { title: string; fields: { label: string; value: string }[]; notes: string[] },
  submit?: string,
): PromptView {
  return {
    kind: "prompt",
    title: spec.title,
    fields: spec.fields.map((field) => ({ ...field, cursor: [...field.value].length, fresh: true })),
    focus: 0,
    notes: spec.notes,
    warnings: [],
    ...(submit === undefined ? {} : { submit }),
  };
}

/** A confirmation as first shown: nothing typed, not sent, at the top. */
export function freshConfirm(action: Action): ConfirmView {
  return { kind: "confirm", action, typed: "", cursor: 0, sending: false, scroll: 0 };
}
