// The only code that talks CloudWatch Logs. Every call goes through one LogsBudget (the account's
// per-operation TPS quotas) and returns data or an AwsFailure; Live Tail's event stream is turned
// into plain values too, so stream errors are events rather than exceptions.
import {
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
  StartLiveTailCommand,
  type CloudWatchLogsClient,
  type DescribeLogStreamsRequest,
  type FilteredLogEvent,
  type FilterLogEventsRequest,
  type GetLogEventsRequest,
  type LiveTailSessionLogEvent,
  type LogStream,
  type OutputLogEvent,
  type StartLiveTailRequest,
  type StartLiveTailResponseStream,
} from "@aws-sdk/client-cloudwatch-logs";
import { classifyError, fail, ok, type AwsFailure, type Result } from "./failure.js";
import { LogsBudget } from "./logs-budget.js";

export interface FilterPage {
  events: FilteredLogEvent[];
  nextToken?: string;
}

export interface GetPage {
  events: OutputLogEvent[];
  nextForwardToken?: string;
  nextBackwardToken?: string;
}

export type LiveTailEvent =
  | { kind: "started"; sessionId?: string }
  | { kind: "update"; events: LiveTailSessionLogEvent[]; sampled: boolean }
  /** Sessions end after 3 hours; start a new one. */
  | { kind: "timeout"; message: string }
  | { kind: "failed"; failure: AwsFailure };

export interface LiveTailSession {
  /** Ends when the session ends or is aborted; never throws. */
  events: AsyncIterable<LiveTailEvent>;
  abort(): void;
}

type LogsClient = Pick<CloudWatchLogsClient, "send">;

export interface LogsGatewayOptions {
  region?: string;
  budget?: LogsBudget;
  /** A client for another region, for awslogs-region values that differ from ours. */
  clientFor?: (region: string) => LogsClient;
}

export class LogsGateway {
  readonly region: string;
  readonly budget: LogsBudget;
  private readonly others = new Map<string, LogsGateway>();

  constructor(
    private readonly client: LogsClient,
    private readonly options: LogsGatewayOptions = {},
  ) {
    this.region = options.region ?? "";
    this.budget = options.budget ?? new LogsBudget({ region: this.region });
  }

  /** The gateway for log groups in `region` (this one when the region is ours or unknown). */
  forRegion(region: string): LogsGateway {
    if (!region || region === this.region || !this.options.clientFor) return this;
    let other = this.others.get(region);
    if (!other) {
      other = new LogsGateway(this.options.clientFor(region), { region });
      this.others.set(region, other);
    }
    return other;
  }

  /** One page; the caller follows nextToken (pollers pace each page). */
  filterLogEvents(request: FilterLogEventsRequest, signal?: AbortSignal): Promise<Result<FilterPage>> {
    return this.call("FilterLogEvents", signal, async () => {
      const out = await this.client.send(new FilterLogEventsCommand(request), { abortSignal: signal });
      return { events: out.events ?? [], nextToken: out.nextToken || undefined };
    });
  }

  getLogEvents(request: GetLogEventsRequest, signal?: AbortSignal): Promise<Result<GetPage>> {
    return this.call("GetLogEvents", signal, async () => {
      const out = await this.client.send(new GetLogEventsCommand(request), { abortSignal: signal });
      return {
        events: out.events ?? [],
        nextForwardToken: out.nextForwardToken,
        nextBackwardToken: out.nextBackwardToken,
      };
    });
  }

  /** Streams of a group, following nextToken for at most `maxPages` pages (50 streams each). */
  async describeLogStreams(
    request: DescribeLogStreamsRequest,
    maxPages = 1,
    signal?: AbortSignal,
  ): Promise<Result<LogStream[]>> {
    const streams: LogStream[] = [];
    let nextToken = request.nextToken;
    for (let page = 0; page < maxPages; page++) {
      const token = nextToken;
      const out = await this.call("DescribeLogStreams", signal, () =>
        this.client.send(new DescribeLogStreamsCommand({ ...request, nextToken: token }), {
          abortSignal: signal,
        }),
      );
      if (!out.ok) return out;
      streams.push(...(out.value.logStreams ?? []));
      nextToken = out.value.nextToken;
      if (!nextToken) break;
    }
    return ok(streams);
  }

  /**
   * Opens a Live Tail session. The result is a failure when the call itself is refused (access
   * denied, session limit, an endpoint without the operation); later trouble arrives as events.
   */
  async startLiveTail(request: StartLiveTailRequest): Promise<Result<LiveTailSession>> {
    const controller = new AbortController();
    const started = await this.call("StartLiveTail", controller.signal, async () => {
      const out = await this.client.send(new StartLiveTailCommand(request), {
        abortSignal: controller.signal,
      });
      if (!out.responseStream) throw new Error("StartLiveTail returned no event stream");
      return out.responseStream;
    });
    if (!started.ok) return started;
    return ok({
      events: liveTailEvents(started.value, controller.signal),
      abort: () => controller.abort(),
    });
  }

  private async call<T>(
    operation: string,
    signal: AbortSignal | undefined,
    run: () => Promise<T>,
  ): Promise<Result<T>> {
    try {
      return ok(await this.budget.run(operation, run));
    } catch (error) {
      return fail(this.failure(operation, error, signal));
    }
  }

  private failure(operation: string, error: unknown, signal?: AbortSignal): AwsFailure {
    const failure = logsFailure(operation, error);
    if (signal?.aborted) return { ...failure, kind: "unknown", code: "AbortError", hint: undefined };
    if (failure.kind === "throttled" && failure.code !== "LimitExceededException")
      this.budget.throttled(operation);
    return failure;
  }
}

/** classifyError, with hints that speak about CloudWatch Logs rather than ECS. */
export function logsFailure(operation: string, error: unknown): AwsFailure {
  const failure = classifyError(operation, error, "logs");
  const status = (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata
    ?.httpStatusCode;
  if (failure.code === "SyntaxError" && status !== undefined) {
    // A body that is not AWS JSON, e.g. moto 5.2.1's HTML error page for StartLiveTail.
    return { ...failure, code: `HTTP ${status}`, message: `not an AWS answer (${failure.message})` };
  }
  if (failure.code === "LimitExceededException" && operation === "StartLiveTail") {
    return { ...failure, hint: "at most 15 Live Tail sessions run at once per account and Region" };
  }
  return failure;
}

async function* liveTailEvents(
  stream: AsyncIterable<StartLiveTailResponseStream>,
  signal: AbortSignal,
): AsyncGenerator<LiveTailEvent> {
  try {
    for await (const event of stream) {
      if (signal.aborted) return;
      if (event.sessionStart) yield { kind: "started", sessionId: event.sessionStart.sessionId };
      else if (event.sessionUpdate) {
        yield {
          kind: "update",
          events: event.sessionUpdate.sessionResults ?? [],
          sampled: event.sessionUpdate.sessionMetadata?.sampled === true,
        };
      } else if (event.SessionTimeoutException) {
        yield { kind: "timeout", message: event.SessionTimeoutException.message ?? "session timed out" };
        return;
      } else if (event.SessionStreamingException) {
        const message = event.SessionStreamingException.message ?? "Live Tail stream failed";
        yield {
          kind: "failed",
          failure: logsFailure("StartLiveTail", { name: "SessionStreamingException", message }),
        };
        return;
      }
      // Unknown members are new event types this SDK cannot name: skipping them is the safe reading.
    }
  } catch (error) {
    if (signal.aborted) return;
    const failure = logsFailure("StartLiveTail", error);
    yield failure.code === "SessionTimeoutException"
      ? { kind: "timeout", message: failure.message }
      : { kind: "failed", failure };
  }
}
