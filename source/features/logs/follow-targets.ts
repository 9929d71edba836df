// What a follower asks CloudWatch Logs for: the followed awslogs streams grouped by log group (one
// FilterLogEvents or Live Tail filter per group, not per stream), and the way back from an event's
// (group, stream) to the task and container that wrote it.
import type { LogLine } from "./log-line.js";
import type { AwslogsSource } from "./log-sources.js";

export interface FollowedStream {
  source: AwslogsSource;
  /** ARN of the log group (Live Tail names groups by ARN), when the task ARN allowed building it. */
  groupArn: string | undefined;
  /** Nothing older can be in the stream: its task's creation time, less clock skew. */
  notBefore: number;
}

export interface GroupTarget {
  /** region + group: the unit of requests and of the polling budget. */
  key: string;
  region: string;
  group: string;
  groupArn: string | undefined;
  streams: string[];
  notBefore: number;
}

export const streamKey = (group: string, stream: string) => `${group}\u0000${stream}`;
export const groupKey = (region: string, group: string) => `${region}\u0000${group}`;

export function groupTargets(streams: Iterable<FollowedStream>): GroupTarget[] {
  const targets = new Map<string, GroupTarget>();
  for (const followed of streams) {
    const { region, group, stream } = followed.source;
    const key = groupKey(region, group);
    const target = targets.get(key);
    if (target) {
      target.streams.push(stream);
      target.notBefore = Math.min(target.notBefore, followed.notBefore);
      target.groupArn ??= followed.groupArn;
    } else {
      targets.set(key, {
        key,
        region,
        group,
        groupArn: followed.groupArn,
        streams: [stream],
        notBefore: followed.notBefore,
      });
    }
  }
  for (const target of targets.values()) target.streams.sort();
  return [...targets.values()];
}

export interface RawEvent {
  id: string;
  timestamp: number;
  message: string;
}

export function toLogLine(source: AwslogsSource, event: RawEvent): LogLine {
  // One literal with every field: 100,000 lines share a single object shape, with no overflow
  // property store per line.
  return {
    id: event.id,
    timestamp: event.timestamp,
    taskId: source.taskId,
    container: source.container,
    stream: source.stream,
    group: source.group,
    message: event.message,
  };
}
