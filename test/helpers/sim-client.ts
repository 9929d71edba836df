// A real ECSClient wired to a fresh simulated account on a fake clock: the SDK path as in --demo.
import { DescribeServicesCommand, ECSClient, type Service } from "@aws-sdk/client-ecs";
import { createFakeClock, createSimulatedAccount, type SimOptions } from "../../source/sim/index.js";

export function simulatedEcs(options: SimOptions = {}) {
  const clock = createFakeClock();
  const sim = createSimulatedAccount({ now: clock.now, ...options });
  const ecs = new ECSClient({
    region: sim.region,
    credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "test" },
    requestHandler: sim.requestHandler,
    // One attempt: the SDK would otherwise retry throttled and failed calls and hide them.
    maxAttempts: 1,
  });
  return { clock, sim, ecs };
}

/** One service as DescribeServices returns it; fails the test when it is missing. */
export async function describeService(ecs: ECSClient, name: string, cluster = "prod"): Promise<Service> {
  const result = await ecs.send(new DescribeServicesCommand({ cluster, services: [name] }));
  const found = result.services?.[0];
  if (found === undefined) throw new Error(`no service ${name}`);
  return found;
}
