// Plugs events-body.ts into a CloudWatch Logs client: a FilterLogEvents answer's events are parsed
// a batch at a time (the event loop runs between batches), the SDK parses the small rest of the body
// and its errors as usual, and the events are put back into the output afterwards.
import type {
  DeserializeMiddleware,
  HandlerExecutionContext,
  InitializeMiddleware,
  MetadataBearer,
  Pluggable,
} from "@smithy/types";
import { splitEventsBody } from "./events-body.js";

const COMMAND = "FilterLogEventsCommand";
const EVENTS = Symbol("deckhand.events");

type Context = HandlerExecutionContext & { [EVENTS]?: unknown[] };

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

const DECODE_SLICE = 256 * 1024;

/**
 * The body as text, decoded a piece at a time: as chunks arrive from the socket, or in slices with a
 * pause between them (decoding 2 MB of text that is not plain ASCII takes about 10 ms).
 */
async function bodyText(body: unknown): Promise<string | undefined> {
  const decoder = new TextDecoder();
  const parts: string[] = [];
  if (typeof body === "string") return body;
  if (body instanceof Uint8Array) {
    for (let at = 0; at < body.byteLength; at += DECODE_SLICE) {
      if (at > 0) await pause();
      parts.push(decoder.decode(body.subarray(at, at + DECODE_SLICE), { stream: true }));
    }
  } else if (body && typeof (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === "function") {
    for await (const chunk of body as AsyncIterable<Uint8Array>) {
      for (let at = 0; at < chunk.byteLength; at += DECODE_SLICE) {
        if (at > 0) await pause();
        parts.push(decoder.decode(chunk.subarray(at, at + DECODE_SLICE), { stream: true }));
      }
    }
  } else {
    return undefined;
  }
  parts.push(decoder.decode());
  return parts.join("");
}

/** Next to the HTTP handler: takes the events out of a successful answer's body. */
const takeEvents: DeserializeMiddleware<object, MetadataBearer> =
  (next, context: Context) => async (args) => {
    const result = await next(args);
    const response = result.response as { statusCode?: number; body?: unknown };
    if (context.commandName !== COMMAND || response.statusCode !== 200) return result;
    const text = await bodyText(response.body);
    if (text === undefined) return result;
    const split = await splitEventsBody(text, pause);
    if (split) context[EVENTS] = split.events;
    response.body = Buffer.from(split ? split.rest : text);
    return result;
  };

/** Outermost: puts the events back into what the SDK made of the rest. */
const putEvents: InitializeMiddleware<object, MetadataBearer> = (next, context: Context) => async (args) => {
  const result = await next(args);
  const events = context[EVENTS];
  if (events) (result.output as { events?: unknown[] }).events = events;
  return result;
};

export const chunkedFilterLogEvents: Pluggable<object, MetadataBearer> = {
  applyToStack(stack) {
    stack.add(putEvents, { step: "initialize", name: "deckhandPutEvents" });
    stack.add(takeEvents, { step: "deserialize", priority: "low", name: "deckhandTakeEvents" });
  },
};
