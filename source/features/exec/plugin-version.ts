// `session-manager-plugin --version`. deckhand hands the session over in the
// AWS_SSM_START_SESSION_RESPONSE environment variable, never on the command line; the plugin reads
// it from there only above version 1.2.497.0 (the AWS CLI makes the same test). An older plugin
// would take the variable's name for the session and fail, so it is refused up front.
import { execFile } from "node:child_process";

export const NEWEST_TOO_OLD = "1.2.497.0";
const VERSION_TIMEOUT_MS = 5_000;

/** Versions that were new enough, by command line: asked once. A too-old one is asked again (upgraded?). */
const known = new Map<string, string>();

/** The plugin's version, or undefined when it does not say (then the session start will tell). */
export async function pluginVersion(
  command: string,
  leadingArgs: readonly string[] = [],
): Promise<string | undefined> {
  const key = [command, ...leadingArgs].join("\0");
  const cached = known.get(key);
  if (cached) return cached;
  const version = await new Promise<string | undefined>((resolve) => {
    execFile(command, [...leadingArgs, "--version"], { timeout: VERSION_TIMEOUT_MS }, (error, stdout) => {
      const match = /\d+(\.\d+)+/.exec(String(stdout));
      resolve(error || !match ? undefined : match[0]);
    });
  });
  if (version && !isTooOld(version)) known.set(key, version);
  return version;
}

/** True for versions that cannot read the session from the environment (1.2.497.0 and older). */
export function isTooOld(version: string): boolean {
  return compareVersions(version, NEWEST_TOO_OLD) <= 0;
}

function compareVersions(a: string, b: string): number {
  const left = a.split(".").map(Number);
  const right = b.split(".").map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}
