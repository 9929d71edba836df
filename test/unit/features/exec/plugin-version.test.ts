// session-manager-plugin --version: which versions can read the session from the environment, and
// how often the plugin is asked.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isTooOld, pluginVersion } from "../../../../source/features/exec/plugin-version.js";

/** A plugin script that prints `version` (read from a file, so a test can "upgrade" it) and counts calls. */
function fakePlugin(version: string): { command: string; upgrade(to: string): void; calls(): number } {
  const dir = mkdtempSync(join(tmpdir(), "deckhand-plugin-version-"));
  const versionFile = join(dir, "version");
  const countFile = join(dir, "calls");
  writeFileSync(versionFile, version);
  writeFileSync(countFile, "");
  const command = join(dir, "session-manager-plugin");
  writeFileSync(command, `#!/bin/sh\necho x >> "${countFile}"\ncat "${versionFile}"\n`, { mode: 0o755 });
  return {
    command,
    upgrade: (to) => writeFileSync(versionFile, to),
    calls: () => readFileSync(countFile, "utf8").split("\n").filter(Boolean).length,
  };
}

describe("isTooOld", () => {
  it("refuses 1.2.497.0 and older, accepts anything above", () => {
    expect(isTooOld("1.2.497.0")).toBe(true);
    expect(isTooOld("1.2.398.0")).toBe(true);
    expect(isTooOld("1.1.61.0")).toBe(true);
    expect(isTooOld("1.2.497.1")).toBe(false);
    expect(isTooOld("1.2.498.0")).toBe(false);
    expect(isTooOld("1.2.707.0")).toBe(false);
    expect(isTooOld("1.10.0.0")).toBe(false);
    expect(isTooOld("2.0")).toBe(false);
  });
});

describe("pluginVersion", () => {
  it("reads the version the plugin prints, and asks a new-enough plugin only once", async () => {
    const plugin = fakePlugin("1.2.707.0\n");
    expect(await pluginVersion(plugin.command)).toBe("1.2.707.0");
    expect(await pluginVersion(plugin.command)).toBe("1.2.707.0");
    expect(plugin.calls()).toBe(1);
  });

  it("asks a too-old plugin again, so an upgrade while deckhand runs is seen", async () => {
    const plugin = fakePlugin("1.2.398.0\n");
    expect(await pluginVersion(plugin.command)).toBe("1.2.398.0");
    plugin.upgrade("1.2.707.0\n");
    expect(await pluginVersion(plugin.command)).toBe("1.2.707.0");
    expect(plugin.calls()).toBe(2);
  });

  it("is undefined when the plugin says nothing useful or cannot run", async () => {
    expect(await pluginVersion(fakePlugin("garbage\n").command)).toBeUndefined();
    expect(await pluginVersion("/nonexistent/session-manager-plugin")).toBeUndefined();
  });
});
