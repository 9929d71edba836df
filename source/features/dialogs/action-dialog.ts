// The action dialog, whatever the action: a prompt validated as typed, a list to pick from, a wait
// while an action is prepared, and the confirmation that shows exactly what will be sent; then the
// runner, and the outcome in the flash. The dialog on screen is plain data (DialogView); keys come
// in through handleKey. Only ActionRunner.run sends anything, with a token from confirm().
import type { Service } from "@aws-sdk/client-ecs";
import { outcomeText } from "../actions/outcome-text.js";
import type { ActionOutcome, ActionRunner } from "../actions/runner.js";
import type { Action, Built } from "../actions/types.js";
import { pendingChanges, type PendingChange } from "../../state/pending.js";

export interface PromptField {
  label: string;
  value: string;
  /** Still the pre-filled value: the first character typed replaces it. */
  fresh: boolean;
}

export interface PickItem {
  label: string;
  note?: string;
}

type PromptView = Extract<DialogView, { kind: "prompt" }>;

/** A prompt as first shown: the given values, not typed over yet, focus on the first field. */
export function freshPrompt(
  spec: { title: string; fields: { label: string; value: string }[]; notes: string[] },
  submit?: string,
): PromptView {
  return {
    kind: "prompt",
    title: spec.title,
    fields: spec.fields.map((field) => ({ ...field, fresh: true })),
    focus: 0,
    notes: spec.notes,
    warnings: [],
    ...(submit === undefined ? {} : { submit }),
  };
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
  | { kind: "confirm"; action: Action; typed: string; error?: string; sending: boolean; scroll: number }
  /** Something to read before going on (why exec cannot work here, and what to do about it). */
  | {
      kind: "notice";
      title: string;
      items: NoticeItem[];
      notes: string[];
      /** A key that goes ahead all the same, and what it does (exec: "t tries anyway"). */
      override?: { key: string; label: string };
    };

export interface NoticeItem {
  text: string;
  /** What to do about it. */
  hint?: string;
}

export type FlashLevel = "info" | "warn" | "error";

export interface ActionHost {
  showDialog(view: DialogView | undefined): void;
  flash(text: string, level: FlashLevel): void;
  /** An action went through: these rows wait for a refresh to confirm it. */
  applied(changes: PendingChange[]): void;
  now(): number;
}

export interface PromptSpec {
  title: string;
  fields: { label: string; value: string }[];
  notes: string[];
  validate: (values: string[]) => Built;
  service?: Service;
}

export interface PickSpec {
  title: string;
  items: PickItem[];
  cursor: number;
  notes: string[];
  choose: (index: number) => Promise<Built | undefined> | Built | undefined;
  service?: Service;
}

const PRINTABLE = (key: string, input: string) =>
  input.length > 0 && !key.startsWith("ctrl-") && (key === input || key === "space");

export class ActionDialog {
  private view: DialogView | undefined;
  /** Bumped whenever the dialog changes step, so that late answers to an old step are dropped. */
  private generation = 0;
  private prompt: PromptSpec | undefined;
  private pick: PickSpec | undefined;
  private confirming: { action: Action; service?: Service } | undefined;

  constructor(
    private readonly runner: ActionRunner,
    private readonly host: ActionHost,
  ) {}

  get isOpen(): boolean {
    return this.view !== undefined;
  }

  // ---- keys ----

  handleKey(key: string, input: string): void {
    const view = this.view;
    if (!view) return;
    if (view.kind === "busy") {
      if (key === "esc") this.close();
      return;
    }
    if (view.kind === "prompt") return this.promptKey(view, key, input);
    if (view.kind === "pick") return this.pickKey(view, key);
    if (view.kind === "notice") {
      if (key === "esc" || key === "enter" || key === "q") this.close();
      return;
    }
    return this.confirmKey(view, key, input);
  }

  private promptKey(view: Extract<DialogView, { kind: "prompt" }>, key: string, input: string): void {
    const spec = this.prompt;
    if (!spec) return;
    const fields = view.fields.map((field) => ({ ...field }));
    const field = fields[view.focus]!;
    if (key === "esc") {
      this.close();
      return this.host.flash(`cancelled: ${spec.title}; nothing was sent`, "info");
    }
    if (key === "enter") {
      const built = spec.validate(fields.map((f) => f.value));
      if (!built.ok) return void this.show({ ...view, error: built.message, preview: undefined });
      return this.confirm(built, spec.service);
    }
    if (key === "tab" || key === "down" || key === "up") {
      const step = key === "up" ? -1 : 1;
      const focus = (view.focus + step + fields.length) % fields.length;
      return void this.showPrompt({ ...view, focus }, false);
    }
    if (key === "backspace") {
      field.value = field.fresh ? "" : field.value.slice(0, -1);
      field.fresh = false;
    } else if (key === "ctrl-u") {
      field.value = "";
      field.fresh = false;
    } else if (PRINTABLE(key, input)) {
      field.value = field.fresh ? input : field.value + input;
      field.fresh = false;
    } else {
      return;
    }
    this.showPrompt({ ...view, fields }, true);
  }

  private pickKey(view: Extract<DialogView, { kind: "pick" }>, key: string): void {
    const spec = this.pick;
    if (!spec) return;
    const last = view.items.length - 1;
    const move = (cursor: number) =>
      this.show({ ...view, cursor: Math.max(0, Math.min(last, cursor)), error: undefined });
    switch (key) {
      case "esc":
        this.close();
        return this.host.flash(`cancelled: ${spec.title}; nothing was sent`, "info");
      case "j":
      case "down":
        return void move(view.cursor + 1);
      case "k":
      case "up":
        return void move(view.cursor - 1);
      case "g":
      case "home":
        return void move(0);
      case "G":
      case "end":
        return void move(last);
      case "pgdn":
        return void move(view.cursor + 10);
      case "pgup":
        return void move(view.cursor - 10);
      case "enter":
        return void this.choose(view, spec);
    }
  }

  private async choose(view: Extract<DialogView, { kind: "pick" }>, spec: PickSpec): Promise<void> {
    const built = await spec.choose(view.cursor);
    if (built === undefined || this.pick !== spec) return;
    // Not possible: back to the list, where the user can pick another one.
    if (!built.ok) return void this.showPick({ ...view, error: built.message });
    this.confirm(built, spec.service);
  }

  private confirmKey(view: Extract<DialogView, { kind: "confirm" }>, key: string, input: string): void {
    if (view.sending || !this.confirming) return;
    const typed = view.action.confirmation.kind === "typed";
    const scroll = SCROLL_KEYS[key] ?? (!typed && (key === "j" || key === "k") ? (key === "j" ? 1 : -1) : 0);
    if (scroll !== 0) {
      const next = Math.min(scrollLimit(view.action), Math.max(0, view.scroll + scroll));
      return void this.show({ ...view, scroll: next });
    }
    if (key === "esc" || (!typed && key === "n")) return void this.cancel(view.action);
    if (!typed) {
      if (key === "y") return void this.send(view, undefined);
      if (key === "enter") {
        this.show({ ...view, error: "enter does not confirm: press y to send it, n or esc to cancel" });
      }
      return;
    }
    if (key === "enter") return void this.send(view, view.typed);
    if (key === "backspace")
      return void this.show({ ...view, typed: view.typed.slice(0, -1), error: undefined });
    if (key === "ctrl-u") return void this.show({ ...view, typed: "", error: undefined });
    if (PRINTABLE(key, input)) this.show({ ...view, typed: view.typed + input, error: undefined });
  }

  // ---- sending ----

  private async send(
    view: Extract<DialogView, { kind: "confirm" }>,
    typed: string | undefined,
  ): Promise<void> {
    const runner = this.runner;
    const confirming = this.confirming!;
    const generation = this.show({ ...view, sending: true, error: undefined });
    const confirmed = await runner.confirm(view.action, typed);
    if (!confirmed.ok) {
      if (confirmed.refused) {
        this.close();
        return this.host.flash(confirmed.message, "warn");
      }
      if (generation === this.generation) this.show({ ...view, sending: false, error: confirmed.message });
      return;
    }
    const outcome = await runner.run(confirmed.token);
    if (generation === this.generation) this.close();
    this.report(outcome);
    if (outcome.kind === "done") {
      this.host.applied(pendingChanges(outcome.action, this.host.now(), confirming.service));
    }
  }

  private async cancel(action: Action): Promise<void> {
    this.close();
    this.report(await this.runner.cancel(action));
  }

  private report(outcome: ActionOutcome): void {
    const level: FlashLevel =
      outcome.kind === "failed" ? "error" : outcome.logError !== undefined ? "warn" : "info";
    this.host.flash(outcomeText(outcome), level);
  }

  // ---- dialog state ----

  /** The confirmation of a built action, or why it could not be built (in the flash). */
  confirm(built: Built, service?: Service): void {
    if (!built.ok) {
      this.close();
      return this.host.flash(built.message, "warn");
    }
    this.prompt = undefined;
    this.pick = undefined;
    this.confirming = { action: built.action, service };
    this.show({ kind: "confirm", action: built.action, typed: "", sending: false, scroll: 0 });
  }

  /** Opens a prompt; the returned check says whether it is still the step on screen. */
  openPrompt(spec: PromptSpec): () => boolean {
    this.prompt = spec;
    this.pick = undefined;
    this.confirming = undefined;
    this.showPrompt(freshPrompt(spec), false);
    return this.current();
  }

  /** Validates the prompt again (e.g. when something it checks against arrived). */
  refreshPrompt(): void {
    if (this.view?.kind === "prompt") this.showPrompt(this.view, this.view.preview !== undefined);
  }

  /** Shows the prompt with the validation of what is typed; `touched`: the user has typed. */
  private showPrompt(view: Extract<DialogView, { kind: "prompt" }>, touched: boolean): number {
    const spec = this.prompt!;
    const built = spec.validate(view.fields.map((field) => field.value));
    const shown = touched || view.preview !== undefined || view.error !== undefined;
    return this.show({
      ...view,
      notes: [...spec.notes],
      preview: built.ok ? built.action.title : undefined,
      warnings: built.ok ? built.action.warnings : [],
      error: !built.ok && shown ? built.message : undefined,
    });
  }

  openPick(spec: PickSpec): void {
    this.pick = spec;
    this.prompt = undefined;
    this.confirming = undefined;
    this.showPick({
      kind: "pick",
      title: spec.title,
      items: spec.items,
      cursor: spec.cursor,
      notes: spec.notes,
    });
  }

  private showPick(view: Extract<DialogView, { kind: "pick" }>): number {
    return this.show(view);
  }

  private show(view: DialogView): number {
    // A new step (not a change within the same one) makes earlier async answers stale.
    if (this.view?.kind !== view.kind || view.kind === "busy") this.generation += 1;
    this.view = view;
    this.host.showDialog(view);
    return this.generation;
  }

  /** Shows a wait while an action is prepared; the returned check says whether it is still on screen. */
  wait(title: string, text: string): () => boolean {
    this.show({ kind: "busy", title, text });
    return this.current();
  }

  /** Closes the dialog and says why in the flash. */
  fail(message: string, level: FlashLevel = "warn"): void {
    this.close();
    this.host.flash(message, level);
  }

  private current(): () => boolean {
    const generation = this.generation;
    return () => generation === this.generation;
  }

  close(): void {
    this.generation += 1;
    this.view = undefined;
    this.prompt = undefined;
    this.pick = undefined;
    this.confirming = undefined;
    this.host.showDialog(undefined);
  }
}

const SCROLL_KEYS: Record<string, number> = { down: 1, up: -1, pgdn: 10, pgup: -10 };

/**
 * How far a confirmation can usefully scroll: about as many lines as it has (the dialog stops at
 * its last screenful anyway), so that scrolling back up never starts with presses that do nothing.
 */
function scrollLimit(action: Action): number {
  const callLines = action.calls.reduce((sum, call) => sum + Math.ceil(call.cli.length / 60) + 2, 0);
  return action.details.length + action.warnings.length + callLines + (action.diff?.length ?? 0) + 4;
}
