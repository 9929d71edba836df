// GetLogEvents tokens, which look like AWS's: "f/" or "b/" and 56 digits, the stream, then the
// position of a line. The other Logs operations page with pagination.ts's opaque tokens.
import { invalidNextToken } from "../pagination.js";
import { hashSeed } from "../random.js";
import { MAX_IDX, type LineKey } from "./stream-lines.js";

export type Direction = "f" | "b";

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
  if (match === null || match[2] !== String(hashSeed(0, streamKey)).padStart(10, "0"))
    throw invalidNextToken();
  const idx = Number(match[4]);
  if (idx > MAX_IDX) throw invalidNextToken();
  return { direction: match[1] as Direction, position: { t: Number(match[3]), idx } };
}
