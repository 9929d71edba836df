// A dialog of steps for flows that change no AWS resource (exec and port forwarding, switching
// profile or region): pick from a list, type values (checked as typed), wait, or read a notice.
// Unlike the action dialog there is no confirmation step. The view on screen is plain DialogView
// data; keys come in through handleKey, and the dialog reducer (shared with the action dialog)
// says what each does.
import { dialogKey } from "./dialog-reducer.js";
import {
  freshPrompt,
  type DialogView,
  type FlashLevel,
  type NoticeItem,
  type PickItem,
  type PromptView,
} from "./dialog-view.js";

export interface StepPromptSpec {
  title: string;
  fields: { label: string; value: string }[];
  notes: string[];
  /** What enter does, for the footer. */
  submit: string;
  /** Why these values cannot be used (shown once typed), or the line that says what enter will do. */
  check: (values: string[]) => { ok: true; preview: string } | { ok: false; message: string };
  /** A slower check (is the local port free?) run after each change that passes `check`. */
  checkLater?: (values: string[]) => Promise<string | undefined>;
  /** Enter on valid values; an error message keeps the prompt open with it. */
  accept: (values: string[]) => Promise<string | undefined> | string | undefined;
}

export interface StepPickSpec {
  title: string;
  items: PickItem[];
  notes: string[];
  submit: string;
  choose: (index: number) => void;
  /** The item the cursor starts on (default the first). */
  cursor?: number;
}

export class StepDialog {
  private view: DialogView | undefined;
  private prompt: StepPromptSpec | undefined;
  private pick: StepPickSpec | undefined;
  private override: (() => void) | undefined;
  /** Bumped at every step, so that late answers to an old step are dropped. */
  private generation = 0;
  /** Enter was pressed on the prompt and its answer is awaited: a second enter must not send twice. */
  private accepting = false;

  constructor(
    private readonly show: (view: DialogView | undefined) => void,
    private readonly flash: (text: string) => void,
  ) {}

  get isOpen(): boolean {
    return this.view !== undefined;
  }

  /** The view on screen (for tests and for the store). */
  get current(): DialogView | undefined {
    return this.view;
  }

  handleKey(key: string, input: string): void {
    const view = this.view;
    if (!view) return;
    const step = dialogKey(view, key, input);
    switch (step?.type) {
      case undefined:
      case "send":
        return;
      case "update":
        return step.view.kind === "prompt" && step.edited ? this.edited(step.view) : this.update(step.view);
      case "override":
        return this.override?.();
      case "close":
        return void this.close();
      case "cancel": {
        const title = view.kind === "busy" ? view.title : (this.prompt ?? this.pick)?.title;
        this.close();
        if (view.kind === "busy") return this.flash(`cancelled: ${title}`);
        if (title !== undefined) this.flash(`cancelled: ${title}; nothing was sent`);
        return;
      }
      case "submit":
        if (view.kind === "prompt" && this.prompt) return void this.accept(this.prompt, view);
        if (view.kind === "pick" && this.pick) this.pick.choose(view.cursor);
    }
  }

  /** Shows a wait; the returned check says whether it is still the step on screen. */
  wait(title: string, text: string): () => boolean {
    this.step(undefined, undefined, { kind: "busy", title, text });
    return this.still();
  }

  /** Something to read; with `override`, a key that goes ahead all the same. */
  notice(
    title: string,
    items: NoticeItem[],
    notes: string[] = [],
    override?: { key: string; label: string; run: () => void },
  ): void {
    const view: DialogView = { kind: "notice", title, items, notes };
    if (override) view.override = { key: override.key, label: override.label };
    this.step(undefined, undefined, view);
    this.override = override?.run;
  }

  openPick(spec: StepPickSpec): void {
    this.step(undefined, spec, {
      kind: "pick",
      title: spec.title,
      items: spec.items,
      cursor: spec.cursor ?? 0,
      notes: spec.notes,
      submit: spec.submit,
    });
  }

  /** Opens a prompt; the returned check says whether it is still the step on screen. */
  openPrompt(spec: StepPromptSpec): () => boolean {
    this.step(spec, undefined, this.checked(spec, freshPrompt(spec, spec.submit), false));
    return this.still();
  }

  /** Closes the dialog; the returned check says whether nothing has been opened since. */
  close(): () => boolean {
    this.step(undefined, undefined, undefined);
    return this.still();
  }

  private step(
    prompt: StepPromptSpec | undefined,
    pick: StepPickSpec | undefined,
    view: DialogView | undefined,
  ): void {
    this.generation += 1;
    this.accepting = false;
    this.prompt = prompt;
    this.pick = pick;
    this.override = undefined;
    this.view = view;
    this.show(view);
  }

  private still(): () => boolean {
    const generation = this.generation;
    return () => generation === this.generation;
  }

  private update(view: DialogView): void {
    this.view = view;
    this.show(view);
  }

  private checked(spec: StepPromptSpec, view: PromptView, touched: boolean): PromptView {
    const checked = spec.check(view.fields.map((field) => field.value));
    return {
      ...view,
      preview: checked.ok ? checked.preview : undefined,
      error: !checked.ok && touched ? checked.message : undefined,
    };
  }

  /** A prompt's values changed: checked again, now and (if they pass) later. */
  private edited(view: PromptView): void {
    const spec = this.prompt;
    if (!spec) return;
    const next = this.checked(spec, view, true);
    this.update(next);
    if (spec.checkLater && next.error === undefined) void this.checkLater(spec, next);
  }

  private async checkLater(spec: StepPromptSpec, view: PromptView): Promise<void> {
    const still = this.still();
    const error = await spec.checkLater!(view.fields.map((field) => field.value));
    // Only if nothing was typed meanwhile: the answer is about these values.
    if (error === undefined || !still() || this.view !== view) return;
    this.update({ ...view, error, preview: undefined });
  }

  private async accept(spec: StepPromptSpec, view: PromptView): Promise<void> {
    const values = view.fields.map((field) => field.value);
    const checked = spec.check(values);
    if (!checked.ok) return this.update({ ...view, error: checked.message, preview: undefined });
    if (this.accepting) return;
    this.accepting = true;
    const still = this.still();
    const error = await spec.accept(values);
    if (!still()) return;
    this.accepting = false;
    if (error !== undefined) this.update({ ...view, error, preview: undefined });
  }
}

/** Where a flow shows its dialog and its flash lines: the store. */
export interface FlowHost {
  showDialog(view: DialogView | undefined): void;
  flash(text: string, level: FlashLevel): void;
}

/** A flow that talks to the user through one StepDialog; the store hands it keys while it is open. */
export abstract class StepFlow {
  readonly dialog: StepDialog;

  constructor(protected readonly host: FlowHost) {
    this.dialog = new StepDialog(
      (view) => host.showDialog(view),
      (text) => host.flash(text, "info"),
    );
  }

  get isOpen(): boolean {
    return this.dialog.isOpen;
  }

  handleKey(key: string, input: string): void {
    this.dialog.handleKey(key, input);
  }
}
