// The exec shell: from --shell or "shell" in config.json, refused with a clear message when AWS
// could not take it as one command line.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseOptions } from "../../../source/app/options.js";
import { SETTINGS_VOCABULARY } from "../../../source/app/settings-vocabulary.js";
import { loadSettings } from "../../../source/settings/settings.js";
import { shellProblem } from "../../../source/settings/shell.js";

let home: string;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), "deckhand-shell-"));
});

afterEach(() => {
  rmSync(home, { recursive: true, force: true });
});

function loadWith(text: string) {
  mkdirSync(join(home, "deckhand"), { recursive: true });
  writeFileSync(join(home, "deckhand", "config.json"), text);
  return loadSettings(SETTINGS_VOCABULARY, { XDG_CONFIG_HOME: home }, home);
}

describe("exec shell setting", () => {
  it("accepts a shell with arguments, refuses blank, multi-line and overlong ones", () => {
    expect(shellProblem("/bin/bash")).toBeUndefined();
    expect(shellProblem("bash -l")).toBeUndefined();
    expect(shellProblem("  ")).toBe("must name a shell, e.g. /bin/bash");
    expect(shellProblem("sh\nrm -rf /")).toBe("must be one line without control characters");
    expect(shellProblem("x".repeat(5000))).toBe("must be at most 4096 characters");
  });

  it("--shell sets it; a bad one is a usage error", () => {
    const parsed = parseOptions(["--shell", "/bin/bash"]);
    expect(parsed.command === "run" && parsed.options.shell).toBe("/bin/bash");
    const none = parseOptions([]);
    expect(none.command === "run" && none.options.shell).toBeUndefined();
    expect(parseOptions(["--shell", ""])).toEqual({
      command: "error",
      message: "--shell must name a shell, e.g. /bin/bash",
    });
  });

  it('config.json "shell" is read, and checked like the flag', async () => {
    const read = await loadWith('{"shell": "/bin/bash"}');
    expect(read.ok && read.settings.shell).toBe("/bin/bash");
    const bad = await loadWith('{"shell": "sh\\u0007"}');
    expect(bad).toEqual({
      ok: false,
      message: `${join(home, "deckhand", "config.json")}: shell must be one line without control characters`,
    });
    const wrongType = await loadWith('{"shell": 3}');
    expect(wrongType.ok).toBe(false);
    expect(!wrongType.ok && wrongType.message).toContain("shell must be string");
  });
});
