// `l` through a fake store host: the pane covers the table (polling paused), and when it closes
// the table comes back and refreshes; a dialog opened over the pane stays.
import { describe, expect, it } from "vitest";
import { openLogPane } from "../../../../source/features/logs/open-log-pane.js";
import type { ServiceRow } from "../../../../source/kinds/service.js";
import { logPaneOf, withDialog } from "../../../../source/state/overlay.js";
import { FakeFollower } from "../../../ui/fake-follower.js";
import { clusterRow, fakeHost, stateWith } from "../../state/state-fixtures.js";

const PROD = { clusterArn: "arn:aws:ecs:us-east-1:123456789012:cluster/prod", clusterName: "prod" };
const api: ServiceRow = {
  arn: "arn:aws:ecs:us-east-1:123456789012:service/prod/api",
  name: "api",
  service: {},
};
const outputs = { save: () => "", copy: () => {} };

function services() {
  const fake = fakeHost(stateWith([api], [{ kind: "services", scope: PROD }]));
  const followed: unknown[] = [];
  const follower = new FakeFollower(100);
  const open = (scope: unknown) => (followed.push(scope), follower);
  return { ...fake, followed, follower, open };
}

describe("open log pane", () => {
  it("follows the row's logs in a pane over the table; polling pauses until it closes", () => {
    const { host, state, open, followed, follower, paused, refreshes } = services();
    openLogPane(host, open, outputs);
    expect(followed).toEqual([{ kind: "service", cluster: PROD.clusterArn, service: "api" }]);
    expect(follower.getState().mode).toBe("live");
    const pane = logPaneOf(state().overlay)!;
    expect(pane.title).toBe("logs(prod/api)");
    expect(paused()).toBe(1);
    host.set({ overlay: withDialog(state().overlay, { kind: "busy", title: "t", text: "…" }) });
    pane.close();
    expect(state().overlay).toMatchObject({ type: "dialog", under: { type: "none" } });
    expect(refreshes).toEqual([false]);
    pane.close();
    expect(refreshes).toEqual([false]);
  });

  it("says where there are no logs, that there is no row, or that nothing is connected", () => {
    const clusters = fakeHost(stateWith([clusterRow("prod")]));
    openLogPane(clusters.host, () => new FakeFollower(1), outputs);
    expect(clusters.flashes[0]?.text).toBe("no logs in the clusters view: open a service, task or container");
    const empty = fakeHost(stateWith([], [{ kind: "services", scope: PROD }]));
    openLogPane(empty.host, () => new FakeFollower(1), outputs);
    expect(empty.flashes[0]?.text).toBe("no row here: the list is empty");
    const offline = services();
    openLogPane(offline.host, undefined, outputs);
    expect(offline.flashes).toEqual([{ text: "not connected", level: "error" }]);
    expect(offline.state().overlay.type).toBe("none");
  });
});
