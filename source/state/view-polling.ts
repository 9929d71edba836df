// The view on top, kept fresh: the scheduler (refresh-scheduler.ts) says when, the loader
// (view-loader.ts) loads it from the account attached, and the tracker (pending-tracker.ts) knows
// which loads may settle a pending change.
import { topOf, viewKey } from "./app-state.js";
import type { PendingChange } from "./pending.js";
import { PendingTracker, type PendingChanges } from "./pending-tracker.js";
import { pollDelay, RefreshScheduler } from "./refresh-scheduler.js";
import { ViewLoader, type LoaderHost, type LoadSources } from "./view-loader.js";

export interface PollingHost extends Omit<LoaderHost, "gateway"> {
  /** What the views load from; undefined while no account is attached. */
  sources(): LoadSources | undefined;
  /** Whether the view on top polls: the clock runs and nothing covers the table. */
  polls(): boolean;
  refreshMs(): number;
}

export class ViewPolling {
  private readonly tracker = new PendingTracker();
  private readonly loader: ViewLoader;
  private readonly scheduler: RefreshScheduler;

  constructor(host: PollingHost) {
    const top = () => topOf(host.state());
    this.loader = new ViewLoader({ ...host, gateway: () => host.sources()?.gateway }, this.tracker);
    this.scheduler = new RefreshScheduler({
      attached: () => host.sources() !== undefined,
      topKey: () => viewKey(top()),
      load: (forced) => this.loader.load(host.sources()!, top(), forced),
      nextDelay: () =>
        host.polls() ? pollDelay(host.refreshMs(), top().kind, host.state().pending) : undefined,
    });
  }

  /** Loads the view on top now, then again every refreshMs while it stays on top. */
  refresh(forced: boolean): Promise<void> {
    return this.scheduler.refresh(forced);
  }

  request(forced = false): void {
    this.scheduler.request(forced);
  }

  pause(): void {
    this.scheduler.pause();
  }

  /** Another account: no load, memo or pending change of the old one counts for it. */
  forget(): void {
    this.scheduler.forget();
    this.loader.forget();
    this.tracker.forget();
  }

  /** `pending` with `changes` added, sent now: only loads started from now on can settle them. */
  added = (pending: PendingChanges, changes: readonly PendingChange[]): PendingChanges =>
    this.tracker.added(pending, changes, this.loader.started);

  unexpired(pending: PendingChanges, now: number): PendingChanges {
    return this.tracker.unexpired(pending, now);
  }
}
