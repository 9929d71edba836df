// The AWS Query wire protocol (Elastic Load Balancing v2, EC2's cousin): a form-encoded POST whose
// Action parameter names the operation, answered with XML. Lists are `Name.member.N` in requests
// and <Name><member>…</member></Name> in answers; errors are an <ErrorResponse> with the code in
// <Code>. Operations see the form as a flat map of parameter names to values, read with the
// query* readers below.
import { randomUUID } from "node:crypto";
import type { InvalidInput } from "./input.js";
import { SimError, type JsonObject, type WireResponse } from "./protocol.js";

export const FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The form parameters, e.g. { Action: "DescribeTargetHealth", "Targets.member.1.Id": "10.0.0.4" }. */
export function decodeQueryBody(body: unknown): Record<string, string> {
  let text: string;
  if (body === undefined || body === null) return {};
  if (typeof body === "string") text = body;
  else if (body instanceof Uint8Array) text = decoder.decode(body);
  else throw new SimError("MalformedQueryString", "Request body must be form-encoded text");
  return Object.fromEntries(new URLSearchParams(text));
}

/** A scalar parameter; the SDK sends no empty scalars, so an empty one counts as absent. */
export function queryString(input: JsonObject, name: string): string | undefined {
  const value = input[name];
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** An integer parameter (decimal text in the form), or `invalid`'s error when it is not one. */
export function queryInteger(input: JsonObject, name: string, invalid: InvalidInput): number | undefined {
  const text = queryString(input, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value)) throw invalid(`${name} must be an integer.`);
  return value;
}

/** The values of a list parameter (`Name.member.1`, `Name.member.2`, …) in order. */
export function queryList(input: JsonObject, name: string): string[] {
  const values: string[] = [];
  for (let index = 1; ; index++) {
    const value = input[`${name}.member.${index}`];
    if (typeof value !== "string") return values;
    values.push(value);
  }
}

/** Indexes of a list of structures (`Targets.member.1.Id`, `Targets.member.1.Port`…): 1, 2, … */
export function queryStructs(input: JsonObject, name: string): Array<(field: string) => string | undefined> {
  const out: Array<(field: string) => string | undefined> = [];
  const prefix = `${name}.member.`;
  const indexes = new Set<number>();
  for (const key of Object.keys(input)) {
    if (!key.startsWith(prefix)) continue;
    const index = Number(key.slice(prefix.length).split(".")[0]);
    if (Number.isInteger(index) && index > 0) indexes.add(index);
  }
  for (const index of [...indexes].sort((a, b) => a - b)) {
    out.push((field) => {
      const value = input[`${prefix}${index}.${field}`];
      return typeof value === "string" ? value : undefined;
    });
  }
  return out;
}

const escapeXml = (text: string): string => text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** A value as XML content: objects by member name, arrays as <member> items, dates as ISO 8601. */
function toXml(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => `<member>${toXml(item)}</member>`).join("");
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, member]) => member !== undefined && member !== null)
      .map(([name, member]) => `<${name}>${toXml(member)}</${name}>`)
      .join("");
  }
  const primitive = typeof value === "string" || typeof value === "number" || typeof value === "boolean";
  return primitive ? escapeXml(String(value)) : "";
}

export function xmlResponse(operation: string, namespace: string, output: unknown): WireResponse {
  const requestId = randomUUID();
  const xml =
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<${operation}Response xmlns="${namespace}">` +
    `<${operation}Result>${toXml(output)}</${operation}Result>` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>` +
    `</${operation}Response>`;
  return {
    statusCode: 200,
    headers: { "content-type": "text/xml", "x-amzn-requestid": requestId },
    body: encoder.encode(xml),
  };
}

export function xmlErrorResponse(namespace: string, error: SimError): WireResponse {
  const requestId = randomUUID();
  const type = error.statusCode >= 500 ? "Receiver" : "Sender";
  const xml =
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<ErrorResponse xmlns="${namespace}"><Error><Type>${type}</Type>` +
    `<Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error>` +
    `<RequestId>${requestId}</RequestId></ErrorResponse>`;
  return {
    statusCode: error.statusCode,
    headers: { "content-type": "text/xml", "x-amzn-requestid": requestId },
    body: encoder.encode(xml),
  };
}
