// The action keys without action services: they say why nothing happens, and no dialog opens.
import { describe, expect, it } from "vitest";
import type { EcsGateway } from "../../../../source/aws/ecs-gateway.js";
import { ActionIntents } from "../../../../source/features/actions/action-intents.js";
import { clusterRow, fakeHost, stateWith } from "../../state/state-fixtures.js";

describe("action intents", () => {
  it("say 'not connected' before an account is attached, and 'not available' without action services", () => {
    const offline = fakeHost(stateWith([clusterRow("prod")]), false);
    new ActionIntents(offline.host, (pending) => pending).start("scale");
    const bare = fakeHost(stateWith([clusterRow("prod")]));
    const keys = new ActionIntents(bare.host, (pending) => pending);
    keys.attach(undefined, {} as EcsGateway);
    keys.start("restart");
    expect(keys.isOpen).toBe(false);
    expect([offline.flashes, bare.flashes]).toEqual([
      [{ text: "not connected", level: "error" }],
      [{ text: "actions are not available in this session", level: "error" }],
    ]);
    expect(bare.state().overlay.type).toBe("none");
  });
});
