// The action dialog, whatever the action: a prompt validated as typed, a list to pick from, a wait
// while an action is prepared, and the confirmation that shows exactly what will be sent; then the
// runner, and the outcome in the flash. The dialog on screen is plain data (DialogView); keys come
// in through handleKey, and the dialog reducer (shared with the step dialog) says what each does.
// Only ActionRunner.run sends anything, with a token from confirm().
import type { Service } from "@aws-sdk/client-ecs";
import { outcomeText } from "../actions/outcome-text.js";
import type { ActionOutcome, ActionRunner } from "../actions/runner.js";
import type { Action, Built } from "../actions/types.js";
import { pendingChanges, type PendingChange } from "../../state/pending.js";
import { dialogKey } from "./dialog-reducer.js";
import {
  freshConfirm,
  freshPrompt,
  type ConfirmView,
  type DialogView,
  type FlashLevel,
  type PickItem,
  type PickView,
  type PromptView,
} from "./dialog-view.js";

// The action flows name the dialog's types from here.
export type { DialogView, FlashLevel, NoticeItem, PickItem, PromptField } from "./dialog-view.js";

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
    const step = dialogKey(view, key, input);
    switch (step?.type) {
      case undefined:
        return;
      case "update":
        if (step.view.kind === "prompt") return void this.showPrompt(step.view, step.edited);
        return void this.show(step.view);
      case "cancel":
        return this.cancelStep(view);
      case "close":
      case "override":
        return this.close();
      case "submit":
        return this.submit(view);
      case "send":
        if (view.kind === "confirm" && this.confirming) void this.send(view, undefined);
    }
  }

  /** esc: a prompt or a list says nothing was sent; a confirmation is logged as cancelled. */
  private cancelStep(view: DialogView): void {
    if (view.kind === "confirm") {
      if (this.confirming) void this.cancel(view.action);
      return;
    }
    const spec = view.kind === "prompt" ? this.prompt : view.kind === "pick" ? this.pick : undefined;
    this.close();
    if (spec) this.host.flash(`cancelled: ${spec.title}; nothing was sent`, "info");
  }

  private submit(view: DialogView): void {
    if (view.kind === "prompt" && this.prompt) {
      const built = this.prompt.validate(view.fields.map((field) => field.value));
      if (!built.ok) return void this.show({ ...view, error: built.message, preview: undefined });
      return this.confirm(built, this.prompt.service);
    }
    if (view.kind === "pick" && this.pick) return void this.choose(view, this.pick);
    if (view.kind === "confirm" && this.confirming) void this.send(view, view.typed);
  }

  private async choose(view: PickView, spec: PickSpec): Promise<void> {
    const built = await spec.choose(view.cursor);
    if (built === undefined || this.pick !== spec) return;
    // Not possible: back to the list, where the user can pick another one.
    if (!built.ok) return void this.show({ ...view, error: built.message });
    this.confirm(built, spec.service);
  }

  // ---- sending ----

  private async send(view: ConfirmView, typed: string | undefined): Promise<void> {
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
    this.show(freshConfirm(built.action));
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
  private showPrompt(view: PromptView, touched: boolean): number {
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
    this.show({ kind: "pick", title: spec.title, items: spec.items, cursor: spec.cursor, notes: spec.notes });
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
