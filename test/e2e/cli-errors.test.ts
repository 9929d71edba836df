// Bad input ends with exit code 2 and one line that says what is wrong, before any full-screen setup.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startDeckhand } from "../helpers/pty.js";

const BIN = new URL("../../bin/deckhand.js", import.meta.url).pathname;

function awsFiles(): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), "deckhand-aws-"));
  writeFileSync(
    join(dir, "config"),
    "[default]\nregion = us-east-1\n\n[profile staging]\nregion = eu-west-1\n",
  );
  writeFileSync(join(dir, "credentials"), "[default]\naws_access_key_id = A\naws_secret_access_key = B\n");
  return { AWS_CONFIG_FILE: join(dir, "config"), AWS_SHARED_CREDENTIALS_FILE: join(dir, "credentials") };
}

describe("deckhand command line", () => {
  it("prints help and version without a terminal", () => {
    const help = spawnSync(process.execPath, [BIN, "--help"], { encoding: "utf8" });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("--demo");
    const version = spawnSync(process.execPath, [BIN, "--version"], { encoding: "utf8" });
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it.each([
    [["--nope"], /Unknown option '--nope'/],
    [["--refresh", "-1"], /--refresh/],
    [["--region", "moon-1"], /not a region name/],
    [["--demo", "--service", "checkout"], /--service needs --cluster/],
  ])("rejects %j with exit code 2 and one line", (args, message) => {
    const run = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stdout).toBe("");
  });

  it("refuses to start when stdout is not a terminal", () => {
    const run = spawnSync(process.execPath, [BIN, "--demo"], { encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/interactive terminal/);
  });

  it("names an unknown profile and lists the known ones", async () => {
    const app = startDeckhand({ args: ["--profile", "prdo"], env: awsFiles() });
    const exit = await app.waitForExit();
    expect(exit.exitCode).toBe(2);
    expect(app.screen()).toContain('unknown AWS profile "prdo" (known profiles: default, staging)');
    expect(app.raw()).not.toContain("\u001b[?1049h");
  });

  it("says where to set a region when none is configured", async () => {
    const files = awsFiles();
    writeFileSync(files.AWS_CONFIG_FILE!, "[profile staging]\nregion = eu-west-1\n");
    const app = startDeckhand({
      env: { ...files, AWS_PROFILE: undefined, AWS_REGION: undefined, AWS_DEFAULT_REGION: "" },
    });
    const exit = await app.waitForExit();
    expect(exit.exitCode).toBe(2);
    expect(app.screen()).toContain("no AWS region: pass --region, set AWS_REGION");
  });

  it("rejects bad simulator settings before taking over the screen", async () => {
    const app = startDeckhand({ args: ["--demo"], env: { DECKHAND_SIM_SERVICES: "lots" } });
    const exit = await app.waitForExit();
    expect(exit.exitCode).toBe(2);
    expect(app.screen()).toContain("DECKHAND_SIM_SERVICES");
    expect(app.raw()).not.toContain("\u001b[?1049h");
  });

  it("keeps running and suggests --demo when there are no credentials", async () => {
    const app = startDeckhand({
      args: ["--region", "us-east-1", "--endpoint-url", "http://127.0.0.1:9"],
      env: {
        ...awsFiles(),
        AWS_PROFILE: "staging",
        AWS_ACCESS_KEY_ID: undefined,
        AWS_SECRET_ACCESS_KEY: undefined,
        AWS_SESSION_TOKEN: undefined,
        // The credential chain would otherwise ask the EC2 metadata service, off this machine.
        AWS_EC2_METADATA_DISABLED: "true",
      },
    });
    await app.waitForText(/--demo/, 20_000);
    expect(app.screen()).toMatch(/aws configure|aws sso login/);
    app.press("q");
    expect((await app.waitForExit()).exitCode).toBe(0);
  });
});
