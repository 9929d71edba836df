// `l`: the log pane for the row under the cursor. It replaces the table until it is closed, and
// while it is open only the pane refreshes.
import { topOf } from "../../state/app-state.js";
import { withBase, withoutLogPane } from "../../state/overlay.js";
import type { StoreHost } from "../../state/store-host.js";
import { kindOf } from "../../state/view-rows.js";
import type { FollowScope, LogFollower } from "./log-follower.js";
import { LogPaneStore, type LogPaneOutputs } from "./log-pane-store.js";

export type OpenFollower = (scope: FollowScope) => LogFollower;

export function openLogPane(
  host: StoreHost,
  openFollower: OpenFollower | undefined,
  outputs: LogPaneOutputs,
): void {
  const view = topOf(host.state());
  const kind = kindOf(view);
  if (!kind.logs) return host.flash(`no logs in the ${kind.id} view: open a service, task or container`);
  const row = host.cursorRow();
  if (row === undefined) return;
  if (!openFollower) return host.flash("not connected", "error");
  const { follow, title } = kind.logs(row, view.scope);
  const follower = openFollower(follow);
  const pane = new LogPaneStore(title, follower, outputs, () => {
    const overlay = withoutLogPane(host.state().overlay, pane);
    if (overlay === host.state().overlay) return;
    host.set({ overlay });
    host.requestRefresh(); // the table is on screen again: poll it again
  });
  follower.start(follow);
  host.pausePolling();
  host.set({ overlay: withBase(host.state().overlay, { type: "logs", pane }) });
}
