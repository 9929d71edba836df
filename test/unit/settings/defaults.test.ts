// The config file's defaults for flags (refresh, profile, region, log buffer) and its theme: read,
// validated by key, outranked by the flags and by the AWS environment variables.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseOptions } from "../../../source/app/options.js";
import { SETTINGS_VOCABULARY } from "../../../source/app/settings-vocabulary.js";
import { flagDefaults, loadSettings } from "../../../source/settings/settings.js";
import { applyTheme, JSON_COLOR, SOURCE_COLORS, theme, TONE_COLOR } from "../../../source/ui/theme.js";

let home: string;
let file: string;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), "deckhand-settings-"));
  file = join(home, "deckhand", "config.json");
  mkdirSync(join(home, "deckhand"), { recursive: true });
});

afterEach(() => {
  rmSync(home, { recursive: true, force: true });
  applyTheme("terminal", {});
});

async function load(settings: Record<string, unknown>) {
  writeFileSync(file, JSON.stringify(settings));
  return loadSettings(SETTINGS_VOCABULARY, { XDG_CONFIG_HOME: home }, home);
}

const run = (argv: string[], defaults: Parameters<typeof parseOptions>[1]) => {
  const parsed = parseOptions(argv, defaults);
  if (parsed.command !== "run") throw new Error(JSON.stringify(parsed));
  return parsed.options;
};

describe("flag defaults from the config file", () => {
  it("reads them, and the flags win", async () => {
    const loaded = await load({
      refreshSeconds: 2,
      profile: "ops",
      region: "eu-west-1",
      logBufferLines: 5000,
    });
    if (!loaded.ok) throw new Error(loaded.message);
    const defaults = flagDefaults(loaded.settings, {});
    expect(run([], defaults)).toMatchObject({
      refreshMs: 2000,
      profile: "ops",
      region: "eu-west-1",
      logBufferLines: 5000,
    });
    expect(
      run(["--refresh", "10", "--profile", "dev", "--region", "us-west-2", "--log-buffer", "2000"], defaults),
    ).toMatchObject({ refreshMs: 10_000, profile: "dev", region: "us-west-2", logBufferLines: 2000 });
  });

  it("AWS_PROFILE and AWS_REGION / AWS_DEFAULT_REGION outrank the file", () => {
    const settings = { readOnly: false, readOnlyProfiles: [], profile: "ops", region: "eu-west-1" };
    expect(flagDefaults(settings, { AWS_PROFILE: "dev" })).toMatchObject({
      profile: undefined,
      region: "eu-west-1",
    });
    expect(flagDefaults(settings, { AWS_REGION: "us-west-2" })).toMatchObject({
      profile: "ops",
      region: undefined,
    });
    expect(flagDefaults(settings, { AWS_DEFAULT_REGION: "us-west-2" })).toMatchObject({ region: undefined });
  });

  it("--demo keeps the simulated account whatever the file's profile and region", () => {
    expect(run(["--demo"], { profile: "ops", region: "eu-west-1" })).toMatchObject({
      demo: true,
      profile: undefined,
      region: undefined,
    });
  });

  it.each([
    [{ refreshSeconds: 0 }, "refreshSeconds must be >= 1"],
    [{ refreshSeconds: "5" }, "refreshSeconds must be number"],
    [{ logBufferLines: 10 }, "logBufferLines must be >= 1000"],
    [{ logBufferLines: 1500.5 }, "logBufferLines must be integer"],
    [{ region: "mars" }, 'region must match pattern "^[a-z]{2,4}(-[a-z]+)+-\\d+$"'],
    [{ profile: "" }, "profile must NOT have fewer than 1 characters"],
    [{ theme: "dark" }, "theme must be one of terminal, light"],
  ])("names the offending key in %j", async (settings, problem) => {
    expect(await load(settings)).toEqual({ ok: false, message: `${file}: ${problem}` });
  });
});

describe("the vocabulary settings are checked against", () => {
  it("comes from the caller: the themes it names, and its check of the keys", async () => {
    writeFileSync(file, JSON.stringify({ theme: "solar", keys: { shell: ["S"] } }));
    const vocabulary = { themes: ["solar"], keysProblem: () => "shell: taken" };
    expect(await loadSettings(vocabulary, { XDG_CONFIG_HOME: home }, home)).toEqual({
      ok: false,
      message: `${file}: keys: shell: taken`,
    });
    writeFileSync(file, JSON.stringify({ theme: "light" }));
    expect(await loadSettings(vocabulary, { XDG_CONFIG_HOME: home }, home)).toEqual({
      ok: false,
      message: `${file}: theme must be one of solar`,
    });
  });

  it("the session's: the UI's themes and the table's key bindings", async () => {
    expect(await load({ theme: "light", keys: { shell: ["!"] } })).toMatchObject({ ok: true });
    expect(await load({ keys: { shell: ["j"] } })).toEqual({
      ok: false,
      message: `${file}: keys: "j" would mean both shell and down in containers, tasks`,
    });
  });
});

describe("applyTheme", () => {
  it("terminal: the terminal's named colours", () => {
    applyTheme("terminal", {});
    expect(theme.border).toBe("cyan");
    expect(TONE_COLOR.bad).toBe("red");
    expect(SOURCE_COLORS.length).toBeGreaterThan(3);
  });

  it("light: no bright or cyan shades, which vanish on a light background", () => {
    applyTheme("light", {});
    const colours = [
      ...Object.values(theme),
      ...Object.values(TONE_COLOR),
      ...SOURCE_COLORS,
      ...Object.values(JSON_COLOR),
    ];
    expect(colours.filter((colour) => /Bright$|^cyan$|^white$/.test(colour ?? ""))).toEqual(
      // White text on the blue breadcrumb and the red read-only badge is the one exception.
      ["white", "white"],
    );
    expect(theme.border).toBe("blue");
  });

  it("NO_COLOR leaves every colour out, whatever the theme", () => {
    applyTheme("light", { NO_COLOR: "1" });
    expect(Object.values(theme).every((colour) => colour === undefined)).toBe(true);
    expect(Object.values(TONE_COLOR).every((colour) => colour === undefined)).toBe(true);
    expect(SOURCE_COLORS).toEqual([]);
    expect(Object.values(JSON_COLOR).every((colour) => colour === undefined)).toBe(true);
    applyTheme("terminal", { NO_COLOR: "" });
    expect(theme.border).toBe("cyan");
  });
});
