// StartLiveTail: checks the request as CloudWatch does (1-10 log group ARNs; stream names or
// prefixes, not both, only with one group; at most 15 sessions at once), then answers with an
// event stream. The liveTail option can deny it (AccessDeniedException) or answer like moto 5.2.1,
// which does not implement it (HTTP 500 with an HTML page), so the client's fallback can be seen.
import { randomUUID } from "node:crypto";
import type { LiveTailMode } from "../options.js";
import { SimError, invalidParameter, type JsonObject } from "../protocol.js";
import { optionalString, optionalStringList, stringList } from "../input.js";
import { RawAnswer, type OperationContext } from "../request-handler.js";
import { readGroupIdentifier } from "./arns.js";
import { EVENT_STREAM_CONTENT_TYPE } from "./event-stream.js";
import { compileFilterPattern } from "./filter-pattern.js";
import { openSession } from "./live-tail-session.js";
import { TailCursor, type TailScope } from "./live-tail-update.js";
import { groupNotFound, type LogsAccount } from "./ops-common.js";

export const MAX_CONCURRENT_SESSIONS = 15;

export interface LiveTailSettings {
  mode: LiveTailMode;
  intervalMs: number;
  /** Brings the world up to date and returns the simulated time. */
  now: () => number;
}

export function createLiveTail(settings: LiveTailSettings) {
  let open = 0;
  return function startLiveTail(
    account: LogsAccount,
    input: JsonObject,
    context: OperationContext,
  ): RawAnswer {
    if (settings.mode === "unsupported") return notImplemented();
    const identifiers = stringList(input, "logGroupIdentifiers");
    if (settings.mode === "deny") {
      throw new SimError(
        "AccessDeniedException",
        `User: arn:aws:sts::${account.world.accountId}:assumed-role/deckhand-demo/session is not authorized to perform: logs:StartLiveTail on resource: ${identifiers[0] ?? "*"} because no identity-based policy allows the logs:StartLiveTail action`,
      );
    }
    const scope = readScope(account, input, identifiers);
    if (open >= MAX_CONCURRENT_SESSIONS) {
      throw new SimError(
        "LimitExceededException",
        `You have reached the maximum number of concurrent Live Tail sessions (${MAX_CONCURRENT_SESSIONS}).`,
      );
    }
    open++;
    const requestId = randomUUID();
    const start: Record<string, unknown> = {
      requestId,
      sessionId: randomUUID(),
      logGroupIdentifiers: identifiers,
    };
    if (input.logStreamNames !== undefined) start.logStreamNames = input.logStreamNames;
    if (input.logStreamNamePrefixes !== undefined) start.logStreamNamePrefixes = input.logStreamNamePrefixes;
    if (input.logEventFilterPattern !== undefined) start.logEventFilterPattern = input.logEventFilterPattern;
    const body = openSession({
      start,
      cursor: new TailCursor(scope, account.now),
      now: settings.now,
      intervalMs: settings.intervalMs,
      signal: context.signal,
      onClose: () => {
        open--;
      },
    });
    return new RawAnswer(
      200,
      { "content-type": EVENT_STREAM_CONTENT_TYPE, "x-amzn-requestid": requestId },
      body,
    );
  };
}

function readScope(account: LogsAccount, input: JsonObject, identifiers: string[]): TailScope {
  if (identifiers.length < 1 || identifiers.length > 10) {
    throw invalidParameter("logGroupIdentifiers must name 1 to 10 log groups.");
  }
  const groups = identifiers.map((identifier) => {
    const parsed = readGroupIdentifier(account.world, identifier);
    if (parsed === undefined || !parsed.arn) {
      throw invalidParameter(`logGroupIdentifiers must be log group ARNs: ${identifier}`);
    }
    if (parsed.wildcard) throw invalidParameter(`A log group ARN must not end with ":*": ${identifier}`);
    const group = parsed.foreign ? undefined : account.registry.group(parsed.name);
    if (group === undefined) throw groupNotFound();
    return { group, identifier };
  });
  const names = optionalStringList(input, "logStreamNames");
  const prefixes = optionalStringList(input, "logStreamNamePrefixes");
  if (names !== undefined && prefixes !== undefined) {
    throw invalidParameter("logStreamNames and logStreamNamePrefixes are mutually exclusive parameters.");
  }
  for (const [member, list] of [
    ["logStreamNames", names],
    ["logStreamNamePrefixes", prefixes],
  ] as const) {
    if (list === undefined) continue;
    if (identifiers.length !== 1) throw invalidParameter(`${member} can be used only with one log group.`);
    if (list.length < 1 || list.length > 100) throw invalidParameter(`${member} must have 1 to 100 items.`);
  }
  return {
    registry: account.registry,
    groups,
    streamNames: names === undefined ? undefined : new Set(names),
    streamPrefixes: prefixes,
    matches: compileFilterPattern(optionalString(input, "logEventFilterPattern")),
  };
}

/** What moto 5.2.1 answers for an action it lacks: Flask's debug page for NotImplementedError. */
function notImplemented(): RawAnswer {
  const html = `<!doctype html>
<html lang=en>
<head><title>NotImplementedError: The start_live_tail action has not been implemented // Werkzeug Debugger</title></head>
<body><h1>NotImplementedError</h1>
<p>NotImplementedError: The start_live_tail action has not been implemented</p>
</body></html>
`;
  return new RawAnswer(500, { "content-type": "text/html; charset=utf-8" }, Buffer.from(html, "utf8"));
}
