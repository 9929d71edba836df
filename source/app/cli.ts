// Entry point: flags, --help/--version and the checks that can fail cheaply happen before Ink or
// the AWS SDK are loaded. Bad input exits with code 2 and one line on stderr.
import { parseOptions, simPluginFromEnv, USAGE } from "./options.js";
import { TABLE_KEYMAP } from "../input/table-keys.js";
import { applyTheme, type ThemeName } from "../ui/theme.js";
import { SETTINGS_VOCABULARY } from "./settings-vocabulary.js";

declare const DECKHAND_VERSION: string;

function usageError(message: string): never {
  process.stderr.write(`deckhand: ${message}\n`);
  process.exit(2);
}

if (process.argv[2] === "completion") {
  const { runCompletion } = await import("./completion.js");
  process.exit(await runCompletion(process.argv.slice(3)));
}

const parsed = parseOptions(process.argv.slice(2));
if (parsed.command === "help") {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (parsed.command === "version") {
  process.stdout.write(`${typeof DECKHAND_VERSION === "string" ? DECKHAND_VERSION : "dev"}\n`);
  process.exit(0);
}
if (parsed.command === "error") usageError(`${parsed.message} (see deckhand --help)`);

if (!process.stdout.isTTY || !process.stdin.isTTY) {
  usageError("needs an interactive terminal: stdin and stdout must be a TTY");
}
const options = await (async () => {
  // A config file that cannot be read must stop start-up: ignoring it could drop a read-only setting.
  const { flagDefaults, loadSettings } = await import("../settings/settings.js");
  const { readLastAccount } = await import("../settings/last-account.js");
  const loaded = await loadSettings(SETTINGS_VOCABULARY, process.env);
  if (!loaded.ok) usageError(loaded.message);
  // Parsed again with the file's defaults for the flags not passed; the flags were valid above.
  const withDefaults = parseOptions(
    process.argv.slice(2),
    flagDefaults(loaded.settings, process.env, readLastAccount(process.env)),
  );
  if (withDefaults.command !== "run") throw new Error("flags that parsed once must parse again");
  // Checked against THEMES when the file was read.
  applyTheme(loaded.settings.theme as ThemeName | undefined, process.env);
  return { ...withDefaults.options, settings: loaded.settings };
})();
// The config file's "keys" were checked when it was read: the session's keymap.
const keymap = TABLE_KEYMAP.withKeys(options.settings.keys ?? {});
if (options.demo) {
  const plugin = simPluginFromEnv(process.env);
  if (!plugin.ok) usageError(plugin.message);
  const { simOptionsFromEnv } = await import("../sim/options.js");
  try {
    simOptionsFromEnv(process.env);
  } catch (error) {
    usageError((error as Error).message);
  }
} else {
  const { checkProfileAndRegion, ProfileError } = await import("../aws/profiles.js");
  try {
    const profile = options.profile ?? (process.env.AWS_PROFILE || undefined);
    const configuredRegion = await checkProfileAndRegion(profile, process.env);
    if (!options.region && !configuredRegion) {
      usageError(
        "no AWS region: pass --region, set AWS_REGION, or set region in your AWS profile (or try --demo)",
      );
    }
  } catch (error) {
    if (!(error instanceof ProfileError)) throw error;
    // Not typed in this time: it came from the last :profile switch or the config file.
    const remembered = parsed.options.profile === undefined && !process.env.AWS_PROFILE;
    usageError(
      remembered
        ? `${error.message}, from the last :profile switch or the config file's "profile": pass --profile`
        : error.message,
    );
  }
}

// The SDK warns about Node 20 on stderr, which would tear the full-screen frame.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
// Start loading the data layer now, so that its files are read while Ink loads.
const accountModule = import("./open-account.js");
if (options.demo) void import("../sim/index.js");
const { runTui } = await import("./tui.js");
await runTui(options, accountModule, keymap);
