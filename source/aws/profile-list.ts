// The profiles of the AWS config and credentials files, as `:profile` lists them: each with how it
// gets credentials (the same keys the SDK's credential chain looks at) and its region.
import { loadSharedConfigFiles } from "@smithy/core/config";
import type { ParsedIniData } from "@smithy/types";

export type AuthStyle = "SSO" | "assume role" | "process" | "web identity" | "static" | "none";

export interface ProfileInfo {
  name: string;
  auth: AuthStyle;
  region?: string;
}

export async function listProfiles(): Promise<ProfileInfo[]> {
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ ignoreCache: true });
  return profilesOf(configFile, credentialsFile);
}

export function profilesOf(config: ParsedIniData, credentials: ParsedIniData): ProfileInfo[] {
  // Sections such as "sso-session.x" or "services.y" are not profiles.
  const names = new Set(
    [...Object.keys(config), ...Object.keys(credentials)].filter((name) => !name.includes(".")),
  );
  return [...names].sort().map((name) => {
    const section = { ...credentials[name], ...config[name] };
    const region = section.region;
    return { name, auth: authStyle(section), ...(region ? { region } : {}) };
  });
}

function authStyle(section: Record<string, string | undefined>): AuthStyle {
  if (section.sso_session || section.sso_start_url) return "SSO";
  if (section.role_arn) return section.web_identity_token_file ? "web identity" : "assume role";
  if (section.credential_process) return "process";
  if (section.aws_access_key_id) return "static";
  return "none";
}
