// :profile and :region against moto_server in a real pty: the profiles of a test AWS config (with
// their auth style), switching in place (moto keeps each region's clusters apart), a profile that
// does not exist changing nothing, and the last choice remembered by the next start.
import { CreateClusterCommand, ECSClient } from "@aws-sdk/client-ecs";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MOTO_CREDENTIALS, motoDeckhandEnv, startMoto, type MotoServer } from "../helpers/moto.js";
import { DOWN, ENTER, startDeckhand, type Deckhand } from "../helpers/pty.js";

let moto: MotoServer;
let home: string;

const CONFIG = `[profile east]
region = us-east-1

[profile west]
region = eu-west-1

[profile sso-dev]
sso_session = corp
sso_account_id = 123456789012
sso_role_name = Developer
region = eu-central-1

[sso-session corp]
sso_start_url = https://example.awsapps.com/start
sso_region = us-east-1
`;

const CREDENTIALS = `[east]
aws_access_key_id = testing
aws_secret_access_key = testing

[west]
aws_access_key_id = testing
aws_secret_access_key = testing
`;

beforeAll(async () => {
  moto = await startMoto();
  for (const [region, name] of [
    ["us-east-1", "east-only"],
    ["eu-west-1", "west-only"],
  ] as const) {
    const ecs = new ECSClient({
      endpoint: moto.endpoint,
      region,
      credentials: MOTO_CREDENTIALS,
      maxAttempts: 1,
    });
    await ecs.send(new CreateClusterCommand({ clusterName: name }));
    ecs.destroy();
  }
  home = mkdtempSync(join(tmpdir(), "deckhand-switch-"));
  writeFileSync(join(home, "config"), CONFIG);
  writeFileSync(join(home, "credentials"), CREDENTIALS);
});

afterAll(async () => {
  await moto?.stop();
  if (home) rmSync(home, { recursive: true, force: true });
});

function start(args: string[]): Deckhand {
  return startDeckhand({
    args: ["--endpoint-url", moto.endpoint, ...args],
    cols: 140,
    env: {
      ...motoDeckhandEnv(home),
      // The profiles give the credentials here, not the environment.
      AWS_ACCESS_KEY_ID: undefined,
      AWS_SECRET_ACCESS_KEY: undefined,
      XDG_STATE_HOME: join(home, "state"),
    },
  });
}

async function command(app: Deckhand, text: string): Promise<void> {
  app.press(":");
  await app.type(text);
  app.press(ENTER);
}

describe(":profile and :region", () => {
  it("switch in place, refuse an unknown profile without losing anything, and are remembered", async () => {
    const app = start(["--profile", "east"]);
    await app.waitForText("east-only");
    await app.waitForText(/Region:\s+us-east-1/);

    await command(app, "region eu-west-1");
    await app.waitForText("west-only");
    await app.waitForText("switched to region eu-west-1");
    expect(app.screen()).not.toContain("east-only");
    expect(app.screen()).toMatch(/Profile:\s+east/);

    await command(app, "profile");
    await app.waitForText("Switch profile");
    await app.waitForText(/sso-dev\s+\(SSO · eu-central-1\)/);
    await app.waitForText(/east\s+\(static · us-east-1 · current\)/);
    // east (current), sso-dev, west: two down is west.
    app.press(DOWN);
    app.press(DOWN);
    app.press(ENTER);
    await app.waitForText("switched to profile west");
    await app.waitForText(/Profile:\s+west/);
    await app.waitForText(/Region:\s+eu-west-1/);
    await app.waitForText("west-only");

    await command(app, "profile nope");
    await app.waitForText('unknown AWS profile "nope"');
    await app.waitForText("Nothing changed.");
    expect(app.screen()).toContain("west-only");
    await app.close();

    // No flag: the next start opens where the last one was switched to.
    const again = start([]);
    await again.waitForText(/Profile:\s+west/);
    await again.waitForText("west-only");
    await again.close();
  });
});
