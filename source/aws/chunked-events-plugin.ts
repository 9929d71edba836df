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

async function bodyBytes(body: unknown): Promise<Buffer | undefined> {
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (typeof body === "string") return Buffer.from(body);
  if (body && typeof (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === "function") {
    const chunks: Uint8Array[] = [];
    for await (const chunk of body as AsyncIterable<Uint8Array>) chunks.push(chunk);
    return Buffer.concat(chunks);
  }
  return undefined;
}

/** Next to the HTTP handler: takes the events out of a successful answer's body. */
const takeEvents: DeserializeMiddleware<object, MetadataBearer> =
  (next, context: Context) => async (args) => {
    const result = await next(args);
    const response = result.response as { statusCode?: number; body?: unknown };
    if (context.commandName !== COMMAND || response.statusCode !== 200) return result;
    const bytes = await bodyBytes(response.body);
    if (bytes === undefined) return result;
    const split = await splitEventsBody(bytes, pause);
    if (split) context[EVENTS] = split.events;
    response.body = split ? Buffer.from(split.rest) : bytes;
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
