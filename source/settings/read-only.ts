// Whether actions are refused, and why in words the user can act on: the --readonly flag, the
// readOnly setting, or the profile matching one of the readOnlyProfiles patterns.
import { escapeRegex } from "../core/text/escape-regex.js";
import type { Settings } from "./settings.js";

/** `profile` is the AWS profile in use (undefined: the SDK's "default"); `flag` is --readonly. */
export function readOnlyReason(
  settings: Settings,
  profile: string | undefined,
  flag: boolean,
): string | undefined {
  if (flag) return "deckhand was started with --readonly";
  if (settings.readOnly) return `readOnly is true in ${settings.path}`;
  const name = profile ?? "default";
  const pattern = settings.readOnlyProfiles.find((p) => profileMatches(p, name));
  if (pattern !== undefined) {
    return `profile ${name} matches "${pattern}" in readOnlyProfiles (${settings.path})`;
  }
  return undefined;
}

/** Glob match over the whole name: `*` is any run of characters, `?` exactly one; case-sensitive. */
export function profileMatches(pattern: string, profile: string): boolean {
  const source = [...pattern].map((c) => (c === "*" ? ".*" : c === "?" ? "." : escapeRegex(c))).join("");
  return new RegExp(`^${source}$`, "s").test(profile);
}
