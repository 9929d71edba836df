// `:profile` and `:region` before and after the session says how to switch.
import { describe, expect, it } from "vitest";
import { AccountIntents } from "../../../../source/features/accounts/account-intents.js";
import type { SwitchServices } from "../../../../source/features/accounts/account-switch.js";
import { dialogOf } from "../../../../source/state/overlay.js";
import { fakeHost, stateWith } from "../../state/state-fixtures.js";

const services: SwitchServices = {
  current: () => ({ profile: "dev", region: "us-east-1" }),
  profiles: async () => [],
  regions: ["us-east-1", "eu-west-1"],
  switchTo: async () => {},
};

describe("account intents", () => {
  it("say switching is not available while the session is still connecting", () => {
    const fake = fakeHost(stateWith([]));
    new AccountIntents(fake.host).start("region");
    expect(fake.flashes).toEqual([
      { text: "switching is not available yet: still connecting", level: "info" },
    ]);
  });

  it("once enabled, :region lists the regions in a dialog whose keys go to its flow", () => {
    const fake = fakeHost(stateWith([]));
    const accounts = new AccountIntents(fake.host);
    accounts.enable(services);
    accounts.start("region");
    expect(dialogOf(fake.state().overlay)).toMatchObject({ kind: "pick", title: "Switch region" });
    expect(accounts.flow?.isOpen).toBe(true);
    accounts.flow?.handleKey("esc", "");
    expect(fake.state().overlay.type).toBe("none");
  });
});
