// What a LogFollower tells the UI about itself. Its own file so that the follower's parts
// (follow-run, scope-streams) can use it without importing the follower that runs them.
import type { AwsFailure } from "../../aws/failure.js";
import type { SkippedRange } from "./log-poller.js";
import type { LogSource } from "./log-sources.js";

export interface FollowerState {
  mode: "starting" | "live" | "polling" | "stopped";
  /**
   * e.g. "Live Tail unavailable: AccessDeniedException", "sampled: more than 500 events/s",
   * "Live Tail silent for 15 s, reconnecting", "fell behind: skipped 65 s of /ecs/web".
   */
  modeReason?: string;
  /** What is followed, including "elsewhere" sources, to explain them. */
  sources: LogSource[];
  /** The last error, if any. */
  failure?: AwsFailure;
  sampled: boolean;
  /**
   * Ranges polling could not keep up with and skipped (the most recent; kept across starts, like
   * the buffer's lines): lines in them may be missing from the buffer.
   */
  skipped: SkippedRange[];
  /** How far back history reaches (see setHistoryWindow). */
  historyWindowMs: number;
}
