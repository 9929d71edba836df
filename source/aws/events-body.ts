// A FilterLogEvents page is up to 1 MB of messages, about 2 MB of JSON. Parsing it in one go (what
// the SDK does) blocks the event loop for tens of milliseconds, and a key pressed meanwhile waits.
// This splits the `events` array out of the body and parses it a batch at a time, letting the event
// loop run between batches; the rest of the body (nextToken, searchedLogStreams) stays for the SDK.
// It works on the body's bytes (JSON's structure is ASCII, so UTF-8 can be scanned as bytes) and
// decodes one batch at a time: text that is not plain ASCII decodes ten times slower, and then only
// the batches that hold some pay for it.

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

export interface SplitBody {
  events: unknown[];
  /** The body with an empty `events` array. */
  rest: string;
}

/** Index just after the string that opens at `start`, or -1 when it never closes. */
function afterString(bytes: Buffer, start: number): number {
  let from = start + 1;
  for (;;) {
    const quote = bytes.indexOf(QUOTE, from);
    if (quote < 0) return -1;
    let backslashes = 0;
    while (bytes[quote - 1 - backslashes] === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

/**
 * The events of a JSON object body with a top-level `events` array, parsed `batchBytes` of UTF-8 at
 * a time with `pause()` awaited between batches; undefined when the body is not such an object (the
 * caller then lets the SDK parse it as usual).
 */
export async function splitEventsBody(
  bytes: Buffer,
  pause: () => Promise<void>,
  batchBytes = 64 * 1024,
): Promise<SplitBody | undefined> {
  let depth = 0;
  let arrayStart = -1;
  let arrayEnd = -1;
  let batchStart = -1;
  let lastKey = "";
  const events: unknown[] = [];
  const flush = (end: number): void => {
    const batch = JSON.parse(`[${bytes.toString("utf8", batchStart, end)}]`) as unknown[];
    for (const event of batch) events.push(event);
  };
  for (let at = 0; at < bytes.length; at += 1) {
    const code = bytes[at]!;
    if (code === QUOTE) {
      const end = afterString(bytes, at);
      if (end < 0) return undefined;
      if (depth === 1) lastKey = bytes.toString("latin1", at + 1, end - 1);
      at = end - 1;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      depth += 1;
      if (depth === 2 && code === OPEN_BRACKET && lastKey === "events" && arrayStart < 0) arrayStart = at;
      else if (depth === 3 && arrayStart >= 0 && arrayEnd < 0 && batchStart < 0) batchStart = at;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      depth -= 1;
      if (depth < 0) return undefined;
      const inEvents = arrayStart >= 0 && arrayEnd < 0;
      if (inEvents && depth === 2 && batchStart >= 0 && at + 1 - batchStart >= batchBytes) {
        flush(at + 1);
        batchStart = -1;
        await pause();
      } else if (inEvents && depth === 1) {
        if (batchStart >= 0) flush(at);
        batchStart = -1;
        arrayEnd = at;
      }
    }
  }
  if (depth !== 0 || arrayStart < 0 || arrayEnd < 0) return undefined;
  return {
    events,
    rest: `${bytes.toString("utf8", 0, arrayStart)}[]${bytes.toString("utf8", arrayEnd + 1)}`,
  };
}
