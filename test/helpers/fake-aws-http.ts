// A fake HTTP handler for SDK clients: answers every request with what `answer` returns for its
// X-Amz-Target operation, and records what was sent, so a test sees each attempt the SDK made.
import type { HttpHandler } from "@smithy/core/protocols";

export interface SentRequest {
  target: string;
  body: Record<string, unknown>;
}

export interface FakeAnswer {
  status: number;
  /** JSON (an AWS error has `__type`), or a string sent as an HTML page. */
  body: unknown;
}

export function fakeAwsHttp(answer: (target: string) => FakeAnswer) {
  const sent: SentRequest[] = [];
  const handler: HttpHandler = {
    metadata: { handlerProtocol: "http/1.1" },
    handle: async (request) => {
      const target = String(request.headers["x-amz-target"]).split(".").pop() ?? "";
      const body = request.body as string | Uint8Array;
      const text = typeof body === "string" ? body : new TextDecoder().decode(body);
      sent.push({ target, body: JSON.parse(text) as Record<string, unknown> });
      const answered = answer(target);
      const html = typeof answered.body === "string";
      const type = html ? undefined : (answered.body as { __type?: string }).__type;
      return {
        response: {
          statusCode: answered.status,
          headers: {
            "content-type": html ? "text/html; charset=utf-8" : "application/x-amz-json-1.1",
            ...(type ? { "x-amzn-errortype": type } : {}),
          },
          body: new TextEncoder().encode(html ? (answered.body as string) : JSON.stringify(answered.body)),
        },
      };
    },
    updateHttpClientConfig: () => {},
    httpHandlerConfigs: () => ({}),
  };
  return { handler, sent };
}

/**
 * Settings for an SDK client over a fake handler, with the retries deckhand's connection uses: an
 * attempt the client repeats shows up as a second request.
 */
export function fakeClientConfig(handler: HttpHandler, maxAttempts = 3) {
  return {
    region: "us-east-1",
    credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "test" },
    requestHandler: handler,
    retryMode: "adaptive",
    maxAttempts,
  };
}

/** What moto 5.2.1 answers for an operation it lacks: Flask's debugger page, HTTP 500. */
export const MOTO_NOT_IMPLEMENTED: FakeAnswer = {
  status: 500,
  body:
    "<!doctype html>\n<html lang=en>\n<head>\n<title>NotImplementedError: The execute_command action has not been implemented\n" +
    " // Werkzeug Debugger</title>\n</head><body><h1>NotImplementedError</h1></body></html>\n",
};

export const awsError = (status: number, type: string, message: string): FakeAnswer => ({
  status,
  body: { __type: type, message },
});
