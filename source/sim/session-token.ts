// The tokenValue of a simulated session. A real token is opaque; ours is readable on purpose:
// base64url JSON that says what the session runs and where, so the simulated session-manager-plugin
// can play the agent's part (run the command, forward the port) with nothing but what deckhand
// hands it.

export interface SimSessionToken {
  sim: "deckhand";
  kind: "exec" | "port";
  /** `ecs:<cluster>_<taskId>_<runtimeId>` */
  target: string;
  /** exec: the command ExecuteCommand was asked to run. */
  command?: string;
  /** port: the SSM document and its parameters (portNumber, localPortNumber, host). */
  document?: string;
  parameters?: Record<string, string[]>;
  /** The container's operating system: "/bin/sh" is no shell on Windows. */
  os: "linux" | "windows";
}

export function encodeSessionToken(token: SimSessionToken): string {
  return Buffer.from(JSON.stringify(token), "utf8").toString("base64url");
}

/** The token's contents, or undefined when it is not one the simulator made. */
export function decodeSessionToken(tokenValue: string): SimSessionToken | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(tokenValue, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  if (typeof parsed !== "object" || parsed === null) return undefined;
  const token = parsed as Partial<SimSessionToken>;
  const known =
    token.sim === "deckhand" &&
    (token.kind === "exec" || token.kind === "port") &&
    typeof token.target === "string";
  return known ? (token as SimSessionToken) : undefined;
}
