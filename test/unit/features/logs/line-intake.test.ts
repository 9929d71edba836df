// The intake drops an event that arrives twice through different APIs: once from Live Tail (no
// eventId) and once from FilterLogEvents (with one). Polling re-reads its last seconds on every
// pass, so such a repeat must stay dropped after the Live Tail session has gone.
import { describe, expect, it } from "vitest";
import {
  groupTargets,
  streamKey,
  type FollowedStream,
} from "../../../../source/features/logs/follow-targets.js";
import { LineIntake } from "../../../../source/features/logs/line-intake.js";
import { LogBuffer } from "../../../../source/features/logs/log-buffer.js";

const GROUP = "/ecs/web";
const STREAM = "ecs/app/t1";
const followed: FollowedStream = {
  source: {
    kind: "awslogs",
    taskId: "t1",
    container: "app",
    group: GROUP,
    region: "us-east-1",
    stream: STREAM,
  },
  groupArn: `arn:aws:logs:us-east-1:123456789012:log-group:${GROUP}`,
  notBefore: 0,
};
const [target] = groupTargets([followed]);

describe("LineIntake", () => {
  it("keeps dropping a Live Tail line's FilterLogEvents twin after the session has closed", () => {
    let now = 1_000_000;
    const buffer = new LogBuffer(100);
    const intake = new LineIntake(
      buffer,
      (key) => (key === streamKey(GROUP, STREAM) ? followed : undefined),
      () => now,
    );
    const twin = { eventId: "E1", timestamp: now - 500, message: "GET /healthz 200", logStreamName: STREAM };

    intake.setLive(true);
    const live = {
      logGroupIdentifier: followed.groupArn,
      logStreamName: STREAM,
      timestamp: twin.timestamp,
      message: twin.message,
    };
    expect(intake.addLive("live-1", [live])).toBe(1);
    expect(intake.addFiltered([{ target: target!, event: twin }])).toBe(0);

    intake.setLive(false);
    now += 90_000; // past the time after a session when content is still compared
    expect(intake.addFiltered([{ target: target!, event: twin }])).toBe(0);
    expect(buffer.length).toBe(1);

    // A different event with the same content is a line of its own.
    expect(intake.addFiltered([{ target: target!, event: { ...twin, eventId: "E2" } }])).toBe(1);
  });
});
