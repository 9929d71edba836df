// The rows cached per view (cacheKey), as reducers: rows arriving mark what changed on screen
// and keep each cursor on its row; the header learns the account from the first ARN; a finished
// load says whether the rows are fresh.
import type { AwsFailure } from "../aws/failure.js";
import { accountOf } from "../core/arn.js";
import type { AnyKind } from "../kinds/registry.js";
import type { AppState, CacheEntry, ContextLine, StatePatch } from "./app-state.js";
import { repositioned } from "./nav-stack.js";
import { HIGHLIGHT_MS, markChanges } from "./row-changes.js";

export function patchedCache(
  cache: ReadonlyMap<string, CacheEntry>,
  key: string,
  patch: Partial<CacheEntry>,
): ReadonlyMap<string, CacheEntry> {
  const next = new Map(cache);
  next.set(key, { ...(cache.get(key) ?? { changed: new Map() }), ...patch });
  return next;
}

/** `rows` arrived for the views cached under `key`, at `now`. */
export function receivedRows(
  state: AppState,
  key: string,
  kind: AnyKind,
  rows: readonly unknown[],
  now: number,
): StatePatch {
  const entry = state.cache.get(key);
  const changed = markChanges(kind, entry?.rows, rows, entry?.changed ?? new Map(), now);
  const cache = patchedCache(state.cache, key, { rows, changed });
  const context = learnedAccount(state.context, kind, rows);
  return { cache, ...repositioned({ ...state, cache }, key), ...(context ? { context } : {}) };
}

/** An empty "Account" header line filled from the first ARN seen; undefined when nothing changes. */
function learnedAccount(
  context: readonly ContextLine[],
  kind: AnyKind,
  rows: readonly unknown[],
): ContextLine[] | undefined {
  const line = context.find((item) => item.label === "Account");
  if (!line || line.value || rows.length === 0) return undefined;
  const accountId = accountOf(kind.key(rows[0]));
  if (!accountId) return undefined;
  return context.map((item) => (item === line ? { ...item, value: accountId } : item));
}

/** The load of the view under `key` ended: fresh at `now` (and why it is empty), or failed. */
export function loadEnded(
  state: AppState,
  key: string,
  outcome: { ok: true; empty?: string } | { ok: false; failure: AwsFailure },
  now: number,
): StatePatch {
  if (!outcome.ok) return { cache: patchedCache(state.cache, key, { failure: outcome.failure }) };
  const cache = patchedCache(state.cache, key, { failure: undefined, updatedAt: now, empty: outcome.empty });
  // A flash about a failed refresh is over once a refresh works.
  return state.flash?.fromRefresh ? { cache, flash: undefined } : { cache };
}

/** Whether the row keyed `key` changed in the last few seconds (it is drawn highlighted). */
export function isHighlighted(entry: CacheEntry | undefined, key: string, now: number): boolean {
  const at = entry?.changed.get(key);
  return at !== undefined && now - at < HIGHLIGHT_MS;
}
