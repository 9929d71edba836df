// What :profile and :region need from the session: the profiles of the AWS files, the regions, and
// how to open another account. The new one must answer (one ListClusters) before it replaces the
// one on screen, so a profile without credentials or a region without access loses nothing.
import { describeFailure } from "../aws/failure.js";
import { REGIONS } from "../aws/regions.js";
import type { Account } from "./open-account.js";
import type { Options } from "./options.js";
import { rememberAccount } from "../settings/last-account.js";
import type { SwitchServices } from "../features/accounts/account-switch.js";

export function accountSwitching(
  options: Options,
  first: Account,
  show: (account: Account) => Promise<void>,
  env: NodeJS.ProcessEnv = process.env,
): SwitchServices {
  let current = first.current;
  return {
    ...(options.demo
      ? { refused: "the demo has one simulated account in one region: run deckhand without --demo to switch" }
      : {}),
    current: () => current,
    profiles: async () => (await import("../aws/profile-list.js")).listProfiles(),
    regions: REGIONS,
    async switchTo(choice, wanted) {
      const { checkProfileAndRegion } = await import("../aws/profiles.js");
      const configured = await checkProfileAndRegion(choice.profile, env);
      if (!choice.region && !configured) {
        throw new Error(`profile ${choice.profile ?? "default"} sets no region: pick one with :region`);
      }
      const { openAccount } = await import("./open-account.js");
      const account = await openAccount({ ...options, profile: choice.profile, region: choice.region }, env);
      const probe = await account.gateway.listClusterArns();
      if (!probe.ok) throw new Error(describeFailure(probe.failure));
      if (!wanted()) return;
      current = account.current;
      await show(account);
      await rememberAccount(current, env);
    },
  };
}
