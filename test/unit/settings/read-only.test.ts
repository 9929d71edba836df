// Read-only mode from the flag, the config file, or a profile pattern; and a bad config file
// reported by key instead of crashing or being ignored.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { profileMatches, readOnlyReason } from "../../../source/settings/read-only.js";
import { SETTINGS_VOCABULARY } from "../../../source/app/settings-vocabulary.js";
import { loadSettings, settingsDirectory, type Settings } from "../../../source/settings/settings.js";

let home: string;
let configHome: string;
let file: string;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), "deckhand-settings-"));
  configHome = join(home, "xdg-config");
  file = join(configHome, "deckhand", "config.json");
});

afterEach(() => {
  rmSync(home, { recursive: true, force: true });
});

function write(text: string): void {
  mkdirSync(join(configHome, "deckhand"), { recursive: true });
  writeFileSync(file, text);
}

const load = () => loadSettings(SETTINGS_VOCABULARY, { XDG_CONFIG_HOME: configHome }, home);

describe("loadSettings", () => {
  it("uses $XDG_CONFIG_HOME/deckhand, else ~/.config/deckhand", () => {
    expect(settingsDirectory({ XDG_CONFIG_HOME: "/etc/xdg" }, "/home/alice")).toBe("/etc/xdg/deckhand");
    expect(settingsDirectory({}, "/home/alice")).toBe("/home/alice/.config/deckhand");
    expect(settingsDirectory({ XDG_CONFIG_HOME: "rel" }, "/home/alice")).toBe("/home/alice/.config/deckhand");
  });

  it("has defaults without a file, and creates nothing", async () => {
    expect(await load()).toEqual({
      ok: true,
      settings: { readOnly: false, readOnlyProfiles: [], path: file },
    });
    expect(existsSync(configHome)).toBe(false);
  });

  it("reads the file, filling in what it leaves out, without rewriting it", async () => {
    const text = '{ "readOnlyProfiles": ["prod*", "??-live"] }\n';
    write(text);
    expect(await load()).toEqual({
      ok: true,
      settings: { readOnly: false, readOnlyProfiles: ["prod*", "??-live"], path: file },
    });
    expect(readFileSync(file, "utf8")).toBe(text);
  });

  it.each([
    ['{"readOnly": "yes"}', "readOnly must be boolean"],
    ['{"readOnlyProfiles": "prod*"}', "readOnlyProfiles must be array"],
    ['{"readOnlyProfiles": ["prod*", 3]}', "readOnlyProfiles[1] must be string"],
    ['{"readOnlyProfiles": [""]}', "readOnlyProfiles[0] must NOT have fewer than 1 characters"],
    [
      '{"readOnly": 1, "readOnlyProfiles": [true]}',
      "readOnly must be boolean; readOnlyProfiles[0] must be string",
    ],
    ["[]", "the top level must be object"],
    [
      '{"readonly": true}',
      'unknown setting "readonly" (known: readOnly, readOnlyProfiles, shell, refreshSeconds, profile, region, logBufferLines, theme, keys)',
    ],
  ])("names the offending key in %s", async (text, problem) => {
    write(text);
    expect(await load()).toEqual({ ok: false, message: `${file}: ${problem}` });
  });

  it("says the file is not JSON", async () => {
    write('{ "readOnly": true, }');
    const result = await load();
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(new RegExp(`^${file} is not valid JSON: `));
  });
});

describe("readOnlyReason", () => {
  const settings = (overrides: Partial<Settings> = {}): Settings => ({
    readOnly: false,
    readOnlyProfiles: [],
    path: "/home/alice/.config/deckhand/config.json",
    ...overrides,
  });

  it("is undefined when nothing asks for read-only", () => {
    expect(readOnlyReason(settings({ readOnlyProfiles: ["prod*"] }), "staging", false)).toBeUndefined();
  });

  it("names the flag, the setting, or the matching pattern", () => {
    expect(readOnlyReason(settings(), "dev", true)).toBe("deckhand was started with --readonly");
    expect(readOnlyReason(settings({ readOnly: true }), "dev", false)).toBe(
      "readOnly is true in /home/alice/.config/deckhand/config.json",
    );
    expect(readOnlyReason(settings({ readOnlyProfiles: ["staging", "prod*"] }), "prod-eu", false)).toBe(
      'profile prod-eu matches "prod*" in readOnlyProfiles (/home/alice/.config/deckhand/config.json)',
    );
  });

  it("matches patterns against the SDK's default profile when none is given", () => {
    expect(readOnlyReason(settings({ readOnlyProfiles: ["default"] }), undefined, false)).toMatch(
      /profile default/,
    );
  });
});

describe("profileMatches", () => {
  it.each<[string, string, boolean]>([
    ["prod*", "prod", true],
    ["prod*", "prod-eu-west-1", true],
    ["prod*", "preprod", false],
    ["prod*", "Prod", false],
    ["*prod", "preprod", true],
    ["*", "anything", true],
    ["??-live", "eu-live", true],
    ["??-live", "eu1-live", false],
    ["a.b", "a.b", true],
    ["a.b", "axb", false],
    ["acct+1", "acct+1", true],
    ["(x)[y]", "(x)[y]", true],
    ["prod", "prod-eu", false],
  ])("%j vs %j → %s", (pattern, profile, expected) => {
    expect(profileMatches(pattern, profile)).toBe(expected);
  });
});
