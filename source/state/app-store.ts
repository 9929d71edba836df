// The store React reads through useSyncExternalStore: one AppState (app-state.ts), changed by the
// reducers of navigation, the filter prompt and the overlays, kept fresh by view-polling.ts, and
// by each feature's intents in its folder (features/*/…-intents.ts). This class wires them to
// the session and keeps the methods the UI and the tests call.
import type { EcsGateway } from "../aws/ecs-gateway.js";
import { TRAIL } from "../kinds/registry.js";
import type { KindId } from "../kinds/types.js";
import type { ActionServices } from "../features/actions/session-actions.js";
import { ActionIntents } from "../features/actions/action-intents.js";
import type { ActionVerb } from "../features/actions/action-flow.js";
import { AccountIntents } from "../features/accounts/account-intents.js";
import type { SwitchServices } from "../features/accounts/account-switch.js";
import { CommandIntents } from "../features/commands/command-intents.js";
import { CopyOpenIntents } from "../features/copy-open/copy-open-intents.js";
import type { RowOutputs } from "../features/copy-open/copy-and-open.js";
import { DescribeIntents } from "../features/describe/describe-intents.js";
import type { DescribeOutputs } from "../features/describe/describe-pane.js";
import type { FlashLevel } from "../features/dialogs/action-dialog.js";
import { ExecIntents } from "../features/exec/exec-intents.js";
import type { ExecMode } from "../features/exec/exec-flow.js";
import type { ExecServices } from "../features/exec/exec-services.js";
import { openLogPane, type OpenFollower } from "../features/logs/open-log-pane.js";
import type { LogPaneOutputs } from "../features/logs/log-pane-store.js";
import {
  freshView,
  initialState,
  topOf,
  type AppState,
  type CacheEntry,
  type ContextLine,
} from "./app-state.js";
import type { StatePatch, Step } from "./app-state.js";
import type { Opening } from "./deep-link.js";
import { closedFilter, editedFilter, openedFilter } from "./filter-prompt.js";
import { flashOf, unexpired } from "./flash.js";
import { markedAtCursor, marksOf } from "./marks.js";
import * as nav from "./nav-stack.js";
import { coversTable, logPaneOf, scrolledHelp, toggledHelp, withDialog } from "./overlay.js";
import { pendingKey } from "./pending.js";
import { isHighlighted } from "./row-cache.js";
import type { RowViewAction } from "./row-views.js";
import type { StoreHost } from "./store-host.js";
import type { LoadSources } from "./view-loader.js";
import { ViewPolling } from "./view-polling.js";
import { entryOf, kindOf, noRowHere, rowAtCursor, visibleRows } from "./view-rows.js";
import type { ViewEntry } from "./view-cursor.js";

export { cacheKey } from "./app-state.js";
export type { AppState, CacheEntry, ContextLine, ViewEntry, ActionVerb };
export type { Flash } from "./flash.js";

export interface AppStoreOptions {
  refreshMs: number;
  now?: () => number;
  /** Where the app starts; defaults to the cluster list. */
  initial?: { kind: KindId; scope: ViewEntry["scope"] }[];
}

const clusters = () => [freshView({ kind: TRAIL.top.id, scope: {} })];

export class AppStore {
  private state: AppState;
  private readonly listeners = new Set<() => void>();
  private clock: ReturnType<typeof setInterval> | undefined;
  private readonly now: () => number;
  /** The account attached: what its views load from, and how it follows logs. */
  private session: { sources: Omit<LoadSources, "forwards">; openFollower?: OpenFollower } | undefined;
  private readonly host: StoreHost = {
    state: () => this.state,
    set: (patch) => this.set(patch),
    apply: (step) => this.apply(step),
    now: () => this.now(),
    flash: (text, level) => this.showFlash(text, level),
    showDialog: (dialog) => this.set({ overlay: withDialog(this.state.overlay, dialog) }),
    requestRefresh: (forced = false) => this.polling.request(forced),
    pausePolling: () => this.polling.pause(),
    cursorRow: () => this.cursorRow(),
    attached: () => this.isAttached(),
  };
  private readonly polling = new ViewPolling({
    ...this.host,
    flash: (...flash) => this.showFlash(...flash),
    sources: () => this.session && { ...this.session.sources, forwards: this.exec.forwards() },
    // Not once stopped, nor while something covers the table: then only that refreshes.
    polls: () => this.clock !== undefined && !coversTable(this.state.overlay),
    refreshMs: () => this.options.refreshMs,
  });
  private readonly actions = new ActionIntents(this.host, this.polling.added);
  private readonly exec = new ExecIntents(this.host);
  private readonly copyOpen = new CopyOpenIntents(this.host);
  private readonly describe = new DescribeIntents(this.host, () => this.session?.sources.gateway);
  private readonly accounts = new AccountIntents(this.host);
  private readonly commands = new CommandIntents(this.host, this.accounts);

  constructor(private readonly options: AppStoreOptions) {
    this.now = options.now ?? Date.now;
    this.state = initialState(options.initial?.map(freshView) ?? clusters(), this.now());
  }

  // ---- React glue ----
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): AppState => this.state;

  private set(patch: StatePatch): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  private apply({ patch, flash, refresh }: Step): void {
    if (patch) this.set(patch);
    if (flash !== undefined) this.showFlash(flash);
    if (refresh) this.polling.request();
  }

  // ---- session ----
  /** Starts the clock; polling begins once an account is attached. */
  start(): void {
    this.clock = setInterval(() => this.tick(), 1_000);
  }

  /**
   * Connects the store to an account; resolves when the first view has loaded (or failed).
   * `actions` (by default those open-account.ts bound to the gateway) make the action keys work;
   * `exec` the shell, command and port-forward keys.
   */
  attach(
    gateway: EcsGateway,
    context: readonly ContextLine[],
    openFollower?: OpenFollower,
    actions?: ActionServices,
    exec?: ExecServices,
  ): Promise<void> {
    this.exec.attach(exec);
    const { autoscaling, ecr, elbv2 } = actions ?? {};
    this.session = { sources: { gateway, autoscaling, ecr, elbv2 }, openFollower };
    this.actions.attach(actions, gateway);
    this.set({ context, readOnly: actions?.runner.readOnlyReason });
    return this.polling.refresh(false);
  }

  /** Opens on a deep link's stack (before attach, which loads its top view); says why it stops short. */
  openAt(opening: Opening): void {
    this.set({ stack: opening.steps.map(freshView) });
    if (opening.problem) this.showFlash(opening.problem, "error");
  }

  /** `:profile` and `:region` work once the session says how to open another account. */
  enableSwitching(services: SwitchServices): void {
    this.accounts.enable(services);
  }

  /** Another profile or region: nothing shown so far belongs to it, so it starts at its clusters. */
  switchAccount(...account: Parameters<AppStore["attach"]>): Promise<void> {
    this.polling.forget();
    this.set({ stack: clusters(), cache: new Map(), marks: new Map(), pending: new Map() });
    return this.attach(...account);
  }

  /** No account: the table says why instead of "loading…", and nothing polls. */
  failSetup(message: string): void {
    this.set({ setupFailure: message });
    this.showFlash(message, "error");
  }

  isAttached = (): boolean => this.session !== undefined;

  get refreshMs(): number {
    return this.options.refreshMs;
  }

  stop(): void {
    this.exec.detach();
    clearInterval(this.clock);
    this.clock = undefined; // before closing the pane, so that closing it starts no refresh
    logPaneOf(this.state.overlay)?.close();
    this.polling.pause();
  }

  tick(): void {
    const now = this.now();
    const { flash, pending } = this.state;
    this.set({ now, flash: unexpired(flash, now), pending: this.polling.unexpired(pending, now) });
  }

  // ---- the view on top ----
  top = (): ViewEntry => topOf(this.state);
  kindOf = kindOf;
  entryOf = (view: ViewEntry): CacheEntry | undefined => entryOf(this.state, view);
  /** The rows of a view in its order, after its filter: what the table shows. */
  visibleRows = (view: ViewEntry): readonly unknown[] => visibleRows(this.state, view);
  marksOf = (view: ViewEntry): ReadonlySet<string> => marksOf(this.state.marks, view);
  isHighlighted = (entry: CacheEntry | undefined, key: string) => isHighlighted(entry, key, this.state.now);
  /** What a row shows while a change to it waits for a refresh to confirm it. */
  pendingLabel = (kind: KindId, key: string, row: unknown): string | undefined =>
    this.state.pending.get(pendingKey(kind, key))?.label(row);

  /** Why there is no row under the cursor ("no row here: …"), or undefined when there is one. */
  noRowReason = (): string | undefined =>
    rowAtCursor(this.state) === undefined ? noRowHere(this.state) : undefined;

  /** The row under the cursor; when there is none, undefined after saying why (a key does something). */
  private cursorRow(): unknown {
    const row = rowAtCursor(this.state);
    if (row === undefined) this.showFlash(noRowHere(this.state));
    return row;
  }

  /** Loads the view on top now, then again every refreshMs while it stays on top (refresh-scheduler.ts). */
  refresh = (forced: boolean): Promise<void> => this.polling.refresh(forced);

  showFlash(text: string, level: FlashLevel = "info", fromRefresh = false): void {
    this.set({ flash: flashOf(text, level, this.now(), fromRefresh) });
  }

  // ---- intents ----
  moveCursor = (delta: number) => this.set(nav.movedCursor(this.state, delta));
  moveTo = (position: "first" | "last") => this.set(nav.movedTo(this.state, position));
  page = (direction: 1 | -1) => this.set(nav.paged(this.state, direction));
  setViewportRows = (rows: number) => this.apply({ patch: nav.resized(this.state, rows) });
  drill = () => this.apply(nav.drilled(this.state));
  back = () => this.apply(nav.wentBack(this.state));
  sortBy = (letter: string) => this.apply(nav.sortedBy(this.state, letter));
  cycleTaskSet = () => this.apply(nav.cycledTaskSet(this.state));
  toggleWide = () => this.apply(nav.toggledWide(this.state));
  openRowView = (action: RowViewAction) => this.apply(nav.openedRowView(this.state, action));
  toggleMark = () => this.apply({ patch: markedAtCursor(this.state) });
  openFilter = () => this.set(openedFilter(this.state));
  /** The `/` prompt edited; the cursor at the end unless said. Only a new text filters again. */
  editFilter = (draft: string, cursor?: number) => this.apply(editedFilter(this.state, draft, cursor));
  closeFilter = (keep: boolean) => this.set(closedFilter(this.state, keep));
  toggleHelp = () => this.set({ overlay: toggledHelp(this.state.overlay) });
  /** Scrolls help to `top`, kept within 0…`last` (the row count past the screen). */
  scrollHelp = (top: number, last: number) => {
    const overlay = scrolledHelp(this.state.overlay, top, last);
    if (overlay !== this.state.overlay) this.set({ overlay });
  };
  openLogs = (outputs: LogPaneOutputs) => openLogPane(this.host, this.session?.openFollower, outputs);
  openDescribe = (outputs: DescribeOutputs) => this.describe.describe(outputs);
  openDiff = (outputs: DescribeOutputs) => this.describe.diff(outputs);
  openCommand = () => this.commands.open();
  commandKey = (key: string, input: string) => this.commands.key(key, input);
  runCommand = (text: string) => this.commands.run(text);
  startAction = (verb: ActionVerb) => this.actions.start(verb);
  startExec = (mode: ExecMode) => this.exec.start(mode);
  openPortForwards = () => this.exec.openPortForwards();
  stopForward = () => this.exec.stopForward();
  copyRow = (outputs: RowOutputs) => this.copyOpen.copy(outputs);
  openRowInConsole = (outputs: RowOutputs) => this.copyOpen.open(outputs);

  /** Keys while a dialog is open: to the flow that opened it. */
  dialogKey(key: string, input: string): void {
    const open = [this.accounts.flow, this.copyOpen.flow, this.exec.flow].find((flow) => flow?.isOpen);
    (open ?? this.actions).handleKey(key, input);
  }
}
