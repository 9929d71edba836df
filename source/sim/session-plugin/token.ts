// The simulator's session token: readable base64url JSON instead of an opaque AWS token, so the
// simulated plugin can play the agent's side of a session without any server. ExecuteCommand and
// SSM StartSession in the simulator make it; dist/sim-session-plugin.js reads it.

export interface SimSessionToken {
  sim: "deckhand";
  kind: "exec" | "port";
  /** The SSM target, `ecs:<cluster>_<taskId>_<runtimeId>`. */
  target: string;
  /** exec: the command ExecuteCommand was asked to run. */
  command?: string;
  /** The container the session is in, when known. */
  container?: string;
  /** port: what StartSession was asked for, the same as the document's Parameters. */
  portNumber?: number;
  localPortNumber?: number;
  host?: string;
}

export function encodeSimToken(token: Omit<SimSessionToken, "sim">): string {
  return Buffer.from(JSON.stringify({ sim: "deckhand", ...token }), "utf8").toString("base64url");
}

/** The token's contents, or undefined when it is not one the simulator made. */
export function decodeSimToken(tokenValue: string): SimSessionToken | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(tokenValue, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  if (typeof parsed !== "object" || parsed === null) return undefined;
  const token = parsed as Partial<SimSessionToken>;
  if (token.sim !== "deckhand" || (token.kind !== "exec" && token.kind !== "port")) return undefined;
  if (typeof token.target !== "string") return undefined;
  return token as SimSessionToken;
}
