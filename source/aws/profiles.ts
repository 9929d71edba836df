import { loadSharedConfigFiles } from "@smithy/core/config";

export class ProfileError extends Error {}

/** Fails like the AWS CLI does when a named profile is in neither ~/.aws/config nor ~/.aws/credentials. */
export async function assertProfileExists(profile: string): Promise<void> {
  const files = await loadSharedConfigFiles({ ignoreCache: true });
  const known = new Set([...Object.keys(files.configFile), ...Object.keys(files.credentialsFile)]);
  if (known.has(profile)) return;
  // Sections such as "sso-session.x" are not profiles.
  const names = [...known].filter((name) => !name.includes(".")).sort();
  const list = names.length > 0 ? ` (known profiles: ${names.join(", ")})` : " (no profiles are configured)";
  throw new ProfileError(`unknown AWS profile "${profile}"${list}`);
}
