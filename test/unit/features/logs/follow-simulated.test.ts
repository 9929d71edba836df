// The follower through the real SDK clients against the simulated account: the event stream of
// StartLiveTail, FilterLogEvents paging and the error shapes all go through the SDK as with AWS.
import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { afterEach, describe, expect, it } from "vitest";
import { connect } from "../../../../source/aws/connection.js";
import { EcsGateway } from "../../../../source/aws/ecs-gateway.js";
import { LogsGateway } from "../../../../source/aws/logs-gateway.js";
import { LogFollower } from "../../../../source/features/logs/log-follower.js";
import { createFakeClock, createSimulatedAccount, type SimOptions } from "../../../../source/sim/index.js";
import { waitFor } from "../../../helpers/wait-for.js";

const followers: LogFollower[] = [];
afterEach(() => {
  for (const follower of followers.splice(0)) follower.stop();
});

async function simulated(options: SimOptions = {}) {
  const clock = createFakeClock();
  const sim = createSimulatedAccount({ now: clock.now, liveTailIntervalMs: 20, throttle: false, ...options });
  const connection = await connect({ region: sim.region, requestHandler: sim.requestHandler });
  const ecs = new EcsGateway(connection.ecs);
  const clusters = await ecs.listClusterArns();
  const cluster = clusters.ok ? clusters.value.find((arn) => arn.endsWith("/prod"))! : "";
  const services = await ecs.listServiceArns(cluster);
  const service = services.ok ? services.value[0]!.split("/").pop()! : "";
  return { clock, sim, connection, ecs, cluster, service };
}

function follow(ecs: EcsGateway, logs: LogsGateway, now: () => number) {
  const follower = new LogFollower({ ecs, logs, now, pollIntervalMs: 50 });
  followers.push(follower);
  return follower;
}

describe("LogFollower on the simulated account", () => {
  it("loads a service's history and follows its tasks over Live Tail", async () => {
    const { clock, connection, ecs, cluster, service } = await simulated();
    const logs = new LogsGateway(connection.logs, { region: connection.region });
    const follower = follow(ecs, logs, clock.now);
    follower.start({ kind: "service", cluster, service });
    await waitFor(() => follower.getState().mode === "live", "Live Tail");
    await waitFor(() => follower.buffer.length >= 500, "history");
    const startedAt = clock.now();
    const tasks = new Set(follower.getState().sources.map((source) => source.taskId));
    expect(tasks.size).toBeGreaterThan(0);

    clock.advance(10_000);
    await waitFor(
      () => (follower.buffer.at(follower.buffer.length - 1)?.timestamp ?? 0) > startedAt,
      "live lines",
    );
    const lines = follower.buffer.slice(0, follower.buffer.length);
    expect(lines.every((line) => tasks.has(line.taskId))).toBe(true);
    expect(new Set(lines.map((line) => line.id)).size).toBe(lines.length);
    for (let i = 1; i < lines.length; i++)
      expect(lines[i]!.timestamp).toBeGreaterThanOrEqual(lines[i - 1]!.timestamp);
  });

  it("polls FilterLogEvents when Live Tail is denied, and says so", async () => {
    const { clock, connection, ecs, cluster, service } = await simulated({ liveTail: "deny" });
    const logs = new LogsGateway(connection.logs, { region: connection.region });
    const follower = follow(ecs, logs, clock.now);
    follower.start({ kind: "service", cluster, service });
    await waitFor(() => follower.getState().mode === "polling", "polling");
    expect(follower.getState().modeReason).toBe("Live Tail unavailable: AccessDeniedException");
    await waitFor(() => follower.buffer.length > 0, "history");
    const startedAt = clock.now();
    clock.advance(10_000);
    await waitFor(
      () => (follower.buffer.at(follower.buffer.length - 1)?.timestamp ?? 0) > startedAt,
      "polled lines",
    );
  });

  it("polls when the endpoint lacks StartLiveTail (HTTP 500, like moto 5.2.1)", async () => {
    const { clock, sim, ecs, cluster, service } = await simulated({ liveTail: "unsupported" });
    const client = new CloudWatchLogsClient({
      region: sim.region,
      credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "test" },
      requestHandler: sim.requestHandler,
      disableHostPrefix: true,
      maxAttempts: 1,
    });
    const follower = follow(ecs, new LogsGateway(client, { region: sim.region }), clock.now);
    follower.start({ kind: "service", cluster, service });
    await waitFor(() => follower.getState().mode === "polling", "polling");
    expect(follower.getState().modeReason).toBe("Live Tail unavailable: HTTP 500");
  });

  it("ends its Live Tail session on stop, so followers opened one after another never hit the limit", async () => {
    const { clock, connection, ecs, cluster, service } = await simulated();
    const logs = new LogsGateway(connection.logs, { region: connection.region });
    // The account allows 15 sessions at once; leaked sessions would make the 16th fail.
    for (let i = 0; i < 17; i++) {
      const follower = follow(ecs, logs, clock.now);
      follower.start({ kind: "service", cluster, service });
      await waitFor(() => follower.getState().mode !== "starting", "a mode");
      expect(follower.getState()).toMatchObject({ mode: "live" });
      follower.stop();
    }
  });
});

describe("connect", () => {
  it("makes a Logs client that keeps custom endpoints free of the stream- host prefix", async () => {
    const env = {};
    const custom = await connect({ region: "us-east-1", endpointUrl: "http://127.0.0.1:5000", env });
    expect(custom.logs.config.disableHostPrefix).toBe(true);
    expect(await custom.logs.config.region()).toBe("us-east-1");
    expect(custom.logsIn("eu-west-1")).toBe(custom.logsIn("eu-west-1"));
    expect(await custom.logsIn("eu-west-1").config.region()).toBe("eu-west-1");

    const fromEnv = await connect({
      region: "us-east-1",
      env: { AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: "http://localhost:4566" },
    });
    expect(fromEnv.logs.config.disableHostPrefix).toBe(true);

    const aws = await connect({ region: "us-east-1", env });
    expect(aws.logs.config.disableHostPrefix).toBe(false);
  });
});
