// Real CloudWatch Logs, ECS and Application Auto Scaling clients on one fresh simulated account with
// a fake clock: the SDK path of --demo, for the simulator's tests.
import { ApplicationAutoScalingClient } from "@aws-sdk/client-application-auto-scaling";
import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { ECSClient } from "@aws-sdk/client-ecs";
import { createFakeClock, createSimulatedAccount, type SimOptions } from "../../source/sim/index.js";

export function simulatedLogs(options: SimOptions = {}) {
  const clock = createFakeClock();
  const sim = createSimulatedAccount({ now: clock.now, ...options });
  const config = {
    region: sim.region,
    credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "test" },
    requestHandler: sim.requestHandler,
    // One attempt: the SDK would otherwise retry throttled and failed calls and hide them.
    maxAttempts: 1,
  };
  return {
    clock,
    sim,
    logs: new CloudWatchLogsClient(config),
    ecs: new ECSClient(config),
    scaling: new ApplicationAutoScalingClient(config),
  };
}

/** The error a promise rejects with; fails the test if it resolves. */
export async function failure(
  promise: Promise<unknown>,
): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { $metadata?: { httpStatusCode?: number } };
  }
  throw new Error("expected the call to fail");
}
