// The shape of the app's state, which React reads through useSyncExternalStore, and the place a
// view's rows are cached under. Each part of the store (navigation, the row cache, overlays,
// pending changes) is a reducer or a small class over this one object.
import type { AwsFailure } from "../aws/failure.js";
import type { KindId, Scope } from "../kinds/types.js";
import { EMPTY_COMMAND_LINE, type CommandLine } from "../features/commands/command-mode.js";
import type { Flash } from "./flash.js";
import type { PendingChange } from "./pending.js";
import { NO_OVERLAY, type Overlay } from "./overlay.js";
import { scopeKey } from "./scope-key.js";
import type { ViewEntry } from "./view-cursor.js";

export interface CacheEntry {
  rows?: readonly unknown[];
  updatedAt?: number;
  failure?: AwsFailure;
  /** What the view says when it has no rows, if the load said why (e.g. a Fargate-only cluster). */
  empty?: string;
  changed: ReadonlyMap<string, number>;
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
  /** What covers the table or takes the keys: a prompt, help, a pane, a dialog (overlay.ts). */
  overlay: Overlay;
  /** The `:` line (shown while the command overlay is open) and the session's command history. */
  commandLine: CommandLine;
  flash?: Flash;
  /** Why no account could be opened (bad region, bad simulator settings…); nothing loads then. */
  setupFailure?: string;
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

export type StatePatch = Partial<AppState>;

/** What an intent comes to: a change of state, then a line for the flash, then a refresh. */
export interface Step {
  patch?: StatePatch;
  flash?: string;
  /** Load the view on top (now on screen, or changed). */
  refresh?: boolean;
}

export function cacheKey(kind: KindId, scope: Scope): string {
  const key = `${kind}|${scopeKey(scope)}`;
  // Each set of tasks (running, stopped, all) has its own rows, marks and memo.
  return scope.taskSet ? `${key}|${scope.taskSet}` : key;
}

export const viewKey = (view: ViewEntry): string => cacheKey(view.kind, view.scope);

export const topOf = (state: AppState): ViewEntry => state.stack[state.stack.length - 1]!;

export function initialState(stack: readonly ViewEntry[], now: number): AppState {
  return {
    context: [],
    stack,
    cache: new Map(),
    overlay: NO_OVERLAY,
    commandLine: EMPTY_COMMAND_LINE,
    pending: new Map(),
    marks: new Map(),
    viewportRows: 20,
    wide: false,
    now,
  };
}

/** A view as it opens: cursor on the first row (or on `cursorKey`, once rows arrive), no filter. */
export function freshView(step: { kind: KindId; scope: Scope; cursorKey?: string }): ViewEntry {
  return { ...step, cursor: 0, top: 0, filter: "" };
}
