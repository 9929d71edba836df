// One CloudWatch Logs event as the log pane sees it, whichever API delivered it.
export type LogLevel = "error" | "warn" | "info" | "debug";

export interface LogLine {
  /** CloudWatch eventId (FilterLogEvents); Live Tail events carry none and get a session-unique id. */
  id: string;
  /** Event time in ms since the epoch. */
  timestamp: number;
  taskId: string;
  container: string;
  stream: string;
  group: string;
  /** Raw and untrusted: the UI sanitises when it renders. */
  message: string;
}

/** Orders lines by time, then id: the buffer's sort key. */
export function compareLines(a: LogLine, b: LogLine): number {
  if (a.timestamp !== b.timestamp) return a.timestamp - b.timestamp;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Lines by position, oldest first: the buffer itself, a filtered view of it, or an array. */
export interface LineList {
  readonly length: number;
  at(index: number): LogLine | undefined;
}

/** The index of the first line at or after (timestamp, id) in lines sorted by compareLines. */
export function firstAtOrAfter(lines: LineList, timestamp: number, id: string): number {
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const line = lines.at(mid)!;
    if (line.timestamp < timestamp || (line.timestamp === timestamp && line.id < id)) low = mid + 1;
    else high = mid;
  }
  return low;
}
