// Opening a URL in the user's browser: $BROWSER when set, else the desktop's opener (open on macOS,
// start on Windows, xdg-open where a display is set). Over SSH or on a bare console there is
// none, and the caller shows the URL instead.
import { spawn } from "node:child_process";

export function openInBrowser(
  url: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): boolean {
  const command = browserCommand(env, platform);
  if (!command) return false;
  const [program, ...args] = command;
  // Detached and silent: the browser must neither die with deckhand nor write into the frame.
  const child = spawn(program!, [...args, url], { detached: true, stdio: "ignore" });
  child.on("error", () => {});
  child.unref();
  return true;
}

function browserCommand(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] | undefined {
  if (env.BROWSER) return [env.BROWSER];
  if (platform === "darwin") return ["open"];
  if (platform === "win32") return ["cmd", "/c", "start", '""'];
  return env.DISPLAY || env.WAYLAND_DISPLAY ? ["xdg-open"] : undefined;
}
