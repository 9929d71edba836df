// `:profile` and `:region` (account-switch.ts), once the session says how to open another account.
import type { StoreHost } from "../../state/store-host.js";
import { AccountSwitch, type SwitchServices } from "./account-switch.js";

export class AccountIntents {
  private switcher: AccountSwitch | undefined;

  constructor(private readonly host: StoreHost) {}

  enable(services: SwitchServices): void {
    this.switcher = new AccountSwitch(services, this.host);
  }

  /** The flow whose dialog gets the keys while it is open. */
  get flow(): AccountSwitch | undefined {
    return this.switcher;
  }

  /** Switches to the named profile or region, or asks which from a list. */
  start(what: "profile" | "region", value?: string): void {
    if (!this.switcher) return this.host.flash("switching is not available yet: still connecting", "info");
    this.switcher.start(what, value);
  }
}
