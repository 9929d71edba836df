// The action keys (scale, restart, rollback…), bound to the session's action services: they act
// on the row under the cursor or the marked rows, and a change that went through leaves its rows
// pending until a refresh shows it done.
import type { EcsGateway } from "../../aws/ecs-gateway.js";
import { topOf } from "../../state/app-state.js";
import { marksOf, withoutMarks } from "../../state/marks.js";
import type { PendingChange } from "../../state/pending.js";
import type { PendingChanges } from "../../state/pending-tracker.js";
import type { StoreHost } from "../../state/store-host.js";
import { entryOf, rowAtCursor } from "../../state/view-rows.js";
import { ActionFlow, type ActionVerb } from "./action-flow.js";
import type { ActionServices } from "./session-actions.js";

/** The pending changes with `changes` added, as sent now. */
export type AddPending = (pending: PendingChanges, changes: readonly PendingChange[]) => PendingChanges;

export class ActionIntents {
  private flow: ActionFlow | undefined;

  constructor(
    private readonly host: StoreHost,
    private readonly addPending: AddPending,
  ) {}

  /** The account's action services (none: the keys say actions are not available). */
  attach(actions: ActionServices | undefined, gateway: EcsGateway): void {
    const { host } = this;
    this.flow = actions
      ? new ActionFlow(actions, gateway, {
          showDialog: (dialog) => host.showDialog(dialog),
          flash: (text, level) => host.flash(text, level),
          applied: (changes) => this.applied(changes),
          now: () => host.now(),
        })
      : undefined;
  }

  get isOpen(): boolean {
    return this.flow?.isOpen ?? false;
  }

  handleKey(key: string, input: string): void {
    this.flow?.handleKey(key, input);
  }

  /** An action key: refused at once in read-only mode (the runner would refuse it anyway). */
  start(verb: ActionVerb): void {
    const flow = this.flow;
    if (!flow) {
      const why = this.host.attached() ? "actions are not available in this session" : "not connected";
      return this.host.flash(why, "error");
    }
    const state = this.host.state();
    const view = topOf(state);
    const refused = flow.start(verb, {
      kind: view.kind,
      row: rowAtCursor(state),
      rows: entryOf(state, view)?.rows ?? [],
      marked: marksOf(state.marks, view),
    });
    if (refused) this.host.flash(refused.text, refused.level);
  }

  private applied(changes: PendingChange[]): void {
    const state = this.host.state();
    const view = topOf(state);
    // The marked rows were acted on: the marks have done their job.
    const done = changes.some((change) => change.kind === view.kind);
    const marks = done ? withoutMarks(state.marks, view) : state.marks;
    this.host.set({ pending: this.addPending(state.pending, changes), marks });
    this.host.requestRefresh(true);
  }
}
