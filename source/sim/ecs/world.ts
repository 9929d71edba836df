// The simulated account: its clusters and task definition families, the simulated time, and the
// event queue that moves it forward. Created by the scenario; mutated by the scheduler.
import { EventQueue } from "../event-queue.js";
import { clusterArn, resourceRef, type AccountScope } from "./arns.js";
import type { SimCluster, SimService, SimTask, TaskChange, TaskFamily } from "./model.js";

export interface WorldHooks {
  /** Called after a task changes; the service scheduler reacts (replacements, rollouts, events). */
  taskChanged: (task: SimTask, at: number, change: TaskChange) => void;
  /** Called after UpdateService set a service's desired count; Application Auto Scaling reacts. */
  desiredCountSet: (service: SimService, at: number) => void;
}

export class World implements AccountScope {
  readonly region = "us-east-1";
  readonly accountId = "123456789012";
  readonly clusters: SimCluster[] = [];
  readonly clustersByName = new Map<string, SimCluster>();
  readonly families = new Map<string, TaskFamily>();
  private readonly queue = new EventQueue();
  private seqCounter = 0;
  hooks: WorldHooks = { taskChanged: () => {}, desiredCountSet: () => {} };

  constructor(
    readonly seed: number,
    /** Simulated time in ms; only moves forward. */
    public time: number,
  ) {}

  nextSeq(): number {
    return this.seqCounter++;
  }

  schedule(at: number, run: (at: number) => void): void {
    this.queue.schedule(Math.max(at, this.time), run);
  }

  /** Runs every event due by `to`; the clock never goes back. */
  advance(to: number): void {
    this.queue.runUntil(to, (at) => {
      if (at > this.time) this.time = at;
    });
    if (to > this.time) this.time = to;
  }

  get pendingEvents(): number {
    return this.queue.size;
  }

  addCluster(cluster: SimCluster): void {
    this.clusters.push(cluster);
    this.clustersByName.set(cluster.name, cluster);
  }

  /** The cluster for a name or ARN parameter; ECS uses "default" when none is given. */
  findCluster(nameOrArn: string | undefined): SimCluster | undefined {
    const ref = resourceRef(this, nameOrArn ?? "default", "cluster");
    if (ref === undefined || ref.foreign) return undefined;
    return this.clustersByName.get(ref.name);
  }

  clusterArnFor(name: string): string {
    return clusterArn(this, name);
  }
}
