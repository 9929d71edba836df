// User settings from $XDG_CONFIG_HOME/deckhand/config.json (or ~/.config/deckhand/config.json),
// read through conf and checked against a schema. A bad file is reported, naming the key, instead
// of being ignored: silently dropping a read-only setting would be worse than not starting.
import type { Schema } from "conf";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";
import {
  MIN_LOG_BUFFER_LINES,
  MIN_REFRESH_SECONDS,
  REGION_PATTERN,
  type FlagDefaults,
} from "./flag-limits.js";
import type { LastAccount } from "./last-account.js";
import { shellProblem } from "./shell.js";

export interface StoredSettings {
  /** Refuse every action, in every profile. */
  readOnly: boolean;
  /** AWS profile name patterns (`*` any characters, `?` one) in which every action is refused. */
  readOnlyProfiles: string[];
  /** The command an exec shell runs (default: /bin/sh, or powershell.exe on Windows containers). */
  shell?: string;
  /** Defaults for --refresh, --profile, --region and --log-buffer; the flags win. */
  refreshSeconds?: number;
  profile?: string;
  region?: string;
  logBufferLines?: number;
  /** "terminal": the terminal's own palette (default); "light": for light backgrounds. */
  theme?: string;
  /** Keys by action, replacing the defaults; [] unbinds. */
  keys?: Record<string, string[]>;
}

/**
 * What the file's theme and keys are checked against, handed in by whoever loads the settings
 * (the session knows the themes and the key bindings; settings know neither).
 */
export interface SettingsVocabulary {
  themes: readonly string[];
  /** What is wrong with the file's "keys", or undefined when they can be applied. */
  keysProblem: (keys: Record<string, string[]>) => string | undefined;
}

export interface Settings extends StoredSettings {
  /** The file the settings come from; it need not exist. */
  path: string;
}

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; message: string };

const defaults = (): StoredSettings => ({ readOnly: false, readOnlyProfiles: [] });

function schemaFor(themes: readonly string[]): Schema<StoredSettings> {
  return {
    readOnly: { type: "boolean" },
    readOnlyProfiles: { type: "array", items: { type: "string", minLength: 1 } },
    shell: { type: "string" },
    refreshSeconds: { type: "number", minimum: MIN_REFRESH_SECONDS },
    profile: { type: "string", minLength: 1 },
    region: { type: "string", pattern: REGION_PATTERN },
    logBufferLines: { type: "integer", minimum: MIN_LOG_BUFFER_LINES },
    theme: { type: "string", enum: [...themes] },
    keys: {
      type: "object",
      additionalProperties: { type: "array", items: { type: "string", minLength: 1 } },
    },
  };
}

const KNOWN = Object.keys(schemaFor([])) as readonly (keyof StoredSettings)[];

/**
 * The defaults for flags: the profile and region last switched to, else the config file's. The
 * AWS variables outrank both, as they outrank a profile's own region: they are set for this shell.
 */
export function flagDefaults(
  settings: StoredSettings,
  env: NodeJS.ProcessEnv,
  last: LastAccount = {},
): FlagDefaults {
  const { refreshSeconds, logBufferLines } = settings;
  return {
    refreshSeconds,
    logBufferLines,
    profile: env.AWS_PROFILE ? undefined : (last.profile ?? settings.profile),
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION ? undefined : (last.region ?? settings.region),
  };
}

/** The same place on every OS, like the action log's state directory. */
export function settingsDirectory(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  // The XDG spec says to ignore a relative path.
  const config =
    env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(home, ".config");
  return join(config, "deckhand");
}

export async function loadSettings(
  vocabulary: SettingsVocabulary,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): Promise<SettingsResult> {
  const cwd = settingsDirectory(env, home);
  const path = join(cwd, "config.json");
  // Reading must not write: given no file, conf creates the directory, and with schema defaults
  // it writes them into the user's file. So: no file, no conf; and defaults are applied here.
  // Without a file, start-up also skips loading conf and compiling its schema (~100 ms).
  if (!existsSync(path)) return { ok: true, settings: { ...defaults(), path } };
  const { default: Conf } = await import("conf");
  const schema = schemaFor(vocabulary.themes);
  let stored: Partial<StoredSettings>;
  try {
    stored = new Conf<StoredSettings>({
      cwd,
      schema,
      // Without the JSON Schema meta-schema (which only checks our own constant schema), Ajv
      // starts in ~2 ms instead of ~100 ms.
      ajvOptions: { useDefaults: false, meta: false, validateSchema: false },
    }).store;
  } catch (error) {
    return { ok: false, message: explain(path, error, schema) };
  }
  const unknown = Object.keys(stored).filter((key) => !(KNOWN as readonly string[]).includes(key));
  if (unknown.length > 0) {
    return {
      ok: false,
      message: `${path}: unknown setting ${unknown.map((k) => `"${k}"`).join(", ")} (known: ${KNOWN.join(", ")})`,
    };
  }
  const shell = stored.shell === undefined ? undefined : shellProblem(stored.shell);
  if (shell !== undefined) return { ok: false, message: `${path}: shell ${shell}` };
  const keys = stored.keys && vocabulary.keysProblem(stored.keys);
  if (keys) return { ok: false, message: `${path}: keys: ${keys}` };
  return { ok: true, settings: { ...defaults(), ...stored, path } };
}

const SCHEMA_VIOLATION = "Config schema violation: ";

function explain(path: string, error: unknown, schema: Schema<StoredSettings>): string {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof SyntaxError) return `${path} is not valid JSON: ${message}`;
  if (message.startsWith(SCHEMA_VIOLATION)) {
    // conf lists each problem as "`readOnlyProfiles/0` must be string".
    const problems = message
      .slice(SCHEMA_VIOLATION.length)
      .replace(/`([^`]*)`/g, (_, pointer: string) => (pointer === "" ? "the top level" : keyPath(pointer)))
      .replace(/(\w+) must be equal to one of the allowed values/g, (_, key: string) => {
        const allowed = (schema[key as keyof StoredSettings] as { enum?: string[] } | undefined)?.enum;
        return `${key} must be one of ${allowed?.join(", ") ?? "the allowed values"}`;
      });
    return `${path}: ${problems}`;
  }
  return `cannot read ${path}: ${message}`;
}

/** JSON pointer "readOnlyProfiles/0" → "readOnlyProfiles[0]". */
function keyPath(pointer: string): string {
  return pointer
    .split("/")
    .map((part, i) => (/^\d+$/.test(part) ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join("");
}
