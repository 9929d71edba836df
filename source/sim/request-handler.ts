// The SDK-facing side of the simulator: an HttpHandler that the AWS SDK clients take as their
// requestHandler. It routes JSON 1.1 requests by X-Amz-Target to the simulated services, counts
// calls, applies the services' token buckets and the configured latency, and encodes answers.
import type { HttpHandler } from "@smithy/core/protocols";
import type { Readable } from "node:stream";
import type { HttpHandlerOptions, HeaderBag } from "@smithy/types";
import { delay, throwIfAborted, type AnyAbortSignal } from "./abort.js";
import type { CallTally } from "./call-counter.js";
import {
  SimError,
  decodeJsonBody,
  errorResponse,
  headerValue,
  jsonResponse,
  type JsonObject,
  type WireResponse,
} from "./protocol.js";
import type { BucketSpec, TokenBuckets } from "./token-buckets.js";

export interface OperationContext {
  /** The request's abort signal: a streaming answer (Live Tail) ends when it fires. */
  signal: AnyAbortSignal | undefined;
}

export type Operation = (input: JsonObject, context: OperationContext) => unknown;

/** An answer that is not JSON: an event stream, or an HTML error page like moto's. */
export class RawAnswer {
  constructor(
    readonly statusCode: number,
    readonly headers: Record<string, string>,
    readonly body: Uint8Array | Readable,
  ) {}
}

type AnyWireResponse = Omit<WireResponse, "body"> & { body: Uint8Array | Readable };

/** One AWS service the simulator answers (ECS, CloudWatch Logs; SSM plugs in the same way). */
export interface SimulatedService {
  /** The X-Amz-Target prefix before the dot, e.g. "AmazonEC2ContainerServiceV20141113". */
  readonly targetPrefix: string;
  readonly operations: Readonly<Record<string, Operation>>;
  /** The throttling bucket an operation draws from, if any. */
  throttleBucket(operation: string): { name: string; spec: BucketSpec } | undefined;
}

export interface RequestHandlerDeps {
  services: readonly SimulatedService[];
  calls: CallTally;
  /** Undefined when throttling is off. */
  buckets: TokenBuckets | undefined;
  latencyMs: number;
}

export type SimRequestHandler = HttpHandler;

export function createRequestHandler(deps: RequestHandlerDeps): SimRequestHandler {
  const byPrefix = new Map(deps.services.map((service) => [service.targetPrefix, service]));
  const config: Record<string, unknown> = {};

  const answer = async (
    request: { headers: HeaderBag; body?: unknown },
    options: HttpHandlerOptions | undefined,
  ): Promise<AnyWireResponse> => {
    const signal = options?.abortSignal;
    throwIfAborted(signal);
    const target = headerValue(request.headers, "x-amz-target") ?? "";
    const dot = target.lastIndexOf(".");
    const service = byPrefix.get(target.slice(0, Math.max(0, dot)));
    const operationName = dot >= 0 ? target.slice(dot + 1) : target;
    deps.calls.record(operationName || "(none)");
    const operation =
      service !== undefined && Object.hasOwn(service.operations, operationName)
        ? service.operations[operationName]
        : undefined;

    const bucket = operation !== undefined ? service?.throttleBucket(operationName) : undefined;
    const throttled =
      bucket !== undefined && deps.buckets !== undefined && !deps.buckets.take(bucket.name, bucket.spec);
    if (throttled) deps.calls.recordThrottled(operationName);
    if (deps.latencyMs > 0) await delay(deps.latencyMs, signal);
    throwIfAborted(signal);

    if (operation === undefined) {
      return errorResponse(
        new SimError("UnknownOperationException", `Unknown operation ${target || "(no X-Amz-Target)"}`),
      );
    }
    if (throttled) return errorResponse(new SimError("ThrottlingException", "Rate exceeded"));
    try {
      const output = operation(decodeJsonBody(request.body), { signal });
      if (output instanceof RawAnswer) {
        return { statusCode: output.statusCode, headers: output.headers, body: output.body };
      }
      return jsonResponse(output);
    } catch (error) {
      if (error instanceof SimError) return errorResponse(error);
      const message = error instanceof Error ? error.message : String(error);
      return errorResponse(new SimError("ServerException", `Simulator failure: ${message}`, 500));
    }
  };

  return {
    metadata: { handlerProtocol: "http/1.1" },
    handle: async (request, options) => ({ response: await answer(request, options) }),
    updateHttpClientConfig: (key, value) => {
      config[key] = value;
    },
    httpHandlerConfigs: () => ({ ...config }),
    destroy: () => {},
  };
}
