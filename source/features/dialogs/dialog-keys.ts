// The keys of each kind of dialog step, as data: the dialog reducer dispatches on them. Text fields
// and the typed confirmation also take the line editor's keys (line-editor.ts).
import { Keymap, type Binding } from "../../input/binding.js";

export type DialogAction =
  | "submit"
  | "cancel"
  | "nextField"
  | "previousField"
  | "down"
  | "up"
  | "first"
  | "last"
  | "pageDown"
  | "pageUp"
  | "send"
  | "close";

type DialogKeymap = Keymap<Binding<DialogAction>>;

const CANCEL: Binding<DialogAction> = { action: "cancel", keys: ["esc"], description: "Cancel", hint: true };

/** Moving through a list, or through a confirmation's lines; `j` and `k` too where they type nothing. */
function moves(letters: boolean): Binding<DialogAction>[] {
  return [
    { action: "down", keys: letters ? ["j", "down"] : ["down"], description: "Down", hint: false },
    { action: "up", keys: letters ? ["k", "up"] : ["up"], description: "Up", hint: false },
    { action: "pageDown", keys: ["pgdn"], description: "Page down", hint: false },
    { action: "pageUp", keys: ["pgup"], description: "Page up", hint: false },
  ];
}

export const BUSY_KEYS: DialogKeymap = new Keymap([CANCEL]);

export const PROMPT_KEYS: DialogKeymap = new Keymap<Binding<DialogAction>>([
  { action: "submit", keys: ["enter"], description: "Go on with these values", hint: true },
  CANCEL,
  { action: "nextField", keys: ["tab", "down"], description: "Next field", hint: true },
  { action: "previousField", keys: ["up"], description: "Previous field", hint: false },
]);

export const PICK_KEYS: DialogKeymap = new Keymap<Binding<DialogAction>>([
  { action: "submit", keys: ["enter"], description: "Choose", hint: true },
  CANCEL,
  ...moves(true),
  { action: "first", keys: ["g", "home"], description: "Top", hint: false },
  { action: "last", keys: ["G", "end"], description: "Bottom", hint: false },
]);

/** A confirmation answered with y or n: j and k scroll it. */
export const CONFIRM_KEYS: DialogKeymap = new Keymap<Binding<DialogAction>>([
  { action: "send", keys: ["y"], description: "Send it", hint: true },
  { action: "cancel", keys: ["n", "esc"], description: "Cancel", hint: true },
  {
    action: "submit",
    keys: ["enter"],
    description: "Nothing: y sends",
    hint: false,
    disabledReason: () => "enter does not confirm: press y to send it, n or esc to cancel",
  },
  ...moves(true),
]);

/** A confirmation answered by typing (a name): every letter is text, only the arrows scroll. */
export const TYPED_CONFIRM_KEYS: DialogKeymap = new Keymap<Binding<DialogAction>>([
  { action: "submit", keys: ["enter"], description: "Confirm once it matches", hint: true },
  CANCEL,
  ...moves(false),
]);

export const NOTICE_KEYS: DialogKeymap = new Keymap<Binding<DialogAction>>([
  { action: "close", keys: ["esc", "enter", "q"], description: "Close", hint: true },
]);
