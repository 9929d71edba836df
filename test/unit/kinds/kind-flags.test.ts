// What a kind says about its view that the store asks instead of testing kind ids: which views
// follow the session's port forwards, which list task sets, what ctrl-k stops.
import { describe, expect, it } from "vitest";
import type { PortForward } from "../../../source/features/exec/port-forwards.js";
import { KINDS } from "../../../source/kinds/registry.js";

const idsWith = (has: (kind: (typeof KINDS)[keyof typeof KINDS]) => unknown) =>
  Object.values(KINDS)
    .filter(has)
    .map((kind) => kind.id);

describe("kind flags", () => {
  it("the containers (PF column) and port forwards views follow the forwards", () => {
    expect(idsWith((kind) => kind.showsForwards)).toEqual(["containers", "portforwards"]);
  });

  it("only the tasks view cycles task sets", () => {
    expect(idsWith((kind) => kind.taskSets)).toEqual(["tasks"]);
  });

  it("ctrl-k stops the forward a port forward row is; no other row is one", () => {
    const forward: PortForward = {
      id: "pf-1",
      taskArn: "arn:task",
      containerName: "app",
      remotePort: 80,
      localPort: 8080,
      sessionId: "s-1",
      state: "open",
    };
    expect(KINDS.portforwards.forward?.(forward)).toBe(forward);
    expect(idsWith((kind) => kind.forward)).toEqual(["portforwards"]);
  });
});
