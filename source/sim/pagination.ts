// List pagination the AWS way: maxResults bounded, an opaque nextToken that only means something
// for the request it came from. Tokens carry the sort key of the last item returned, so resuming
// is a binary search on the ordered list, not a scan from the start.
import { createHash } from "node:crypto";
import { invalidParameter } from "./protocol.js";

export interface PageRequest {
  maxResults: number;
  /** Sort key after which to resume; -1 for the first page. */
  after: number;
}

export function pageRequest(
  maxResults: number | undefined,
  nextToken: string | undefined,
  scope: string,
  limits: { defaultSize: number; max: number },
): PageRequest {
  if (maxResults !== undefined && (maxResults < 1 || maxResults > limits.max)) {
    throw invalidParameter(`maxResults must be between 1 and ${limits.max}.`);
  }
  return {
    maxResults: maxResults ?? limits.defaultSize,
    after: nextToken === undefined ? -1 : decodeToken(nextToken, scope),
  };
}

export function encodeToken(scope: string, after: number): string {
  return Buffer.from(JSON.stringify({ s: scopeHash(scope), a: after })).toString("base64url");
}

function decodeToken(token: string, scope: string): number {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    if (typeof parsed === "object" && parsed !== null) {
      const { s, a } = parsed as { s?: unknown; a?: unknown };
      if (s === scopeHash(scope) && typeof a === "number" && Number.isInteger(a)) return a;
    }
  } catch {
    // Falls through to the same answer as a token for another request.
  }
  throw invalidParameter("The specified nextToken is invalid.");
}

function scopeHash(scope: string): string {
  return createHash("sha1").update(scope).digest("base64url").slice(0, 12);
}

/** Index of the first item whose key is greater than `after`, in a list sorted by key. */
export function indexAfter<T>(items: readonly T[], key: (item: T) => number, after: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (key(items[mid] as T) <= after) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * One page of the items matching `include`, resuming after the token's key, with a nextToken only
 * when another matching item exists.
 */
export function paginate<T>(
  items: readonly T[],
  key: (item: T) => number,
  include: (item: T) => boolean,
  page: PageRequest,
  scope: string,
): { items: T[]; nextToken: string | undefined } {
  const out: T[] = [];
  for (let i = indexAfter(items, key, page.after); i < items.length; i++) {
    const item = items[i] as T;
    if (!include(item)) continue;
    if (out.length === page.maxResults) {
      const last = out[out.length - 1] as T;
      return { items: out, nextToken: encodeToken(scope, key(last)) };
    }
    out.push(item);
  }
  return { items: out, nextToken: undefined };
}
