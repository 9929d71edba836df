import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findPlugin, installHint, PLUGIN_DOCS_URL } from "../../../../source/features/exec/plugin-lookup.js";

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "deckhand-lookup-"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function dir(name: string): string {
  const path = join(root, name);
  mkdirSync(path, { recursive: true });
  return path;
}

function file(directory: string, name: string, mode: number): string {
  const path = join(directory, name);
  writeFileSync(path, "#!/bin/sh\n");
  chmodSync(path, mode);
  return path;
}

describe("findPlugin", () => {
  it("finds the first executable session-manager-plugin along PATH", () => {
    const empty = dir("empty");
    const first = dir("first");
    const second = dir("second");
    const found = file(first, "session-manager-plugin", 0o755);
    file(second, "session-manager-plugin", 0o755);
    expect(findPlugin({ PATH: [empty, first, second].join(":") }, "linux")).toEqual({ path: found });
  });

  it("skips a file that is not executable, and a directory of the same name", () => {
    const notExecutable = dir("a");
    file(notExecutable, "session-manager-plugin", 0o644);
    const directory = dir("b");
    mkdirSync(join(directory, "session-manager-plugin"));
    const good = dir("c");
    const found = file(good, "session-manager-plugin", 0o755);
    expect(findPlugin({ PATH: [notExecutable, directory, good].join(":") }, "darwin")).toEqual({
      path: found,
    });
  });

  it("uses PATHEXT and ';' on Windows, whatever the case of the variable names", () => {
    const bin = dir("win");
    const found = file(bin, "session-manager-plugin.exe", 0o644);
    expect(findPlugin({ Path: `C:\\nowhere;${bin}`, PathExt: ".COM;.EXE" }, "win32")).toEqual({
      path: found,
    });
    expect(findPlugin({ Path: bin, PATHEXT: ".BAT" }, "win32")).toMatchObject({ missing: true });
  });

  it("reports a missing plugin with the install instruction for the OS", () => {
    const env = { PATH: dir("nothing") };
    const mac = findPlugin(env, "darwin");
    expect(mac).toMatchObject({ missing: true });
    expect("missing" in mac && mac.hint).toContain("brew install --cask session-manager-plugin");
    expect("missing" in mac && mac.hint).toContain(PLUGIN_DOCS_URL);
    const linux = findPlugin(env, "linux", "x64");
    expect("missing" in linux && linux.hint).toContain("ubuntu_64bit/session-manager-plugin.deb");
    expect("missing" in linux && linux.hint).toContain("linux_64bit/session-manager-plugin.rpm");
    expect(findPlugin({}, "win32")).toMatchObject({ missing: true });
  });

  it("gives each OS its own hint", () => {
    expect(installHint("linux", "arm64")).toContain("ubuntu_arm64/session-manager-plugin.deb");
    expect(installHint("linux", "arm64")).toContain("linux_arm64/session-manager-plugin.rpm");
    expect(installHint("win32")).toContain("SessionManagerPluginSetup.exe");
    expect(installHint("darwin")).not.toContain("dpkg");
  });

  it("treats an unset or empty PATH as no directories (not the current directory)", () => {
    const cwdPlugin = file(root, "session-manager-plugin", 0o755);
    expect(cwdPlugin).toBeTruthy();
    expect(findPlugin({ PATH: "" }, "linux")).toMatchObject({ missing: true });
    expect(findPlugin({}, "linux")).toMatchObject({ missing: true });
  });
});
