// The simulator's clock model: nothing runs in the background. State changes are events on a
// min-heap keyed by simulated time, and each request first runs every event that is due. Events
// run in (time, insertion) order, so the world at a given time does not depend on when or how
// often it was looked at.

interface TimedEvent {
  at: number;
  seq: number;
  run: (at: number) => void;
}

export class EventQueue {
  private readonly heap: TimedEvent[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  schedule(at: number, run: (at: number) => void): void {
    this.heap.push({ at, seq: this.seq++, run });
    this.up(this.heap.length - 1);
  }

  /** Runs every event due at or before `to`, including ones scheduled while running. Returns how many ran. */
  runUntil(to: number, onTick: (at: number) => void): number {
    let count = 0;
    for (;;) {
      const head = this.heap[0];
      if (head === undefined || head.at > to) return count;
      this.pop();
      onTick(head.at);
      head.run(head.at);
      count++;
    }
  }

  private pop(): void {
    const last = this.heap.pop();
    if (last === undefined || this.heap.length === 0) return;
    this.heap[0] = last;
    this.down(0);
  }

  private less(a: number, b: number): boolean {
    const x = this.heap[a] as TimedEvent;
    const y = this.heap[b] as TimedEvent;
    return x.at < y.at || (x.at === y.at && x.seq < y.seq);
  }

  private swap(a: number, b: number): void {
    const x = this.heap[a] as TimedEvent;
    this.heap[a] = this.heap[b] as TimedEvent;
    this.heap[b] = x;
  }

  private up(index: number): void {
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(index: number): void {
    let i = index;
    const n = this.heap.length;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < n && this.less(left, smallest)) smallest = left;
      if (right < n && this.less(right, smallest)) smallest = right;
      if (smallest === i) return;
      this.swap(i, smallest);
      i = smallest;
    }
  }
}
