// The parts of :profile and :region that need no account: the profiles of the AWS files with their
// auth style, and the last choice kept in the state directory (and outranked by the environment).
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { profilesOf } from "../../../../source/aws/profile-list.js";
import { readLastAccount, rememberAccount } from "../../../../source/settings/last-account.js";
import { flagDefaults } from "../../../../source/settings/settings.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function stateEnv(): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), "deckhand-state-"));
  dirs.push(dir);
  return { XDG_STATE_HOME: dir };
}

describe("profilesOf", () => {
  it("lists each profile once, sorted, with how it gets credentials and its region", () => {
    const config = {
      default: { region: "us-east-1" },
      sso: { sso_session: "corp", region: "eu-west-1" },
      "legacy-sso": { sso_start_url: "https://x.awsapps.com/start" },
      admin: { role_arn: "arn:aws:iam::1:role/Admin", source_profile: "default" },
      ci: { role_arn: "arn:aws:iam::1:role/Ci", web_identity_token_file: "/tmp/token" },
      vault: { credential_process: "vault-aws" },
      "sso-session.corp": { sso_start_url: "https://x.awsapps.com/start" },
    };
    const credentials = { default: { aws_access_key_id: "A", aws_secret_access_key: "B" }, bare: {} };
    expect(profilesOf(config, credentials)).toEqual([
      { name: "admin", auth: "assume role" },
      { name: "bare", auth: "none" },
      { name: "ci", auth: "web identity" },
      { name: "default", auth: "static", region: "us-east-1" },
      { name: "legacy-sso", auth: "SSO" },
      { name: "sso", auth: "SSO", region: "eu-west-1" },
      { name: "vault", auth: "process" },
    ]);
  });
});

describe("the last account", () => {
  it("is read back as written", async () => {
    const env = stateEnv();
    expect(readLastAccount(env)).toEqual({});
    await rememberAccount({ profile: "west", region: "eu-west-1" }, env);
    expect(readLastAccount(env)).toEqual({ profile: "west", region: "eu-west-1" });
  });

  it("ignores a file deckhand did not write", () => {
    const env = stateEnv();
    mkdirSync(join(env.XDG_STATE_HOME!, "deckhand"));
    const file = join(env.XDG_STATE_HOME!, "deckhand", "last-account.json");
    writeFileSync(file, "{ not json");
    expect(readLastAccount(env)).toEqual({});
    writeFileSync(file, JSON.stringify({ profile: 3, region: "mars" }));
    expect(readLastAccount(env)).toEqual({});
  });

  it("outranks the config file, and AWS_PROFILE / AWS_REGION outrank it", () => {
    const settings = { readOnly: false, readOnlyProfiles: [], profile: "ops", region: "us-east-1" };
    const last = { profile: "west", region: "eu-west-1" };
    expect(flagDefaults(settings, {}, last)).toMatchObject(last);
    expect(flagDefaults(settings, { AWS_PROFILE: "dev", AWS_REGION: "us-west-2" }, last)).toMatchObject({
      profile: undefined,
      region: undefined,
    });
  });
});
