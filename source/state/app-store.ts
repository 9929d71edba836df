// Domain state outside React: the navigation stack, the row cache per view, the poller for the view
// on top, the flash line, and actions (their dialog, marked rows, rows waiting for a refresh to
// confirm a change). React reads it through useSyncExternalStore.
import type { AutoScalingGateway } from "../aws/autoscaling-gateway.js";
import type { EcrGateway } from "../aws/ecr-gateway.js";
import type { Elbv2Gateway } from "../aws/elbv2-gateway.js";
import { rowView, type RowViewAction } from "./row-views.js";
import { describeFailure, type AwsFailure } from "../aws/failure.js";
import type { EcsGateway } from "../aws/ecs-gateway.js";
import { accountIdOf, arnName } from "../kinds/format.js";
import { KINDS, type AnyKind } from "../kinds/registry.js";
import type { KindId, Scope } from "../kinds/types.js";
import {
  ActionFlow,
  type ActionVerb,
  type DialogView,
  type FlashLevel,
} from "../features/actions/action-flow.js";
import { PENDING_MAX_MS, pendingKey, settleRows, type PendingChange } from "./pending.js";
import type { ActionServices } from "../features/actions/session-actions.js";
import { ExecFlow, type ExecMode } from "../features/exec/exec-flow.js";
import type { ExecServices } from "../features/exec/exec-services.js";
import type { PortForward } from "../features/exec/port-forwards.js";
import { filterHint, filterRows } from "./row-filter.js";
import {
  commandLineKey,
  EMPTY_COMMAND_LINE,
  openCommandLine,
  remember,
  type CommandLine,
} from "../features/commands/command-mode.js";
import { runCommand, stackFor } from "../features/commands/commands.js";
import { scopeKey } from "./scope-key.js";
import { HIGHLIGHT_MS, markChanges } from "./row-changes.js";
import { placeCursor, type ViewEntry } from "./view-cursor.js";
import type { Opening } from "./deep-link.js";
import { AccountSwitch, type SwitchServices } from "../features/accounts/account-switch.js";
import { CopyAndOpen, type RowOutputs } from "../features/copy-open/copy-and-open.js";
import { nextSort, sortedRows } from "./view-sort.js";
import type { FollowScope, LogFollower } from "../features/logs/log-follower.js";
import { LogPaneStore, type LogPaneOutputs } from "../features/logs/log-pane-store.js";
import { DescribePane, PaneText, type DescribeOutputs } from "../features/describe/describe-pane.js";
import { diffPair, diffText, diffTitle } from "../features/describe/revision-diff.js";
import { showTaskSet, taskSetMessage } from "./task-set-view.js";

export type { ViewEntry };

export interface CacheEntry {
  rows?: readonly unknown[];
  updatedAt?: number;
  failure?: AwsFailure;
  /** What the view says when it has no rows, if the load said why (e.g. a Fargate-only cluster). */
  empty?: string;
  changed: ReadonlyMap<string, number>;
}

export type Mode = "table" | "filter" | "help" | "command";

export type { ActionVerb };

export interface Flash {
  text: string;
  level: FlashLevel;
  at: number;
  /** A failed refresh: cleared by the next refresh that works. */
  fromRefresh?: boolean;
}

/** A line of the header's context block, e.g. Region: us-east-1. */
export interface ContextLine {
  label: string;
  value: string;
}

export interface AppState {
  context: readonly ContextLine[];
  stack: readonly ViewEntry[];
  cache: ReadonlyMap<string, CacheEntry>;
  mode: Mode;
  /** The first row of help on screen, when help is open and taller than the screen. */
  helpTop: number;
  filterDraft: string;
  /** Where the `/` prompt's cursor is in filterDraft (input/line-editor.ts). */
  filterCursor: number;
  /** The `:` line (shown in "command" mode) and the session's command history. */
  commandLine: CommandLine;
  flash?: Flash;
  /** The open log pane, if any: it replaces the table until closed. */
  logPane?: LogPaneStore;
  /** The description opened with `d`, if any: it covers the whole screen until closed. */
  describe?: DescribePane;
  /** Why no account could be opened (bad region, bad simulator settings…); nothing loads then. */
  setupFailure?: string;
  /** The action dialog on screen (prompt, list, confirmation), if any. */
  dialog?: DialogView;
  /** Changes sent and not yet seen in a refresh, by pendingKey(kind, row key). */
  pending: ReadonlyMap<string, PendingChange>;
  /** Marked rows (space), by view (cacheKey) then row key. */
  marks: ReadonlyMap<string, ReadonlySet<string>>;
  /** Why every action is refused in this session (read-only), if it is. */
  readOnly?: string;
  viewportRows: number;
  /** ctrl-w: every view shows its wide columns too. */
  wide: boolean;
  now: number;
}

export interface AppStoreOptions {
  refreshMs: number;
  now?: () => number;
  /** Where the app starts; defaults to the cluster list. */
  initial?: { kind: KindId; scope: Scope }[];
}

const INFO_FLASH_MS = 4_000;
/** Warnings and errors about actions stay longer: they say what to do next. */
const ACTION_FLASH_MS = 30_000;
/** While a change waits for confirmation, the view on top refreshes at least this often. */
export const PENDING_REFRESH_MS = 2_000;

const NO_MARKS: ReadonlySet<string> = new Set();

export function cacheKey(kind: KindId, scope: Scope): string {
  const key = `${kind}|${scopeKey(scope)}`;
  // Each set of tasks (running, stopped, all) has its own rows, marks and memo.
  return scope.taskSet ? `${key}|${scope.taskSet}` : key;
}

export class AppStore {
  private state: AppState;
  private readonly listeners = new Set<() => void>();
  private readonly memos = new Map<string, Record<string, number>>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly forcedAfter = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private clock: ReturnType<typeof setInterval> | undefined;
  private readonly now: () => number;
  private gateway: EcsGateway | undefined;
  private openFollower: ((scope: FollowScope) => LogFollower) | undefined;
  private autoscaling: AutoScalingGateway | undefined;
  private ecr: EcrGateway | undefined;
  private elbv2: Elbv2Gateway | undefined;
  private flow: ActionFlow | undefined;
  private exec: { flow: ExecFlow; services: ExecServices; unsubscribe: () => void } | undefined;
  private switcher: AccountSwitch | undefined;
  private readonly copyAndOpen = new CopyAndOpen({
    showDialog: (dialog) => this.set({ dialog }),
    flash: (text, level) => this.showFlash(text, level),
  });
  /** Loads started so far; a pending change counts only rows from loads started after it. */
  private loads = 0;
  private readonly pendingAfterLoad = new Map<string, number>();

  constructor(private readonly options: AppStoreOptions) {
    this.now = options.now ?? Date.now;
    const initial = options.initial ?? [{ kind: "clusters" as const, scope: {} }];
    this.state = {
      context: [],
      stack: initial.map((view) => ({ ...view, cursor: 0, top: 0, filter: "" })),
      cache: new Map(),
      mode: "table",
      helpTop: 0,
      filterDraft: "",
      filterCursor: 0,
      commandLine: EMPTY_COMMAND_LINE,
      pending: new Map(),
      marks: new Map(),
      viewportRows: 20,
      wide: false,
      now: this.now(),
    };
  }

  // ---- React glue ----
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): AppState => this.state;

  private set(patch: Partial<AppState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  // ---- lifecycle ----
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
    openFollower?: (scope: FollowScope) => LogFollower,
    actions?: ActionServices,
    exec?: ExecServices,
  ): Promise<void> {
    this.exec?.unsubscribe();
    this.exec = exec && this.execFor(exec);
    this.gateway = gateway;
    this.openFollower = openFollower;
    this.autoscaling = actions?.autoscaling;
    this.ecr = actions?.ecr;
    this.elbv2 = actions?.elbv2;
    this.flow = actions
      ? new ActionFlow(actions, gateway, {
          showDialog: (dialog) => this.set({ dialog }),
          flash: (text, level) => this.showFlash(text, level),
          applied: (changes) => this.applied(changes),
          now: this.now,
        })
      : undefined;
    this.set({ context, readOnly: actions?.runner.readOnlyReason });
    return this.refresh(false);
  }

  /** Opens on a deep link's stack (before attach, which loads its top view); says why it stops short. */
  openAt(opening: Opening): void {
    this.set({ stack: opening.steps.map((step) => ({ ...step, cursor: 0, top: 0, filter: "" })) });
    if (opening.problem) this.showFlash(opening.problem, "error");
  }

  /** `:profile` and `:region` work once the session says how to open another account. */
  enableSwitching(services: SwitchServices): void {
    this.switcher = new AccountSwitch(services, {
      showDialog: (dialog) => this.set({ dialog }),
      flash: (text, level) => this.showFlash(text, level),
    });
  }

  /** Another profile or region: nothing shown so far belongs to it, so it starts at its clusters. */
  switchAccount(...account: Parameters<AppStore["attach"]>): Promise<void> {
    for (const map of [this.inFlight, this.memos, this.pendingAfterLoad]) map.clear();
    this.forcedAfter.clear();
    this.set({
      stack: [{ kind: "clusters", scope: {}, cursor: 0, top: 0, filter: "" }],
      cache: new Map(),
      marks: new Map(),
      pending: new Map(),
    });
    return this.attach(...account);
  }

  /** No account: the table says why instead of "loading…", and nothing polls. */
  failSetup(message: string): void {
    this.set({ setupFailure: message });
    this.showFlash(message, "error");
  }

  isAttached(): boolean {
    return this.gateway !== undefined;
  }

  get refreshMs(): number {
    return this.options.refreshMs;
  }

  stop(): void {
    this.exec?.unsubscribe();
    clearInterval(this.clock);
    this.clock = undefined; // before closing the pane, so that closing it starts no refresh
    this.state.logPane?.close();
    clearTimeout(this.timer);
    this.clock = undefined;
    this.timer = undefined;
  }

  tick(): void {
    const now = this.now();
    const flash = this.state.flash;
    const lasts = flash?.level === "info" ? INFO_FLASH_MS : flash?.fromRefresh ? Infinity : ACTION_FLASH_MS;
    const expired = flash !== undefined && now - flash.at > lasts;
    let pending = this.state.pending;
    if ([...pending.values()].some((change) => now - change.since > PENDING_MAX_MS)) {
      pending = new Map([...pending].filter(([, change]) => now - change.since <= PENDING_MAX_MS));
      for (const id of this.pendingAfterLoad.keys()) if (!pending.has(id)) this.pendingAfterLoad.delete(id);
    }
    this.set({ now, flash: expired ? undefined : flash, pending });
  }

  // ---- selectors ----
  top(): ViewEntry {
    return this.state.stack[this.state.stack.length - 1]!;
  }

  kindOf(view: ViewEntry): AnyKind {
    return KINDS[view.kind];
  }

  entryOf(view: ViewEntry): CacheEntry | undefined {
    return this.state.cache.get(cacheKey(view.kind, view.scope));
  }

  /** The rows of a view in its order, after its filter: what the table shows. */
  visibleRows(view: ViewEntry): readonly unknown[] {
    return this.shownRows(view, this.entryOf(view)?.rows ?? []);
  }

  /** The row under the cursor; when there is none, undefined after saying why (a key does something). */
  private cursorRow(view: ViewEntry): unknown {
    const row = this.visibleRows(view)[view.cursor];
    if (row !== undefined) return row;
    this.showFlash(this.noRowReason(view)!);
    return undefined;
  }

  /** Why there is no row under the cursor ("no row here: …"), or undefined when there is one. */
  noRowReason(view: ViewEntry): string | undefined {
    if (this.visibleRows(view)[view.cursor] !== undefined) return undefined;
    const entry = this.entryOf(view);
    const why =
      entry?.rows === undefined
        ? entry?.failure
          ? "the list did not load"
          : "the list is still loading"
        : view.filter
          ? "nothing matches the filter"
          : "the list is empty";
    return `no row here: ${why}`;
  }

  private shownRows(view: ViewEntry, rows: readonly unknown[]): readonly unknown[] {
    const { wide, now } = this.state;
    const kind = this.kindOf(view);
    return filterRows(kind, sortedRows(kind, rows, view.sort, wide, now), view.filter, now);
  }

  // ---- polling ----
  /**
   * Loads the view on top now; then again every refreshMs while it stays on top. A refresh asked
   * for while one is running joins it; forced ones (ctrl-r) run once more right after, however
   * often the key was pressed.
   */
  refresh(forced: boolean): Promise<void> {
    clearTimeout(this.timer);
    const gateway = this.gateway;
    if (!gateway) return Promise.resolve();
    const view = this.top();
    const key = cacheKey(view.kind, view.scope);
    const running = this.inFlight.get(key);
    if (running) {
      if (!forced || this.forcedAfter.has(key)) return running;
      this.forcedAfter.add(key);
      return running.then(() => {
        this.forcedAfter.delete(key);
        return this.refresh(true);
      });
    }
    const load = this.load(gateway, view, key, forced).finally(() => {
      this.inFlight.delete(key);
      if (cacheKey(this.top().kind, this.top().scope) === key) this.schedule();
    });
    this.inFlight.set(key, load);
    return load;
  }

  private async load(gateway: EcsGateway, view: ViewEntry, key: string, forced: boolean): Promise<void> {
    // A failed describe returns while sibling batches are still out; once the load is over, their
    // rows are stale and must not overwrite a newer load's.
    let open = true;
    const kind = this.kindOf(view);
    let memo = this.memos.get(key);
    if (!memo) this.memos.set(key, (memo = {}));
    const load = ++this.loads;
    const outcome = await kind.load({
      gateway,
      autoscaling: this.autoscaling,
      ecr: this.ecr,
      elbv2: this.elbv2,
      forwards: this.exec && (() => this.exec!.services.forwards.list()),
      scope: view.scope,
      now: this.now(),
      previous: this.state.cache.get(key)?.rows,
      visibleKeys: (rows) => this.keysOnScreen(key, rows),
      forced,
      memo,
      publish: (rows) => {
        if (open && gateway === this.gateway) this.receiveRows(key, kind, rows, load);
      },
    });
    open = false;
    // Loaded from the account before a :profile or :region switch.
    if (gateway !== this.gateway) return;
    if (outcome.rows) this.receiveRows(key, kind, outcome.rows, load);
    if (outcome.ok) {
      this.patchEntry(key, { failure: undefined, updatedAt: this.now(), empty: outcome.empty });
      if (this.state.flash?.fromRefresh) this.set({ flash: undefined });
    } else {
      this.patchEntry(key, { failure: outcome.failure });
      this.showFlash(describeFailure(outcome.failure), "error", true);
    }
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (!this.clock || this.state.logPane || this.state.describe) return; // stopped, or the table is covered
    const kind = this.top().kind;
    // A service's deployments view shows the rollout a pending service change waits for.
    const watching = [...this.state.pending.values()].some(
      (change) => change.kind === kind || (kind === "deployments" && change.kind === "services"),
    );
    const delay = watching ? Math.min(this.options.refreshMs, PENDING_REFRESH_MS) : this.options.refreshMs;
    this.timer = setTimeout(() => void this.refresh(false), delay);
  }

  private keysOnScreen(key: string, rows: readonly unknown[]): ReadonlySet<string> {
    const view = this.top();
    if (cacheKey(view.kind, view.scope) !== key) return new Set();
    const kind = this.kindOf(view);
    const shown = this.shownRows(view, rows);
    return new Set(shown.slice(view.top, view.top + this.state.viewportRows).map((r) => kind.key(r)));
  }

  private receiveRows(key: string, kind: AnyKind, rows: readonly unknown[], load: number): void {
    const entry = this.state.cache.get(key);
    const now = this.now();
    const changed = markChanges(kind, entry?.rows, rows, entry?.changed ?? new Map(), now);
    this.patchEntry(key, { rows, changed });
    this.repositionViews(key);
    this.learnAccount(kind, rows);
    this.settlePending(kind, entry?.rows, rows, load);
  }

  /** Clears the pending changes that these rows, read by load number `load`, show done. */
  private settlePending(
    kind: AnyKind,
    before: readonly unknown[] | undefined,
    rows: readonly unknown[],
    load: number,
  ): void {
    if (this.state.pending.size === 0) return;
    const { settled, messages } = settleRows(
      this.state.pending,
      this.pendingAfterLoad,
      kind,
      before,
      rows,
      load,
    );
    if (settled.length === 0) return;
    const pending = new Map(this.state.pending);
    for (const id of settled) {
      pending.delete(id);
      this.pendingAfterLoad.delete(id);
    }
    this.set({ pending });
    for (const message of messages) this.showFlash(message.text ?? "", message.level ?? "info");
  }

  /** Fills an empty "Account" header line from the first ARN seen. */
  private learnAccount(kind: AnyKind, rows: readonly unknown[]): void {
    const line = this.state.context.find((item) => item.label === "Account");
    if (!line || line.value || rows.length === 0) return;
    const accountId = accountIdOf(kind.key(rows[0]));
    if (!accountId) return;
    this.set({
      context: this.state.context.map((item) => (item === line ? { ...item, value: accountId } : item)),
    });
  }

  private patchEntry(key: string, patch: Partial<CacheEntry>): void {
    const cache = new Map(this.state.cache);
    const before = cache.get(key) ?? { changed: new Map() };
    cache.set(key, { ...before, ...patch });
    this.set({ cache });
  }

  /** Keeps the cursor on the same row (by key) when rows arrive, move or disappear. */
  private repositionViews(key: string): void {
    const stack = this.state.stack.map((view) =>
      cacheKey(view.kind, view.scope) === key ? this.withCursor(view, view.cursorKey) : view,
    );
    this.set({ stack });
  }

  private withCursor(view: ViewEntry, cursorKey: string | undefined, fallback = view.cursor): ViewEntry {
    const kind = this.kindOf(view);
    const keys = this.visibleRows(view).map((row) => kind.key(row));
    return placeCursor(view, keys, this.state.viewportRows, cursorKey, fallback);
  }

  private replaceTop(view: ViewEntry): void {
    this.set({ stack: [...this.state.stack.slice(0, -1), view] });
  }

  // ---- intents ----
  moveCursor(delta: number): void {
    const view = this.top();
    this.replaceTop(this.withCursor(view, undefined, view.cursor + delta));
  }

  moveTo(position: "first" | "last"): void {
    const view = this.top();
    const last = this.visibleRows(view).length - 1;
    this.replaceTop(this.withCursor(view, undefined, position === "first" ? 0 : last));
  }

  page(direction: 1 | -1): void {
    this.moveCursor(direction * Math.max(1, this.state.viewportRows - 1));
  }

  setViewportRows(rows: number): void {
    if (rows === this.state.viewportRows) return;
    this.set({ viewportRows: rows });
    this.replaceTop(this.withCursor(this.top(), this.top().cursorKey));
  }

  drill(): void {
    const view = this.top();
    const kind = this.kindOf(view);
    const row = this.cursorRow(view);
    if (row === undefined) return;
    if (!kind.drill) return this.showFlash(`enter opens nothing in the ${kind.id} view: d describes a row`);
    const next = kind.drill(row, view.scope);
    if (!next) return this.showFlash("this row opens nothing (d describes it)");
    this.set({ stack: [...this.state.stack, { ...next, cursor: 0, top: 0, filter: "" }] });
    void this.refresh(false);
  }

  /** esc: first clears the filter, then pops back to the previous view (cursor where it was). */
  back(): void {
    const view = this.top();
    if (view.filter) {
      this.replaceTop(this.withCursor({ ...view, filter: "" }, view.cursorKey));
      return;
    }
    if (this.state.stack.length <= 1) return;
    const marks = new Map(this.state.marks);
    marks.delete(cacheKey(view.kind, view.scope));
    this.set({ stack: this.state.stack.slice(0, -1), marks });
    void this.refresh(false);
  }

  /** Shift + a column's letter: sorts the view on top by it, or reverses its sort. */
  sortBy(letter: string): void {
    const view = this.top();
    const sort = nextSort(this.kindOf(view), view.sort, letter, this.state.wide);
    if (typeof sort === "string") return this.showFlash(sort);
    this.replaceTop(this.withCursor({ ...view, sort }, view.cursorKey));
  }

  /** `t` in a tasks view: running → stopped → all tasks of the service (or the host). */
  cycleTaskSet(): void {
    const view = this.top();
    if (view.kind !== "tasks") return;
    const next = showTaskSet(view);
    this.replaceTop(next);
    this.showFlash(taskSetMessage(next));
    void this.refresh(false);
  }

  /** ctrl-w: wide columns on or off, in every view. */
  toggleWide(): void {
    const wide = !this.state.wide;
    this.set({ wide });
    this.set({ stack: this.state.stack.map((view) => this.withCursor(view, view.cursorKey)) });
    // Said, since nothing on screen changes in a view without wide columns.
    const kind = this.kindOf(this.top());
    const none = kind.columns.some((column) => column.wide) ? "" : ` (the ${kind.id} view has none)`;
    this.showFlash(`wide columns ${wide ? "on" : "off"}${none}`);
  }

  openFilter(): void {
    const filter = this.top().filter;
    this.set({ mode: "filter", filterDraft: filter, filterCursor: [...filter].length });
  }

  /** The `/` prompt edited; the cursor at the end unless said. Only a new text filters again. */
  editFilter(draft: string, cursor = [...draft].length): void {
    const moved = draft === this.state.filterDraft;
    this.set({ filterDraft: draft, filterCursor: cursor });
    if (moved) return;
    this.applyFilter(draft);
    const hint = filterHint(this.kindOf(this.top()), draft);
    if (hint) this.showFlash(hint);
  }

  closeFilter(keep: boolean): void {
    if (!keep) this.applyFilter("");
    this.set({ mode: "table", filterDraft: "", filterCursor: 0 });
  }

  private applyFilter(filter: string): void {
    const view = this.top();
    this.replaceTop(this.withCursor({ ...view, filter, top: 0 }, view.cursorKey, 0));
  }

  /** `l`: opens the log pane for the row under the cursor. */
  openLogs(outputs: LogPaneOutputs): void {
    const view = this.top();
    const kind = this.kindOf(view);
    if (!kind.logs)
      return this.showFlash(`no logs in the ${kind.id} view: open a service, task or container`);
    const row = this.cursorRow(view);
    if (row === undefined) return;
    if (!this.openFollower) return this.showFlash("not connected", "error");
    const { follow, title } = kind.logs(row, view.scope);
    const follower = this.openFollower(follow);
    const pane = new LogPaneStore(title, follower, outputs, () => {
      if (this.state.logPane !== pane) return;
      this.set({ logPane: undefined });
      void this.refresh(false); // the table is on screen again: poll it again
    });
    follower.start(follow);
    clearTimeout(this.timer); // the pane covers the table: only the pane refreshes
    this.set({ logPane: pane });
  }

  /** `d`: the object the row under the cursor was built from, as it was when it was last read. */
  openDescribe(outputs: DescribeOutputs): void {
    const view = this.top();
    const kind = this.kindOf(view);
    const row = this.cursorRow(view);
    if (row === undefined) return;
    const value = kind.describe(row);
    if (!value) {
      const why = kind.isPlaceholder?.(row) ? "not described yet, try again in a moment" : "AWS has none";
      return this.showFlash(`nothing to describe on this row: ${why}`);
    }
    this.showPane(`${kind.id}/${arnName(kind.key(row))}`, value, outputs);
  }

  private showPane(title: string, value: object | PaneText, outputs: DescribeOutputs): void {
    const pane = new DescribePane(title, value, outputs, () => {
      this.set({ describe: undefined });
      void this.refresh(false);
    });
    clearTimeout(this.timer);
    this.set({ describe: pane });
  }

  /** `=`: two task definition revisions compared (task-definition-diff.ts), full screen like `d`. */
  openDiff(outputs: DescribeOutputs): void {
    const view = this.top();
    const pair = diffPair({
      kind: view.kind,
      rows: this.entryOf(view)?.rows ?? [],
      row: this.visibleRows(view)[view.cursor],
      marked: this.marksOf(view),
    });
    if (!pair.ok) return this.showFlash(pair.message);
    const gateway = this.gateway;
    if (!gateway) return this.showFlash("not connected", "error");
    const title = diffTitle(pair.before, pair.after);
    const known = [pair.before, pair.after].every((ref) => gateway.knownTaskDefinition(ref));
    if (!known) this.showFlash(`reading ${title}…`);
    const from = cacheKey(view.kind, view.scope);
    void Promise.all([
      gateway.describeTaskDefinition(pair.before),
      gateway.describeTaskDefinition(pair.after),
    ]).then(([before, after]) => {
      // The user went elsewhere meanwhile (or switched accounts): the diff is no longer wanted.
      const top = this.top();
      if (gateway !== this.gateway || cacheKey(top.kind, top.scope) !== from) return;
      if (this.state.describe || this.state.logPane || this.state.dialog) return;
      if (!before.ok) return this.showFlash(describeFailure(before.failure), "error");
      if (!after.ok) return this.showFlash(describeFailure(after.failure), "error");
      if (this.state.flash?.text === `reading ${title}…`) this.set({ flash: undefined });
      this.showPane(title, diffText(before.value, after.value, pair, outputs.lines), outputs);
    });
  }

  /** `:` opens the command line; commands themselves are in commands.ts. */
  openCommand(): void {
    this.set({ mode: "command", commandLine: openCommandLine(this.state.commandLine) });
  }

  /** A key on the command line; says "quit" when the command run asks for it. */
  commandKey(key: string, input: string): "quit" | undefined {
    const { line, done } = commandLineKey(this.state.commandLine, key, input);
    if (!done) return void this.set({ commandLine: line });
    this.set({ mode: "table", commandLine: openCommandLine(line) });
    return done.run === undefined ? undefined : this.runCommand(done.run);
  }

  runCommand(text: string): "quit" | undefined {
    const effect = runCommand(text, this.top());
    // Like k9s, the history keeps the commands that did something, not typos or refusals.
    if (effect.known && effect.type !== "flash") {
      this.set({ commandLine: remember(this.state.commandLine, text) });
    }
    switch (effect.type) {
      case "quit":
        return "quit";
      case "help":
        return void this.set({ mode: "help", helpTop: 0 });
      case "flash":
        return void this.showFlash(effect.text, effect.level);
      case "switch":
        if (!this.switcher)
          return void this.showFlash("switching is not available yet: still connecting", "info");
        return void this.switcher.start(effect.what, effect.value);
      case "open": {
        const stack = stackFor(effect.kind, effect.scope, this.state.stack);
        const kept = new Set(stack.map((view) => cacheKey(view.kind, view.scope)));
        const marks = new Map([...this.state.marks].filter(([key]) => kept.has(key)));
        this.set({ stack, marks });
        void this.refresh(false);
      }
    }
  }

  toggleHelp(): void {
    this.set({ mode: this.state.mode === "help" ? "table" : "help", helpTop: 0 });
  }

  /** Scrolls help to `top`, kept within 0…`last` (the row count past the screen). */
  scrollHelp(top: number, last: number): void {
    const helpTop = Math.max(0, Math.min(top, last));
    if (helpTop !== this.state.helpTop) this.set({ helpTop });
  }

  showFlash(text: string, level: Flash["level"] = "info", fromRefresh = false): void {
    this.set({ flash: { text, level, at: this.now(), ...(fromRefresh ? { fromRefresh } : {}) } });
  }

  // ---- actions ----

  /** What a row shows while a change to it waits for a refresh to confirm it. */
  pendingLabel(kind: KindId, key: string, row: unknown): string | undefined {
    return this.state.pending.get(pendingKey(kind, key))?.label(row);
  }

  marksOf(view: ViewEntry): ReadonlySet<string> {
    return this.state.marks.get(cacheKey(view.kind, view.scope)) ?? NO_MARKS;
  }

  /** space: marks or unmarks the row under the cursor; actions then apply to the marked rows. */
  toggleMark(): void {
    const view = this.top();
    const kind = this.kindOf(view);
    const row = this.visibleRows(view)[view.cursor];
    if (!kind.markable || row === undefined) return;
    const key = kind.key(row);
    const marked = new Set(this.marksOf(view));
    if (!marked.delete(key)) marked.add(key);
    const marks = new Map(this.state.marks);
    const viewKey = cacheKey(view.kind, view.scope);
    if (marked.size > 0) marks.set(viewKey, marked);
    else marks.delete(viewKey);
    this.set({ marks });
  }

  /** `z`, `e`, `a`, `t`, `i`, `b` or `n` on a row: a view about it that is not its drill-down (row-views.ts). */
  openRowView(action: RowViewAction): void {
    const view = this.top();
    const row = this.cursorRow(view);
    if (row === undefined) return;
    const opened = rowView(action, view, row);
    if (typeof opened === "string") return this.showFlash(opened, "info");
    if (!opened) return;
    this.set({ stack: [...this.state.stack, { ...opened, cursor: 0, top: 0, filter: "" }] });
    void this.refresh(false);
  }

  /** An action key: refused at once in read-only mode (the runner would refuse it anyway). */
  startAction(verb: ActionVerb): void {
    const flow = this.flow;
    if (!flow) {
      return this.showFlash(
        this.gateway ? "actions are not available in this session" : "not connected",
        "error",
      );
    }
    const view = this.top();
    const refused = flow.start(verb, {
      kind: view.kind,
      row: this.visibleRows(view)[view.cursor],
      rows: this.entryOf(view)?.rows ?? [],
      marked: this.marksOf(view),
    });
    if (refused) this.showFlash(refused.text, refused.level);
  }

  /** Keys while the action (or exec) dialog is open. */
  dialogKey(key: string, input: string): void {
    if (this.switcher?.isOpen) return this.switcher.handleKey(key, input);
    if (this.copyAndOpen.isOpen) return this.copyAndOpen.handleKey(key, input);
    if (this.exec?.flow.isOpen) return this.exec.flow.handleKey(key, input);
    this.flow?.handleKey(key, input);
  }

  // ---- exec and port forwards (exec-flow.ts) ----

  private execFor(services: ExecServices): NonNullable<AppStore["exec"]> {
    const flow = new ExecFlow(services, {
      showDialog: (dialog) => this.set({ dialog }),
      flash: (text, level) => this.showFlash(text, level),
    });
    // The PF column and the portforwards view follow the forwards as they open and end.
    const stopRefreshing = services.forwards.subscribe(() => {
      const kind = this.top().kind;
      if (kind === "portforwards" || kind === "containers") void this.refresh(false);
    });
    const stopWatching = flow.watchForwards();
    return {
      services,
      flow,
      unsubscribe: () => {
        stopRefreshing();
        stopWatching();
      },
    };
  }

  /** `s`, `x`, `F` on a container or task. Not refused in read-only mode: they change no AWS resource. */
  startExec(mode: ExecMode): void {
    const exec = this.exec;
    if (!exec) {
      const why = this.gateway ? "ECS Exec is not available in this session" : "not connected";
      return this.showFlash(why, "error");
    }
    const view = this.top();
    const refused = exec.flow.start(mode, view.kind, this.visibleRows(view)[view.cursor], view.scope);
    if (refused) this.showFlash(refused, "warn");
  }

  /** `c` and `o` on the row under the cursor (copy-and-open.ts). */
  copyRow(outputs: RowOutputs): void {
    const row = this.rowUnderCursor();
    if (row) this.copyAndOpen.copy(row.kind, row.key, outputs);
  }

  openRowInConsole(outputs: RowOutputs): void {
    const row = this.rowUnderCursor();
    if (!row) return;
    // The session's region, for what no ARN in scope places (families listed from no cluster).
    const region = this.state.context.find((item) => item.label === "Region")?.value;
    this.copyAndOpen.open(row.kind, row.key, this.top().scope, outputs, region);
  }

  private rowUnderCursor(): { kind: KindId; key: string } | undefined {
    const view = this.top();
    const row = this.cursorRow(view);
    return row === undefined ? undefined : { kind: view.kind, key: this.kindOf(view).key(row) };
  }

  /** `P`: the port forwards view, on top of the view it was opened from. */
  openPortForwards(): void {
    if (this.top().kind === "portforwards") return;
    const next: ViewEntry = { kind: "portforwards", scope: {}, cursor: 0, top: 0, filter: "" };
    this.set({ stack: [...this.state.stack, next] });
    void this.refresh(false);
  }

  /** ctrl-k in the port forwards view: stops the forward under the cursor. */
  stopForward(): void {
    const view = this.top();
    const row = this.visibleRows(view)[view.cursor] as PortForward | undefined;
    if (view.kind !== "portforwards" || !row || !this.exec) return;
    void this.exec.flow.stopForward(row);
  }

  private applied(changes: PendingChange[]): void {
    const pending = new Map(this.state.pending);
    for (const change of changes) {
      const id = pendingKey(change.kind, change.key);
      pending.set(id, change);
      this.pendingAfterLoad.set(id, this.loads);
    }
    // The marked rows were acted on: the marks have done their job.
    const view = this.top();
    const marks = new Map(this.state.marks);
    if (changes.some((change) => change.kind === view.kind)) marks.delete(cacheKey(view.kind, view.scope));
    this.set({ pending, marks });
    void this.refresh(true);
  }

  isHighlighted(entry: CacheEntry | undefined, key: string): boolean {
    const at = entry?.changed.get(key);
    return at !== undefined && this.state.now - at < HIGHLIGHT_MS;
  }
}
