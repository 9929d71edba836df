// Who is at the keyboard, for the StopTask reason that ECS shows next to the stopped task.
import { userInfo } from "node:os";

const MAX_REASON = 255; // StopTask: "Up to 255 characters are allowed in this message."

export function localUserName(
  info: () => { username: string } = userInfo,
  env: NodeJS.ProcessEnv = process.env,
): string {
  try {
    const name = info().username;
    if (name) return name;
  } catch {
    // A uid with no passwd entry (common in containers) makes userInfo throw; the env may still know.
  }
  return env.USER || env.LOGNAME || env.USERNAME || "unknown user";
}

export function stopReason(user: string): string {
  return `Stopped by deckhand (${user})`.slice(0, MAX_REASON);
}
