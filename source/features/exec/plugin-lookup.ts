// Where session-manager-plugin lives, found the way a shell would find it (PATH, and PATHEXT on
// Windows), or how to install it on this OS. The plugin is a separate download from AWS; deckhand
// cannot ship it.
import { accessSync, constants, statSync } from "node:fs";
import path from "node:path";

export const PLUGIN_NAME = "session-manager-plugin";
export const PLUGIN_DOCS_URL =
  "https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager-working-with-install-plugin.html";

export type PluginLookup =
  { path: string; tooOld?: { version: string; hint: string } } | { missing: true; hint: string };

const DOWNLOADS = "https://s3.amazonaws.com/session-manager-downloads/plugin/latest";

export function findPlugin(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  arch: string = process.arch,
): PluginLookup {
  const windows = platform === "win32";
  const paths = pathVariable(env, windows);
  const names = windows ? windowsNames(env) : [PLUGIN_NAME];
  for (const directory of paths) {
    for (const name of names) {
      const candidate = path.join(directory, name);
      if (isRunnable(candidate, windows)) return { path: candidate };
    }
  }
  return { missing: true, hint: installHint(platform, arch) };
}

export function installHint(platform: NodeJS.Platform, arch: string = process.arch): string {
  return `${PLUGIN_NAME} is not on PATH; ECS Exec needs it. Install it: ${installCommand(platform, arch)} (${PLUGIN_DOCS_URL})`;
}

export function upgradeHint(platform: NodeJS.Platform, arch: string = process.arch): string {
  return `deckhand passes the session in AWS_SSM_START_SESSION_RESPONSE, which needs a newer plugin. Upgrade it: ${installCommand(platform, arch)} (${PLUGIN_DOCS_URL})`;
}

function installCommand(platform: NodeJS.Platform, arch: string): string {
  return (() => {
    switch (platform) {
      case "darwin":
        return "brew install --cask session-manager-plugin";
      case "win32":
        return `run the installer ${DOWNLOADS}/windows/SessionManagerPluginSetup.exe`;
      case "linux": {
        const arm = arch === "arm64";
        const deb = `${DOWNLOADS}/${arm ? "ubuntu_arm64" : "ubuntu_64bit"}/session-manager-plugin.deb`;
        const rpm = `${DOWNLOADS}/${arm ? "linux_arm64" : "linux_64bit"}/session-manager-plugin.rpm`;
        return (
          `Debian/Ubuntu: curl -fsSLo /tmp/session-manager-plugin.deb ${deb} && sudo dpkg -i /tmp/session-manager-plugin.deb; ` +
          `Amazon Linux/RHEL/Fedora: sudo yum install -y ${rpm}`
        );
      }
      default:
        return "install it for your OS";
    }
  })();
}

function pathVariable(env: NodeJS.ProcessEnv, windows: boolean): string[] {
  // Windows environment names are case-insensitive; a copied env may spell it "Path".
  const value = windows ? lookupInsensitive(env, "PATH") : env.PATH;
  const delimiter = windows ? ";" : ":";
  return (value ?? "").split(delimiter).filter((entry) => entry !== "");
}

function windowsNames(env: NodeJS.ProcessEnv): string[] {
  const extensions = (lookupInsensitive(env, "PATHEXT") ?? ".COM;.EXE;.BAT;.CMD")
    .split(";")
    .filter((extension) => extension !== "");
  return extensions.map((extension) => PLUGIN_NAME + extension.toLowerCase());
}

function lookupInsensitive(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const key = Object.keys(env).find((candidate) => candidate.toUpperCase() === name);
  return key === undefined ? undefined : env[key];
}

function isRunnable(candidate: string, windows: boolean): boolean {
  try {
    if (!statSync(candidate).isFile()) return false;
    if (!windows) accessSync(candidate, constants.X_OK);
    return true;
  } catch {
    // Not there or not executable: keep looking further along PATH, as a shell would.
    return false;
  }
}
