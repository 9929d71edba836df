// `deckhand completion` from the built command line, as a shell runs it: without a terminal, the
// script on stdout, a shell it does not know refused with exit code 2, and the profile names the
// script asks for read from the real AWS config and credentials files.
import { spawnSync } from "node:child_process";
import { mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const BIN = new URL("../../bin/deckhand.js", import.meta.url).pathname;

function awsFiles(): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), "deckhand-aws-"));
  writeFileSync(
    join(dir, "config"),
    "[default]\nregion = us-east-1\n\n[profile staging]\nregion = eu-west-1\n\n[profile prod-admin]\nrole_arn = arn:aws:iam::123456789012:role/admin\nsource_profile = default\n\n[sso-session corp]\nsso_region = us-east-1\n",
  );
  writeFileSync(
    join(dir, "credentials"),
    "[default]\naws_access_key_id = A\naws_secret_access_key = B\n\n[ci]\naws_access_key_id = C\naws_secret_access_key = D\n",
  );
  return { AWS_CONFIG_FILE: join(dir, "config"), AWS_SHARED_CREDENTIALS_FILE: join(dir, "credentials") };
}

const deckhand = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", env: { ...process.env, ...env } });

describe("deckhand completion", () => {
  it("prints a script without needing a terminal", () => {
    for (const shell of ["bash", "zsh", "fish"]) {
      const run = deckhand(["completion", shell]);
      expect(run.status, shell).toBe(0);
      expect(run.stderr).toBe("");
      expect(run.stdout).toContain("--profile");
    }
  });

  it("exits 2 with one line naming the shells it knows", () => {
    const run = deckhand(["completion", "nosuchshell"]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe('deckhand: completion knows bash, zsh or fish, not "nosuchshell"\n');
  });

  it("lists the profiles of the config and credentials files for the scripts, not sessions", () => {
    const run = deckhand(["completion", "--profiles"], awsFiles());
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("ci\ndefault\nprod-admin\nstaging\n");
  });

  it("completes profile names in bash from the installed command", () => {
    const bin = mkdtempSync(join(tmpdir(), "deckhand-bin-"));
    symlinkSync(BIN, join(bin, "deckhand"));
    const program = [
      "source <(deckhand completion bash)",
      "COMP_WORDS=(deckhand --profile st); COMP_CWORD=2",
      "_deckhand",
      `printf '%s\\n' "\${COMPREPLY[@]}"`,
    ].join("\n");
    const run = spawnSync("bash", ["--norc", "--noprofile", "-c", program], {
      encoding: "utf8",
      env: { ...process.env, ...awsFiles(), PATH: `${bin}:${process.env.PATH}` },
    });
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe("staging\n");
  });
});
