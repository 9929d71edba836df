import { loadSharedConfigFiles } from "@smithy/core/config";
import type { SharedConfigFiles } from "@smithy/types";

export class ProfileError extends Error {}

/**
 * Checks what can be checked before the full screen opens: the named profile exists (the AWS CLI
 * fails the same way) and some region is set. Returns the region, or undefined when none is found.
 */
export async function checkProfileAndRegion(
  profile: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<string | undefined> {
  const files = await loadSharedConfigFiles({ ignoreCache: true });
  if (profile) assertProfileExists(profile, files);
  const fromEnv = env.AWS_REGION || env.AWS_DEFAULT_REGION;
  return fromEnv || files.configFile[profile ?? "default"]?.region || undefined;
}

function assertProfileExists(profile: string, files: SharedConfigFiles): void {
  const known = new Set([...Object.keys(files.configFile), ...Object.keys(files.credentialsFile)]);
  if (known.has(profile)) return;
  // Sections such as "sso-session.x" are not profiles.
  const names = [...known].filter((name) => !name.includes(".")).sort();
  const list = names.length > 0 ? ` (known profiles: ${names.join(", ")})` : " (no profiles are configured)";
  throw new ProfileError(`unknown AWS profile "${profile}"${list}`);
}
