// When the view on top loads: now when asked, then again after a delay while it stays on top. A
// refresh asked for while one is running joins it; forced ones (ctrl-r) run once more right after,
// however often the key was pressed. Callers that do not wait for the load use request().
import { KINDS } from "../kinds/registry.js";
import { watches, type PendingChange } from "./pending.js";
import type { KindId } from "../kinds/types.js";

/** While a change waits for confirmation, the view on top refreshes at least this often. */
export const PENDING_REFRESH_MS = 2_000;

export interface RefreshTarget {
  /** Whether there is an account to load from. */
  attached(): boolean;
  /** The cache key of the view on top. */
  topKey(): string;
  /** Loads the view on top. */
  load(forced: boolean): Promise<void>;
  /** How long until the view on top loads again; undefined when it must not poll (stopped, covered). */
  nextDelay(): number | undefined;
}

export class RefreshScheduler {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly forcedAfter = new Set<string>();

  constructor(private readonly target: RefreshTarget) {}

  /** Loads the view on top now (or joins the load under way); resolves when it is done. */
  refresh(forced: boolean): Promise<void> {
    this.pause();
    if (!this.target.attached()) return Promise.resolve();
    const key = this.target.topKey();
    const running = this.inFlight.get(key);
    if (running) {
      if (!forced || this.forcedAfter.has(key)) return running;
      this.forcedAfter.add(key);
      return running.then(() => {
        this.forcedAfter.delete(key);
        return this.refresh(true);
      });
    }
    const load = this.target.load(forced).finally(() => {
      this.inFlight.delete(key);
      if (this.target.topKey() === key) this.schedule();
    });
    this.inFlight.set(key, load);
    return load;
  }

  /** Like refresh(), for callers that do not wait for the load. */
  request(forced = false): void {
    void this.refresh(forced);
  }

  /** No refresh until the next one asked for: the table is covered, or the store stops. */
  pause(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Another account: the loads under way belong to the old one. */
  forget(): void {
    this.inFlight.clear();
    this.forcedAfter.clear();
  }

  private schedule(): void {
    this.pause();
    const delay = this.target.nextDelay();
    if (delay !== undefined) this.timer = setTimeout(() => this.request(), delay);
  }
}

/** How long the view of `kind` waits for its next refresh; sooner while a change to it is pending. */
export function pollDelay(
  refreshMs: number,
  kind: KindId,
  pending: ReadonlyMap<string, PendingChange>,
): number {
  const watching = [...pending.values()].some((change) => watches(KINDS[kind], change));
  return watching ? Math.min(refreshMs, PENDING_REFRESH_MS) : refreshMs;
}
