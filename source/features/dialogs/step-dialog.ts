// A dialog of steps for flows that change no AWS resource (exec and port forwarding, switching
// profile or region): pick from a list, type values (checked as typed), wait, or read a notice.
// Unlike the action dialog there is no confirmation step. The view on screen is plain DialogView
// data; keys come in through handleKey.
import {
  freshPrompt,
  type DialogView,
  type FlashLevel,
  type NoticeItem,
  type PickItem,
} from "./action-dialog.js";

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

type Prompt = Extract<DialogView, { kind: "prompt" }>;
type Pick = Extract<DialogView, { kind: "pick" }>;

const PRINTABLE = (key: string, input: string) =>
  input.length > 0 &&
  !key.startsWith("ctrl-") &&
  (key === input || key === "space") &&
  // eslint-disable-next-line no-control-regex
  !/[\u0000-\u001f\u007f]/.test(input);

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
    if (view.kind === "prompt") return this.promptKey(view, key, input);
    if (view.kind === "pick") return this.pickKey(view, key);
    if (view.kind === "notice" && view.override?.key === key && this.override) return this.override();
    if (key === "esc" || (view.kind === "notice" && (key === "enter" || key === "q"))) {
      const title = view.kind === "notice" || view.kind === "busy" ? view.title : "";
      this.close();
      if (view.kind === "busy") this.flash(`cancelled: ${title}`);
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

  private checked(spec: StepPromptSpec, view: Prompt, touched: boolean): Prompt {
    const checked = spec.check(view.fields.map((field) => field.value));
    return {
      ...view,
      preview: checked.ok ? checked.preview : undefined,
      error: !checked.ok && touched ? checked.message : undefined,
    };
  }

  private promptKey(view: Prompt, key: string, input: string): void {
    const spec = this.prompt;
    if (!spec) return;
    if (key === "esc") {
      this.close();
      return this.flash(`cancelled: ${spec.title}; nothing was sent`);
    }
    const fields = view.fields.map((field) => ({ ...field }));
    if (key === "enter") return void this.accept(spec, view);
    if (key === "tab" || key === "down" || key === "up") {
      const focus = (view.focus + (key === "up" ? -1 : 1) + fields.length) % fields.length;
      return this.update({ ...view, focus });
    }
    const field = fields[view.focus]!;
    if (key === "backspace") field.value = field.fresh ? "" : field.value.slice(0, -1);
    else if (key === "ctrl-u") field.value = "";
    else if (PRINTABLE(key, input)) field.value = field.fresh ? input : field.value + input;
    else return;
    field.fresh = false;
    const next = this.checked(spec, { ...view, fields }, true);
    this.update(next);
    if (spec.checkLater && next.error === undefined) void this.checkLater(spec, next);
  }

  private async checkLater(spec: StepPromptSpec, view: Prompt): Promise<void> {
    const still = this.still();
    const error = await spec.checkLater!(view.fields.map((field) => field.value));
    // Only if nothing was typed meanwhile: the answer is about these values.
    if (error === undefined || !still() || this.view !== view) return;
    this.update({ ...view, error, preview: undefined });
  }

  private async accept(spec: StepPromptSpec, view: Prompt): Promise<void> {
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

  private pickKey(view: Pick, key: string): void {
    const spec = this.pick;
    if (!spec) return;
    const last = view.items.length - 1;
    const move = (cursor: number) => this.update({ ...view, cursor: Math.max(0, Math.min(last, cursor)) });
    switch (key) {
      case "esc":
        this.close();
        return this.flash(`cancelled: ${spec.title}; nothing was sent`);
      case "j":
      case "down":
        return move(view.cursor + 1);
      case "k":
      case "up":
        return move(view.cursor - 1);
      case "g":
      case "home":
        return move(0);
      case "G":
      case "end":
        return move(last);
      case "enter":
        return spec.choose(view.cursor);
    }
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
