// The AWS JSON 1.1 wire protocol as the SDK expects it: a POST with X-Amz-Target and a JSON body;
// answers are JSON with timestamps as epoch seconds, and errors carry their code both in the
// x-amzn-errortype header and in the body's __type.
import { randomUUID } from "node:crypto";

export const JSON_11_CONTENT_TYPE = "application/x-amz-json-1.1";

export type JsonObject = Record<string, unknown>;

/** An error the simulated service answers with, by AWS error code. */
export class SimError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly statusCode = 400,
  ) {
    super(message);
    this.name = code;
  }
}

export const invalidParameter = (message: string): SimError =>
  new SimError("InvalidParameterException", message);

export interface WireResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** JSON.stringify, with Date values written as epoch seconds (JSON 1.1's timestamp format). */
export function encodeJson(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, encoded: unknown) {
    const raw = this[key];
    return raw instanceof Date ? raw.getTime() / 1000 : encoded;
  });
}

function baseHeaders(): Record<string, string> {
  return { "content-type": JSON_11_CONTENT_TYPE, "x-amzn-requestid": randomUUID() };
}

export function jsonResponse(output: unknown): WireResponse {
  return { statusCode: 200, headers: baseHeaders(), body: encoder.encode(encodeJson(output ?? {})) };
}

export function errorResponse(error: SimError): WireResponse {
  const headers = { ...baseHeaders(), "x-amzn-errortype": error.code };
  const body = encoder.encode(JSON.stringify({ __type: error.code, message: error.message }));
  return { statusCode: error.statusCode, headers, body };
}

/** The request body as a JSON object; the SDK sends a string, but accept bytes too. */
export function decodeJsonBody(body: unknown): JsonObject {
  let text: string;
  if (body === undefined || body === null || body === "") return {};
  if (typeof body === "string") text = body;
  else if (body instanceof Uint8Array) text = decoder.decode(body);
  else throw new SimError("SerializationException", "Request body must be a JSON string");
  if (text.trim() === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SimError("SerializationException", "Request body is not valid JSON");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new SimError("SerializationException", "Request body must be a JSON object");
  }
  return parsed as JsonObject;
}

export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}
