// The profile and region last switched to with :profile / :region, kept in the state directory so
// that the next start opens there (flags and AWS_PROFILE / AWS_REGION still win).
import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { REGION_PATTERN } from "./flag-limits.js";
import { stateDirectory } from "./state-directory.js";

export interface LastAccount {
  profile?: string;
  region?: string;
}

function path(env: NodeJS.ProcessEnv): string {
  return join(stateDirectory(env), "last-account.json");
}

/** What was remembered; nothing when there is no file or it is not what deckhand wrote. */
export function readLastAccount(env: NodeJS.ProcessEnv = process.env): LastAccount {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path(env), "utf8"));
  } catch {
    return {};
  }
  if (typeof data !== "object" || data === null) return {};
  const { profile, region } = data as Record<string, unknown>;
  return {
    ...(typeof profile === "string" && profile ? { profile } : {}),
    ...(typeof region === "string" && new RegExp(REGION_PATTERN).test(region) ? { region } : {}),
  };
}

export async function rememberAccount(
  account: LastAccount,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const file = path(env);
  await mkdir(stateDirectory(env), { recursive: true, mode: 0o700 });
  await writeFile(file, `${JSON.stringify(account)}\n`, { mode: 0o600 });
}
