// List pagination the AWS way: a bounded page size, and an opaque token that only means something
// for the request it came from (its scope: the operation and its filters). A list's tokens carry
// the sort key of the last item returned, so resuming is a binary search on the ordered list, not a
// scan from the start. Every service pages this way; each names its own members (maxResults,
// MaxResults, PageSize, Marker) and answers a bad size or token in its own words, ECS's by default.
import { createHash } from "node:crypto";
import { invalidParameter, type SimError } from "./protocol.js";

export interface PageRequest {
  maxResults: number;
  /** Sort key after which to resume; -Infinity for the first page (keys may be negative). */
  after: number;
}

export interface PageLimits {
  defaultSize: number;
  max: number;
  /** The answer to a page size outside [1, max]. */
  badSize?: (size: number, max: number) => SimError;
  /** The answer to a token that this request did not issue. */
  badToken?: () => SimError;
}

const invalidMaxResults = (_size: number, max: number): SimError =>
  invalidParameter(`maxResults must be between 1 and ${max}.`);
/** ECS's and CloudWatch Logs' answer to a token they did not issue. */
export const invalidNextToken = (): SimError => invalidParameter("The specified nextToken is invalid.");

export function pageRequest(
  maxResults: number | undefined,
  nextToken: string | undefined,
  scope: string,
  limits: PageLimits,
): PageRequest {
  if (maxResults !== undefined && (maxResults < 1 || maxResults > limits.max)) {
    throw (limits.badSize ?? invalidMaxResults)(maxResults, limits.max);
  }
  const badToken = limits.badToken ?? invalidNextToken;
  let after = Number.NEGATIVE_INFINITY;
  if (nextToken !== undefined) {
    const key = decodeOpaqueToken(nextToken, scope, badToken);
    if (typeof key !== "number" || !Number.isInteger(key)) throw badToken();
    after = key;
  }
  return { maxResults: maxResults ?? limits.defaultSize, after };
}

/** An opaque token carrying `payload`, valid only for requests with the same `scope`. */
export function encodeOpaqueToken(scope: string, payload: unknown): string {
  return Buffer.from(JSON.stringify({ s: scopeHash(scope), p: payload })).toString("base64url");
}

/** The payload of a token issued for `scope`, or `badToken`'s error for any other token. */
export function decodeOpaqueToken(token: string, scope: string, badToken = invalidNextToken): unknown {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    if (typeof parsed === "object" && parsed !== null) {
      const { s, p } = parsed as { s?: unknown; p?: unknown };
      if (s === scopeHash(scope) && p !== undefined) return p;
    }
  } catch {
    // Not JSON: the same answer as a token for another request.
  }
  throw badToken();
}

/** A token resuming after the item with sort key `after`. */
export function encodeToken(scope: string, after: number): string {
  return encodeOpaqueToken(scope, after);
}

function scopeHash(scope: string): string {
  return createHash("sha1").update(scope).digest("base64url").slice(0, 16);
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

/** One page of a list whose order does not change between calls, each item keyed by its position. */
export function paginateByPosition<T>(
  items: readonly T[],
  page: PageRequest,
  scope: string,
): { items: T[]; nextToken: string | undefined } {
  const start = Math.max(0, page.after + 1);
  const end = start + page.maxResults;
  return {
    items: items.slice(start, end),
    nextToken: end < items.length ? encodeToken(scope, end - 1) : undefined,
  };
}
