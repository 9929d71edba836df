// Errors are values at the AWS boundary: every gateway call returns data or an AwsFailure
// that the UI can explain in one line.

export type FailureKind =
  | "throttled"
  | "denied"
  | "not-found"
  | "invalid"
  | "credentials"
  | "region"
  | "network"
  | "unavailable"
  | "unknown";

export interface AwsFailure {
  kind: FailureKind;
  operation: string;
  code: string;
  message: string;
  hint?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; failure: AwsFailure };

/** The one resource a Describe call was asked for, or "not found" when it came back without it. */
export function onlyOne<T>(result: Result<T[]>, operation: string, what: string): Result<T> {
  if (!result.ok) return result;
  const [value] = result.value;
  if (value !== undefined) return { ok: true, value };
  return {
    ok: false,
    failure: { kind: "not-found", operation, code: "MISSING", message: `${what} is gone` },
  };
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T>(failure: AwsFailure): Result<T> => ({ ok: false, failure });

const CREDENTIALS_HINT =
  "run with --demo to try the simulated account, or set up credentials: aws configure / aws sso login";

const THROTTLING = new Set([
  "ThrottlingException",
  "Throttling",
  "TooManyRequestsException",
  "RequestLimitExceeded",
  "LimitExceededException",
]);
const DENIED = new Set(["AccessDeniedException", "AccessDenied", "UnauthorizedOperation"]);
const CREDENTIALS = new Set([
  "CredentialsProviderError",
  "ExpiredTokenException",
  "ExpiredToken",
  "UnrecognizedClientException",
  "InvalidSignatureException",
  "InvalidClientTokenId",
  "TokenProviderError",
]);
const NOT_FOUND = new Set([
  "ClusterNotFoundException",
  "ServiceNotFoundException",
  "ResourceNotFoundException",
]);
const INVALID = new Set(["InvalidParameterException", "ClientException", "ValidationException"]);
const NETWORK = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "ETIMEDOUT",
  "EPIPE",
  "EAI_AGAIN",
  "TimeoutError",
]);

const text = (value: unknown): string | undefined =>
  typeof value === "string" || typeof value === "number" ? String(value) : undefined;

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: number };
}

/**
 * What went wrong, in kinds the UI explains. `service` is the IAM prefix the "denied" hint names
 * ("ecs:ListServices", "ecr:DescribeImages"…).
 */
export function classifyError(operation: string, error: unknown, service = "ecs"): AwsFailure {
  const e = (typeof error === "object" && error !== null ? error : {}) as ErrorLike;
  const code =
    e.name === "Error" && typeof e.code === "string" ? e.code : (text(e.name) ?? text(e.code) ?? "Error");
  const rawMessage = typeof e.message === "string" ? e.message : String(error);
  const message = oneLine(rawMessage) || code;
  const status = e.$metadata?.httpStatusCode;
  const base = { operation, code, message };

  if (THROTTLING.has(code)) {
    return {
      ...base,
      kind: "throttled",
      hint: "AWS is rate limiting this account; deckhand will slow down and retry",
    };
  }
  if (DENIED.has(code))
    return { ...base, kind: "denied", hint: `your identity needs permission for ${service}:${operation}` };
  if (CREDENTIALS.has(code) || /credential/i.test(message)) {
    return { ...base, kind: "credentials", hint: CREDENTIALS_HINT };
  }
  if (/region is missing/i.test(message)) {
    return {
      ...base,
      kind: "region",
      hint: "pass --region, set AWS_REGION, or set region in your AWS profile",
    };
  }
  if (NOT_FOUND.has(code)) return { ...base, kind: "not-found" };
  if (INVALID.has(code)) return { ...base, kind: "invalid" };
  if (NETWORK.has(code) || /ECONNREFUSED|ENOTFOUND|ETIMEDOUT|socket hang up/.test(message)) {
    return { ...base, kind: "network", hint: "check the network or --endpoint-url" };
  }
  if (status !== undefined && status >= 500) return { ...base, kind: "unavailable" };
  return { ...base, kind: "unknown" };
}

/**
 * One line for the flash area: "ListServices: ClusterNotFoundException: Cluster not found. (hint)".
 * Without credentials or a region the remedy matters more than the details, so it comes first.
 */
export function describeFailure(failure: AwsFailure): string {
  if (failure.hint && (failure.kind === "credentials" || failure.kind === "region")) {
    const what = failure.kind === "credentials" ? "no usable AWS credentials" : "no AWS region";
    return `${what}: ${failure.hint} [${failure.operation}: ${failure.code}: ${failure.message}]`;
  }
  const what = failure.message === failure.code ? failure.code : `${failure.code}: ${failure.message}`;
  return `${failure.operation}: ${what}${failure.hint ? ` (${failure.hint})` : ""}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim().slice(0, 300);
}
