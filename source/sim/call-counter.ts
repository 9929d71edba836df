// Counts the calls the simulated account answered, per operation, so tests and benchmarks can
// check what the UI costs in API calls.

export interface CallCounter {
  byOperation(): Record<string, number>;
  throttled(): Record<string, number>;
  total(): number;
  reset(): void;
}

export class CallTally implements CallCounter {
  private calls: Record<string, number> = {};
  private throttledCalls: Record<string, number> = {};
  private count = 0;
  private readonly listeners: Array<() => void> = [];

  record(operation: string): void {
    this.calls[operation] = (this.calls[operation] ?? 0) + 1;
    this.count++;
    this.changed();
  }

  recordThrottled(operation: string): void {
    this.throttledCalls[operation] = (this.throttledCalls[operation] ?? 0) + 1;
    this.changed();
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
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
    this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
