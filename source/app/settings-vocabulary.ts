// What the config file's theme and keys are checked against: the UI's themes and the table's key
// bindings, handed to loadSettings so that settings need not know the UI or the keymaps.
import { keyOverridesProblem } from "../input/key-overrides.js";
import { TABLE_KEYMAP } from "../input/table-keys.js";
import type { SettingsVocabulary } from "../settings/settings.js";
import { THEMES } from "../ui/theme.js";

export const SETTINGS_VOCABULARY: SettingsVocabulary = {
  themes: THEMES,
  keysProblem: (keys) => keyOverridesProblem(TABLE_KEYMAP.bindings, keys),
};
