// Hand-built app states for the store's reducers: views with cached cluster rows, and a fake
// StoreHost that records what a feature's keys did.
import type { ClusterRow } from "../../../source/kinds/cluster.js";
import type { KindId, Scope } from "../../../source/kinds/types.js";
import {
  cacheKey,
  freshView,
  initialState,
  type AppState,
  type StatePatch,
  type Step,
} from "../../../source/state/app-state.js";
import type { FlashLevel } from "../../../source/features/dialogs/action-dialog.js";
import { flashOf } from "../../../source/state/flash.js";
import { withDialog } from "../../../source/state/overlay.js";
import type { StoreHost } from "../../../source/state/store-host.js";
import { noRowHere, rowAtCursor } from "../../../source/state/view-rows.js";
import { clusterArn } from "../../helpers/fake-gateway.js";

export const clusterRow = (name: string, status = "ACTIVE"): ClusterRow => ({
  arn: clusterArn(name),
  cluster: { clusterArn: clusterArn(name), clusterName: name, status },
});

/** The cluster list (or `stack`) with `rows` cached for the view on top. */
export function stateWith(
  rows: readonly unknown[] | undefined,
  stack: { kind: KindId; scope: Scope }[] = [{ kind: "clusters", scope: {} }],
): AppState {
  const state = initialState(stack.map(freshView), 1_000_000);
  const top = stack[stack.length - 1]!;
  if (rows === undefined) return state;
  return { ...state, cache: new Map([[cacheKey(top.kind, top.scope), { rows, changed: new Map() }]]) };
}

/** A StoreHost over a plain state: it applies patches and steps, and records flashes and refreshes. */
export function fakeHost(initial: AppState, attached = true) {
  let state = initial;
  const flashes: { text: string; level: string }[] = [];
  const refreshes: boolean[] = [];
  let paused = 0;
  const set = (patch: StatePatch) => (state = { ...state, ...patch });
  const flash = (text: string, level: FlashLevel = "info") => {
    flashes.push({ text, level });
    set({ flash: flashOf(text, level, state.now) });
  };
  const host: StoreHost = {
    state: () => state,
    set,
    apply: ({ patch, flash: text, refresh }: Step) => {
      if (patch) set(patch);
      if (text !== undefined) flash(text);
      if (refresh) refreshes.push(false);
    },
    now: () => state.now,
    flash,
    showDialog: (dialog) => set({ overlay: withDialog(state.overlay, dialog) }),
    requestRefresh: (forced = false) => void refreshes.push(forced),
    pausePolling: () => void (paused += 1),
    cursorRow: () => {
      const row = rowAtCursor(state);
      if (row === undefined) flash(noRowHere(state));
      return row;
    },
    attached: () => attached,
  };
  return { host, state: () => state, flashes, refreshes, paused: () => paused };
}
