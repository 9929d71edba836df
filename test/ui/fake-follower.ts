// A LogFollower the test drives: no AWS, lines and state pushed by hand, history loaded from a list
// of older lines the test provides.
import type { EcsGateway } from "../../source/aws/ecs-gateway.js";
import type { LogsGateway } from "../../source/aws/logs-gateway.js";
import { LogFollower, type FollowerState } from "../../source/features/logs/log-follower.js";
import type { LogLine } from "../../source/features/logs/log-line.js";
import type { LogSource } from "../../source/features/logs/log-sources.js";

export class FakeFollower extends LogFollower {
  /** What setHistoryWindow loads (the part of it older than the buffer's oldest line). */
  older: LogLine[] = [];
  readonly historyWindows: number[] = [];
  private fakeState: FollowerState = {
    mode: "stopped",
    sources: [],
    sampled: false,
    skipped: [],
    historyWindowMs: 5 * 60_000,
  };
  private readonly fakeListeners = new Set<() => void>();

  constructor(capacity: number) {
    super({ ecs: {} as EcsGateway, logs: {} as LogsGateway, capacity });
  }

  override start(): void {
    this.patch({ mode: "live" });
  }

  override stop(): void {
    this.patch({ mode: "stopped" });
  }

  override loadOlder(): Promise<number> {
    return Promise.resolve(0);
  }

  override setHistoryWindow(windowMs: number): Promise<number> {
    this.historyWindows.push(windowMs);
    const added = this.buffer.addOlder(this.older);
    this.patch({ historyWindowMs: windowMs });
    return Promise.resolve(added);
  }

  override subscribe = (listener: () => void): (() => void) => {
    this.fakeListeners.add(listener);
    return () => this.fakeListeners.delete(listener);
  };

  override getState = (): FollowerState => this.fakeState;

  add(lines: LogLine[]): void {
    this.buffer.add(lines);
    this.emit();
  }

  markSampled(): void {
    this.buffer.markSampled();
    this.emit();
  }

  setSources(sources: LogSource[]): void {
    this.patch({ sources });
  }

  private patch(patch: Partial<FollowerState>): void {
    this.fakeState = { ...this.fakeState, ...patch };
    this.emit();
  }

  private emit(): void {
    for (const listener of this.fakeListeners) listener();
  }
}
