// The SDK-facing side of the simulator: an HttpHandler that the AWS SDK clients take as their
// requestHandler. It routes JSON 1.1 requests by X-Amz-Target, and AWS Query requests (ELBv2) by
// the SigV4 signing name and their Action parameter, to the simulated services, counts
// calls (and records every call to a mutating operation), applies the services' token buckets,
// the configured latency and the deny list, and encodes answers.
import type { HttpHandler } from "@smithy/core/protocols";
import type { Readable } from "node:stream";
import type { HttpHandlerOptions, HeaderBag } from "@smithy/types";
import { delay, throwIfAborted, type AnyAbortSignal } from "./abort.js";
import type { CallTally } from "./call-counter.js";
import {
  SIMULATED_OPERATIONS,
  accessDenied,
  isDenied,
  isMutation,
  type DenyRule,
  type IamService,
} from "./iam.js";
import {
  SimError,
  decodeJsonBody,
  errorResponse,
  headerValue,
  jsonResponse,
  type JsonObject,
  type WireResponse,
} from "./protocol.js";
import { FORM_CONTENT_TYPE, decodeQueryBody, xmlErrorResponse, xmlResponse } from "./query-protocol.js";
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
  /**
   * The X-Amz-Target prefix before the dot, e.g. "AmazonEC2ContainerServiceV20141113"; for a
   * Query-protocol service, its SigV4 signing name ("elasticloadbalancing").
   */
  readonly targetPrefix: string;
  /** AWS Query protocol (form-encoded request, XML answer in this namespace) instead of JSON 1.1. */
  readonly queryNamespace?: string;
  /** The service's prefix in IAM actions ("ecs"); which operations mutate is listed in iam.ts. */
  readonly iamService: IamService;
  /** The resource an AccessDeniedException names for a call ("*" when it has none). */
  resourceFor?(operation: string, input: JsonObject): string;
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
  /** Operations refused with AccessDeniedException. */
  deny: DenyRule;
  accountId: string;
  /** Simulated time, for the record of mutations. */
  now: () => number;
}

export type SimRequestHandler = HttpHandler;

export function createRequestHandler(deps: RequestHandlerDeps): SimRequestHandler {
  const byPrefix = new Map(
    deps.services
      .filter((service) => !service.queryNamespace)
      .map((service) => [service.targetPrefix, service]),
  );
  const bySigningName = new Map(
    deps.services
      .filter((service) => service.queryNamespace)
      .map((service) => [service.targetPrefix, service]),
  );
  for (const service of deps.services) {
    const { reads, mutations } = SIMULATED_OPERATIONS[service.iamService];
    for (const name of Object.keys(service.operations)) {
      if (!reads.includes(name) && !mutations.includes(name))
        throw new Error(`${service.iamService}:${name} is missing from SIMULATED_OPERATIONS (iam.ts)`);
    }
  }
  const config: Record<string, unknown> = {};

  const answer = async (
    request: { headers: HeaderBag; body?: unknown; hostname?: string },
    options: HttpHandlerOptions | undefined,
  ): Promise<AnyWireResponse> => {
    const signal = options?.abortSignal;
    throwIfAborted(signal);
    const route = routeOf(request, byPrefix, bySigningName);
    const { service, operationName, target } = route;
    deps.calls.record(operationName || "(none)");
    const operation =
      service !== undefined && Object.hasOwn(service.operations, operationName)
        ? service.operations[operationName]
        : undefined;

    const bucket = operation !== undefined ? service?.throttleBucket(operationName) : undefined;
    const throttled =
      bucket !== undefined && deps.buckets !== undefined && !deps.buckets.take(bucket.name, bucket.spec);
    if (throttled) deps.calls.recordThrottled(operationName);
    const mutation = service !== undefined && isMutation(service.iamService, operationName);
    let input: JsonObject | undefined;
    let outcome = "ok";
    try {
      if (deps.latencyMs > 0) await delay(deps.latencyMs, signal);
      throwIfAborted(signal);
      // Query services name IAM's refusal "AccessDenied" where JSON services say "AccessDeniedException".
      const encodeError = (error: SimError): WireResponse =>
        service?.queryNamespace
          ? xmlErrorResponse(
              service.queryNamespace,
              error.code === "AccessDeniedException"
                ? new SimError("AccessDenied", error.message, error.statusCode)
                : error,
            )
          : errorResponse(error);
      if (operation === undefined || service === undefined) {
        return encodeError(
          service?.queryNamespace
            ? new SimError(
                "InvalidAction",
                `The action ${operationName || "(none)"} is not valid for this web service.`,
              )
            : new SimError("UnknownOperationException", `Unknown operation ${target || "(no X-Amz-Target)"}`),
        );
      }
      if (throttled) {
        outcome = "ThrottlingException";
        return encodeError(
          new SimError(service.queryNamespace ? "Throttling" : "ThrottlingException", "Rate exceeded"),
        );
      }
      try {
        input = route.input ?? decodeJsonBody(request.body);
        if (isDenied(deps.deny, service.iamService, operationName)) {
          const resource = service.resourceFor?.(operationName, input) ?? "*";
          throw accessDenied(deps.accountId, service.iamService, operationName, resource);
        }
        const output = operation(input, { signal });
        if (output instanceof RawAnswer) {
          return { statusCode: output.statusCode, headers: output.headers, body: output.body };
        }
        return service.queryNamespace
          ? xmlResponse(operationName, service.queryNamespace, output)
          : jsonResponse(output);
      } catch (error) {
        if (error instanceof SimError) {
          outcome = error.code;
          return encodeError(error);
        }
        const message = error instanceof Error ? error.message : String(error);
        outcome = "ServerException";
        return encodeError(new SimError("ServerException", `Simulator failure: ${message}`, 500));
      }
    } catch (error) {
      outcome = error instanceof Error ? error.name : "Error";
      throw error;
    } finally {
      if (mutation && service !== undefined) {
        deps.calls.recordMutation({
          at: new Date(deps.now()).toISOString(),
          action: `${service.iamService}:${operationName}`,
          operation: operationName,
          input: input ?? route.input ?? safeInput(request.body),
          outcome,
        });
      }
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

interface Route {
  service: SimulatedService | undefined;
  operationName: string;
  /** What an unknown-operation error names. */
  target: string;
  /** A Query request's form parameters (JSON requests are decoded later, where errors are answered). */
  input?: JsonObject;
}

/**
 * Which service and operation a request is for: X-Amz-Target for JSON 1.1; for a form-encoded
 * request the service from the signing name in the SigV4 credential scope (as moto finds it), or
 * the host name's first label, and the operation from the Action parameter.
 */
function routeOf(
  request: { headers: HeaderBag; body?: unknown; hostname?: string },
  byPrefix: ReadonlyMap<string, SimulatedService>,
  bySigningName: ReadonlyMap<string, SimulatedService>,
): Route {
  const target = headerValue(request.headers, "x-amz-target");
  const contentType = headerValue(request.headers, "content-type") ?? "";
  if (target === undefined && contentType.startsWith(FORM_CONTENT_TYPE)) {
    const scope = /Credential=[^/]+\/[^/]+\/[^/]+\/([^/]+)\//.exec(
      headerValue(request.headers, "authorization") ?? "",
    );
    const signingName = scope?.[1] ?? request.hostname?.split(".")[0] ?? "";
    let input: JsonObject = {};
    try {
      input = decodeQueryBody(request.body);
    } catch (error) {
      // A form that cannot be read names no Action: the call is answered as an InvalidAction.
      if (!(error instanceof SimError)) throw error;
    }
    const action = typeof input.Action === "string" ? input.Action : "";
    return { service: bySigningName.get(signingName), operationName: action, target: action, input };
  }
  const text = target ?? "";
  const dot = text.lastIndexOf(".");
  return {
    service: byPrefix.get(text.slice(0, Math.max(0, dot))),
    operationName: dot >= 0 ? text.slice(dot + 1) : text,
    target: text,
  };
}

/** The body of a call that failed before its input was read, for the record. */
function safeInput(body: unknown): JsonObject {
  try {
    return decodeJsonBody(body);
  } catch {
    return {};
  }
}
