// The exec keys through a fake store host, with forwards the test changes by hand.
import { describe, expect, it, vi } from "vitest";
import { ExecIntents } from "../../../../source/features/exec/exec-intents.js";
import type { ExecServices } from "../../../../source/features/exec/exec-services.js";
import type { PortForward } from "../../../../source/features/exec/port-forwards.js";
import { cacheKey, topOf } from "../../../../source/state/app-state.js";
import { clusterRow, fakeHost, stateWith } from "../../state/state-fixtures.js";

const forward: PortForward = {
  id: "pf-1",
  taskArn: "arn:aws:ecs:us-east-1:123456789012:task/prod/abc",
  containerName: "app",
  remotePort: 80,
  localPort: 8080,
  sessionId: "s-1",
  state: "open",
};

function forwards() {
  const listeners = new Set<() => void>();
  let list: readonly PortForward[] = [];
  return {
    subscribe: (listener: () => void) => (listeners.add(listener), () => listeners.delete(listener)),
    list: () => list,
    set: (next: readonly PortForward[]) => {
      list = next;
      for (const listener of listeners) listener();
    },
  };
}

function attached(state = stateWith([clusterRow("prod")])) {
  const fake = fakeHost(state);
  const pf = forwards();
  const keys = new ExecIntents(fake.host);
  keys.attach({ forwards: pf } as unknown as ExecServices);
  return { ...fake, keys, pf };
}

describe("exec intents", () => {
  it("a forward that opens or ends refreshes the views that show forwards, until detached", () => {
    const inForwards = attached(stateWith([], [{ kind: "portforwards", scope: {} }]));
    inForwards.pf.set([forward]);
    expect(inForwards.refreshes).toEqual([false]);
    inForwards.keys.detach();
    inForwards.pf.set([]);
    expect(inForwards.refreshes).toEqual([false]);

    const inClusters = attached();
    inClusters.pf.set([forward]);
    expect(inClusters.refreshes).toEqual([]);
  });

  it("lends the session's forwards to the views that list them; none without exec", () => {
    const { keys, pf } = attached();
    pf.set([forward]);
    expect(keys.forwards()?.()).toEqual([forward]);
    expect(new ExecIntents(fakeHost(stateWith([])).host).forwards()).toBeUndefined();
  });

  it("without exec services the keys say why", () => {
    const offline = fakeHost(stateWith([clusterRow("prod")]), false);
    new ExecIntents(offline.host).start("shell");
    const noExec = fakeHost(stateWith([clusterRow("prod")]));
    new ExecIntents(noExec.host).start("shell");
    expect([offline.flashes, noExec.flashes]).toEqual([
      [{ text: "not connected", level: "error" }],
      [{ text: "ECS Exec is not available in this session", level: "error" }],
    ]);
  });

  it("P opens the port forwards view once; ctrl-k stops the forward under the cursor there only", () => {
    const { keys, host, state, refreshes } = attached();
    const stop = vi.spyOn(keys.flow!, "stopForward").mockResolvedValue();
    keys.stopForward();
    keys.openPortForwards();
    keys.openPortForwards();
    expect(state().stack.map((view) => view.kind)).toEqual(["clusters", "portforwards"]);
    expect(refreshes).toEqual([false]);
    keys.stopForward();
    host.set({ cache: new Map([[cacheKey("portforwards", {}), { rows: [forward], changed: new Map() }]]) });
    expect(topOf(state()).kind).toBe("portforwards");
    keys.stopForward();
    expect(stop.mock.calls).toEqual([[forward]]);
  });
});
