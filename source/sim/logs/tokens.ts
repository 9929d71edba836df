// Page tokens. GetLogEvents tokens look like AWS's ("f/" or "b/" and 56 digits: the stream, then
// the position of a line); the others are opaque and only valid for the request they came from.
import { createHash } from "node:crypto";
import { invalidParameter } from "../protocol.js";
import { hashSeed } from "../random.js";
import { MAX_IDX, type LineKey } from "./stream-lines.js";

export type Direction = "f" | "b";

const invalidToken = () => invalidParameter("The specified nextToken is invalid.");

export function encodeStreamToken(direction: Direction, streamKey: string, position: LineKey): string {
  const stream = String(hashSeed(0, streamKey)).padStart(10, "0");
  const digits = `${stream}${String(position.t).padStart(16, "0")}${String(position.idx).padStart(10, "0")}`;
  return `${direction}/${digits.padEnd(56, "0")}`;
}

export function decodeStreamToken(
  token: string,
  streamKey: string,
): { direction: Direction; position: LineKey } {
  const match = /^([fb])\/(\d{10})(\d{16})(\d{10})0{20}$/.exec(token);
  if (match === null || match[2] !== String(hashSeed(0, streamKey)).padStart(10, "0")) throw invalidToken();
  const idx = Number(match[4]);
  if (idx > MAX_IDX) throw invalidToken();
  return { direction: match[1] as Direction, position: { t: Number(match[3]), idx } };
}

/** An opaque token carrying `payload`, valid only for requests with the same `scope`. */
export function encodeOpaqueToken(scope: string, payload: unknown): string {
  return Buffer.from(JSON.stringify({ s: scopeHash(scope), p: payload })).toString("base64url");
}

export function decodeOpaqueToken(token: string, scope: string): unknown {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    if (typeof parsed === "object" && parsed !== null) {
      const { s, p } = parsed as { s?: unknown; p?: unknown };
      if (s === scopeHash(scope) && p !== undefined) return p;
    }
  } catch {
    // Not ours: the same answer as a token for another request.
  }
  throw invalidToken();
}

function scopeHash(scope: string): string {
  return createHash("sha1").update(scope).digest("base64url").slice(0, 16);
}
