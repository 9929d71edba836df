// `:profile` and `:region`: another AWS profile or region, picked from a list or named, switched to
// in place. The old account stays on screen until the new one has opened; when it cannot open
// (unknown profile, no credentials), the notice says why and nothing is lost.
import type { ProfileInfo } from "../../aws/profile-list.js";
import { REGION_PATTERN } from "../../settings/flag-limits.js";
import { StepFlow, type FlowHost } from "../dialogs/step-dialog.js";

export interface AccountChoice {
  profile?: string;
  region?: string;
}

export interface SwitchServices {
  /** Why this session cannot switch (the demo's one simulated account), or undefined. */
  refused?: string;
  /** The profile and region in use. */
  current(): AccountChoice;
  profiles(): Promise<ProfileInfo[]>;
  regions: readonly string[];
  /**
   * Opens the account for `choice` and shows it unless `wanted()` has turned false meanwhile (esc);
   * rejects with the reason when it cannot.
   */
  switchTo(choice: AccountChoice, wanted: () => boolean): Promise<void>;
}

export class AccountSwitch extends StepFlow {
  constructor(
    private readonly services: SwitchServices,
    host: FlowHost,
  ) {
    super(host);
  }

  start(what: "profile" | "region", value?: string): void {
    if (this.services.refused) return this.host.flash(this.services.refused, "info");
    if (value !== undefined) return void this.switchTo(what, value);
    if (what === "region") return this.pickRegion();
    void this.pickProfile();
  }

  private pickRegion(): void {
    const { regions } = this.services;
    const current = this.services.current().region;
    this.dialog.openPick({
      title: "Switch region",
      items: regions.map((region) => ({ label: region, ...(region === current ? { note: "current" } : {}) })),
      notes: ["or type :region NAME for one not listed"],
      submit: "enter switches",
      cursor: Math.max(0, regions.indexOf(current ?? "")),
      choose: (index) => void this.switchTo("region", regions[index]!),
    });
  }

  private async pickProfile(): Promise<void> {
    const still = this.dialog.wait("Switch profile", "reading the AWS config and credentials files…");
    let profiles: ProfileInfo[];
    try {
      profiles = await this.services.profiles();
    } catch (error) {
      if (still())
        this.dialog.notice("Switch profile", [
          { text: `cannot read the AWS config files: ${reason(error)}` },
        ]);
      return;
    }
    if (!still()) return;
    if (profiles.length === 0) {
      return this.dialog.notice("Switch profile", [
        {
          text: "no profiles in ~/.aws/config or ~/.aws/credentials",
          hint: "aws configure --profile NAME adds one",
        },
      ]);
    }
    const current = this.services.current().profile;
    this.dialog.openPick({
      title: "Switch profile",
      items: profiles.map((profile) => ({
        label: profile.name,
        note: [profile.auth, profile.region, profile.name === current ? "current" : undefined]
          .filter(Boolean)
          .join(" · "),
      })),
      notes: [],
      submit: "enter switches",
      cursor: Math.max(
        0,
        profiles.findIndex((profile) => profile.name === current),
      ),
      choose: (index) => void this.switchTo("profile", profiles[index]!.name),
    });
  }

  private async switchTo(what: "profile" | "region", value: string): Promise<void> {
    if (what === "region" && !new RegExp(REGION_PATTERN).test(value)) {
      return this.host.flash(`"${value}" is not a region name like us-east-1`, "warn");
    }
    // A profile brings its own region (unless AWS_REGION says otherwise), as in the AWS CLI.
    const choice: AccountChoice =
      what === "profile" ? { profile: value } : { ...this.services.current(), region: value };
    const still = this.dialog.wait(`Switch ${what}`, `opening ${what} ${value}…`);
    try {
      await this.services.switchTo(choice, still);
    } catch (error) {
      if (still())
        this.dialog.notice(
          `Cannot switch to ${what} ${value}`,
          [{ text: reason(error) }],
          ["Nothing changed."],
        );
      return;
    }
    if (!still()) return;
    this.dialog.close();
    this.host.flash(`switched to ${what} ${value}`, "info");
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
