// The call counter, the call log file a pty test reads, and the DECKHAND_SIM_* environment.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DescribeServicesCommand, ListClustersCommand, ListServicesCommand } from "@aws-sdk/client-ecs";
import { afterAll, describe, expect, it, vi } from "vitest";
import { CallTally } from "../../../source/sim/call-counter.js";
import { startCallLog } from "../../../source/sim/call-log.js";
import { simOptionsFromEnv, type SimOptions } from "../../../source/sim/index.js";
import { simulatedEcs } from "../../helpers/sim-client.js";

const scratch = mkdtempSync(join(tmpdir(), "deckhand-sim-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function setup(options: SimOptions = {}) {
  return simulatedEcs(options);
}

async function waitFor<T>(read: () => T, accept: (value: T) => boolean, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

interface CallLogFile {
  calls: Record<string, number>;
  throttled: Record<string, number>;
  total: number;
}

describe("simulated account: call counting", () => {
  it("counts calls per operation, throttled calls separately, and resets", async () => {
    const { ecs, sim } = setup();
    await ecs.send(new ListServicesCommand({ cluster: "prod" }));
    await ecs.send(new ListServicesCommand({ cluster: "prod" }));
    await ecs.send(new DescribeServicesCommand({ cluster: "prod", services: ["cart"] }));
    await ecs.send(new ListServicesCommand({ cluster: "nope" })).catch(() => undefined);
    expect(sim.calls.byOperation()).toEqual({ ListServices: 3, DescribeServices: 1 });
    expect(sim.calls.total()).toBe(4);
    for (let i = 0; i < 51; i++) await ecs.send(new ListClustersCommand({})).catch(() => undefined);
    expect(sim.calls.throttled()).toEqual({ ListClusters: 1 });
    sim.calls.reset();
    expect(sim.calls.byOperation()).toEqual({});
    expect(sim.calls.throttled()).toEqual({});
    expect(sim.calls.total()).toBe(0);
  });

  it("keeps the call log file up to date", async () => {
    const path = join(scratch, "calls.json");
    const { ecs, sim } = setup({ callLogPath: path });
    const read = (): CallLogFile => JSON.parse(readFileSync(path, "utf8")) as CallLogFile;
    expect(read()).toEqual({ calls: {}, throttled: {}, total: 0, mutations: [] });
    await ecs.send(new ListServicesCommand({ cluster: "prod" }));
    await ecs.send(new DescribeServicesCommand({ cluster: "prod", services: ["cart"] }));
    const written = await waitFor(read, (log) => log.total === 2);
    expect(written).toEqual({
      calls: { ListServices: 1, DescribeServices: 1 },
      throttled: {},
      total: 2,
      mutations: [],
    });
    sim.calls.reset();
    expect((await waitFor(read, (log) => log.total === 0)).calls).toEqual({});
  });

  it("never lets a write that was under way land over a mutation written after it", async () => {
    const path = join(scratch, "overtaken-calls.json");
    const tally = new CallTally();
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const log = startCallLog(path, tally);
    tally.record("DescribeServices");
    log.touch();
    vi.advanceTimersByTime(200); // the coalesced write starts, before the mutation
    tally.recordMutation({
      at: new Date(0).toISOString(),
      action: "ecs:UpdateService",
      operation: "UpdateService",
      input: {},
      outcome: "ok",
    });
    log.flush();
    vi.useRealTimers();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const written = JSON.parse(readFileSync(path, "utf8")) as { mutations: unknown[] };
    expect(written.mutations).toHaveLength(1);
  });

  it("writes the call log one last time when the process exits", () => {
    const path = join(scratch, "exit-calls.json");
    const script = join(scratch, "exit.mts");
    const index = fileURLToPath(new URL("../../../source/sim/index.ts", import.meta.url));
    writeFileSync(
      script,
      [
        `import { createSimulatedAccount } from ${JSON.stringify(index)};`,
        `const sim = createSimulatedAccount({ callLogPath: ${JSON.stringify(path)} });`,
        `const request = { method: "POST", protocol: "https:", hostname: "x", path: "/", query: {}, body: "{}",`,
        `  headers: { "x-amz-target": "AmazonEC2ContainerServiceV20141113.ListClusters" } };`,
        `await sim.requestHandler.handle(request);`,
        `await sim.requestHandler.handle(request);`,
        `process.exit(0);`,
      ].join("\n"),
    );
    const result = spawnSync(process.execPath, ["--import", "tsx", script], {
      cwd: fileURLToPath(new URL("../../..", import.meta.url)),
      encoding: "utf8",
    });
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(readFileSync(path, "utf8"))).toEqual({
      calls: { ListClusters: 2 },
      throttled: {},
      total: 2,
      mutations: [],
    });
  });
});

describe("simOptionsFromEnv", () => {
  it("reads the DECKHAND_SIM_* variables", () => {
    expect(
      simOptionsFromEnv({
        DECKHAND_SIM_SERVICES: "2000",
        DECKHAND_SIM_TASKS: "10000",
        DECKHAND_SIM_LATENCY_MS: "50",
        DECKHAND_SIM_SEED: "7",
        DECKHAND_SIM_CALL_LOG: "/tmp/calls.json",
      }),
    ).toEqual({ services: 2000, tasks: 10_000, latencyMs: 50, seed: 7, callLogPath: "/tmp/calls.json" });
    expect(simOptionsFromEnv({})).toEqual({});
    expect(simOptionsFromEnv({ DECKHAND_SIM_SERVICES: "", DECKHAND_SIM_CALL_LOG: "" })).toEqual({});
  });

  it("rejects invalid values with a one-line message naming the variable", () => {
    for (const [name, value] of [
      ["DECKHAND_SIM_SERVICES", "lots"],
      ["DECKHAND_SIM_SERVICES", "0"],
      ["DECKHAND_SIM_TASKS", "-1"],
      ["DECKHAND_SIM_LATENCY_MS", "1.5"],
      ["DECKHAND_SIM_SEED", "0x10"],
    ] as const) {
      let message = "";
      try {
        simOptionsFromEnv({ [name]: value });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toContain(name);
      expect(message).not.toContain("\n");
    }
  });
});
