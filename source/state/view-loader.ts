// One load of a view: the kind's load() with the account's gateways and the view's memo, its rows
// put in the cache as they arrive (they may settle pending changes), and how it ended. What an
// account read after the store switched to another one is dropped.
import type { EcsGateway } from "../aws/ecs-gateway.js";
import { describeFailure } from "../aws/failure.js";
import type { FlashLevel } from "../features/dialogs/action-dialog.js";
import type { AnyKind } from "../kinds/registry.js";
import type { LoadContext } from "../kinds/types.js";
import { viewKey, type AppState, type StatePatch } from "./app-state.js";
import type { PendingTracker } from "./pending-tracker.js";
import { loadEnded, receivedRows } from "./row-cache.js";
import type { ViewEntry } from "./view-cursor.js";
import { keysOnScreen, kindOf } from "./view-rows.js";

/** What the attached account lends a load. */
export type LoadSources = Pick<
  LoadContext<unknown>,
  "gateway" | "autoscaling" | "ecr" | "elbv2" | "forwards"
>;

export interface LoaderHost {
  state(): AppState;
  set(patch: StatePatch): void;
  now(): number;
  flash(text: string, level: FlashLevel, fromRefresh?: boolean): void;
  /** The gateway of the account attached now. */
  gateway(): EcsGateway | undefined;
}

export class ViewLoader {
  private readonly memos = new Map<string, Record<string, number>>();
  private loads = 0;

  constructor(
    private readonly host: LoaderHost,
    private readonly pending: PendingTracker,
  ) {}

  /** Loads started so far; a pending change counts only rows from loads started after it. */
  get started(): number {
    return this.loads;
  }

  async load(sources: LoadSources, view: ViewEntry, forced: boolean): Promise<void> {
    const { host } = this;
    const key = viewKey(view);
    // A failed describe returns while sibling batches are still out; once the load is over, their
    // rows are stale and must not overwrite a newer load's.
    let open = true;
    const kind = kindOf(view);
    let memo = this.memos.get(key);
    if (!memo) this.memos.set(key, (memo = {}));
    const load = ++this.loads;
    const { gateway } = sources;
    const outcome = await kind.load({
      ...sources,
      scope: view.scope,
      now: host.now(),
      previous: host.state().cache.get(key)?.rows,
      visibleKeys: (rows) => keysOnScreen(host.state(), key, rows),
      forced,
      memo,
      publish: (rows) => {
        if (open && gateway === host.gateway()) this.receive(key, kind, rows, load);
      },
    });
    open = false;
    // Loaded from the account before a :profile or :region switch.
    if (gateway !== host.gateway()) return;
    if (outcome.rows) this.receive(key, kind, outcome.rows, load);
    host.set(loadEnded(host.state(), key, outcome, host.now()));
    if (!outcome.ok) host.flash(describeFailure(outcome.failure), "error", true);
  }

  /** Another account: the memos of the old one's views say nothing about it. */
  forget(): void {
    this.memos.clear();
  }

  private receive(key: string, kind: AnyKind, rows: readonly unknown[], load: number): void {
    const { host } = this;
    const before = host.state().cache.get(key)?.rows;
    host.set(receivedRows(host.state(), key, kind, rows, host.now()));
    const settled = this.pending.settled(host.state().pending, kind, before, rows, load);
    if (!settled) return;
    host.set({ pending: settled.pending });
    for (const message of settled.messages) host.flash(message.text ?? "", message.level ?? "info");
  }
}
