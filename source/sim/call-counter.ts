// Counts the calls the simulated account answered, per operation, so tests and benchmarks can
// check what the UI costs in API calls, and keeps every call to an operation that changes
// something (a mutation), with its input and outcome, so a test can tell exactly what was changed,
// or that nothing was.

/** One call to a mutating operation, whatever came of it. */
export interface MutationRecord {
  /** Simulated time of the call, ISO 8601. */
  at: string;
  /** IAM-style action, e.g. "ecs:UpdateService". */
  action: string;
  operation: string;
  /** The request's JSON body as sent. */
  input: Record<string, unknown>;
  /** "ok", or the error code answered (AccessDeniedException, ThrottlingException, ...). */
  outcome: string;
}

export interface CallCounter {
  byOperation(): Record<string, number>;
  throttled(): Record<string, number>;
  total(): number;
  /** Every call to a mutating operation, oldest first (at most the last 1,000). */
  mutations(): MutationRecord[];
  reset(): void;
}

const MAX_MUTATIONS = 1000;

export class CallTally implements CallCounter {
  private calls: Record<string, number> = {};
  private throttledCalls: Record<string, number> = {};
  private count = 0;
  private mutationLog: MutationRecord[] = [];
  private readonly listeners: Array<() => void> = [];
  private readonly mutationListeners: Array<() => void> = [];

  record(operation: string): void {
    this.calls[operation] = (this.calls[operation] ?? 0) + 1;
    this.count++;
    this.changed();
  }

  recordThrottled(operation: string): void {
    this.throttledCalls[operation] = (this.throttledCalls[operation] ?? 0) + 1;
    this.changed();
  }

  recordMutation(mutation: MutationRecord): void {
    this.mutationLog.push(mutation);
    if (this.mutationLog.length > MAX_MUTATIONS) this.mutationLog.shift();
    this.changed();
    for (const listener of this.mutationListeners) listener();
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Called after each mutation is recorded (the call log writes it at once). */
  onMutation(listener: () => void): void {
    this.mutationListeners.push(listener);
  }

  mutations(): MutationRecord[] {
    return this.mutationLog.map((mutation) => ({ ...mutation }));
  }

  byOperation(): Record<string, number> {
    return { ...this.calls };
  }

  throttled(): Record<string, number> {
    return { ...this.throttledCalls };
  }

  total(): number {
    return this.count;
  }

  reset(): void {
    this.calls = {};
    this.throttledCalls = {};
    this.count = 0;
    this.mutationLog = [];
    this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
