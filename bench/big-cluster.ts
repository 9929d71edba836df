// Budgets on a simulated cluster of 2,000 services (10,000 tasks) at 50 ms per call, with the ECS
// token buckets on: the first screenful described <= 1.5 s after entering the cluster, all 2,000
// <= 8 s, no throttling error shown; then watching it with a 5 s refresh costs <= 100 ECS calls/min.
// Runs the same store, gateway, SDK client and simulator as `deckhand --demo`, in-process, so the
// timings can be read off the store without screen scraping.
import { connect } from "../source/aws/connection.js";
import { EcsGateway } from "../source/aws/ecs-gateway.js";
import type { ServiceRow } from "../source/kinds/service.js";
import { AppStore } from "../source/state/app-store.js";
import { createSimulatedAccount } from "../source/sim/index.js";
import { ms } from "./stats.js";

const VIEWPORT_ROWS = 40;
const TALL_VIEWPORT_ROWS = 70;

const sleep = (delay: number) => new Promise((resolve) => setTimeout(resolve, delay));

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) return false;
    await sleep(2);
  }
  return true;
}

export interface BenchResult {
  lines: string[];
  /** Budgets missed, in words; empty when all were met. */
  missed: string[];
}

export async function bigCluster(watchSeconds: number): Promise<BenchResult> {
  const sim = createSimulatedAccount({ services: 2000, tasks: 10_000, latencyMs: 50 });
  const { ecs } = await connect({ region: sim.region, requestHandler: sim.requestHandler });
  const store = new AppStore({ refreshMs: 5_000 });
  store.setViewportRows(VIEWPORT_ROWS);
  store.start();
  const errors: string[] = [];
  store.subscribe(() => {
    const flash = store.getState().flash;
    if (flash?.level === "error" && errors.at(-1) !== flash.text) errors.push(flash.text);
  });
  void store.attach(new EcsGateway(ecs), []);

  const clusterNames = () =>
    store
      .visibleRows(store.top())
      .map((row) => (row as { cluster: { clusterName?: string } }).cluster.clusterName);
  if (!(await until(() => clusterNames().includes("prod"), 10_000)))
    throw new Error("cluster list never loaded");
  store.moveCursor(clusterNames().indexOf("prod"));

  const services = () => store.visibleRows(store.top()) as ServiceRow[];
  const screenful = () => {
    const view = store.top();
    return services().slice(view.top, view.top + VIEWPORT_ROWS);
  };
  sim.calls.reset();
  const entered = performance.now();
  store.drill();
  const firstScreen = await until(
    () => screenful().length === VIEWPORT_ROWS && screenful().every((row) => row.service),
    20_000,
  );
  const firstScreenMs = performance.now() - entered;
  const all = await until(() => services().length === 2000 && services().every((row) => row.service), 30_000);
  const allMs = performance.now() - entered;
  const loadCalls = sim.calls.byOperation();
  const throttledDuringLoad = sim.calls.throttled();

  // Watch the cluster: the first minute after it is fully described, on a tall terminal (70 rows
  // on screen), the expensive case.
  store.setViewportRows(TALL_VIEWPORT_ROWS);
  await sleep(500);
  sim.calls.reset();
  await sleep(watchSeconds * 1000);
  const watched = sim.calls.byOperation();
  const perMinute = (sim.calls.total() * 60) / watchSeconds;
  store.stop();

  const list = (calls: Record<string, number>) =>
    Object.entries(calls)
      .map(([operation, count]) => `${operation} ${count}`)
      .join(", ");
  const missed = [
    ...(firstScreen && firstScreenMs <= 1500 ? [] : ["first screenful described within 1.5 s"]),
    ...(all && allMs <= 8000 ? [] : ["all 2,000 described within 8 s"]),
    ...(errors.length === 0 ? [] : ["no error shown to the user"]),
    ...(perMinute <= 100 ? [] : ["at most 100 ECS calls per minute while watching"]),
  ];
  const lines = [
    "cluster of 2,000 services / 10,000 tasks, 50 ms per call, ECS token buckets on",
    `  first screenful (${VIEWPORT_ROWS} rows) described   ${firstScreen ? ms(firstScreenMs) : "NOT REACHED"}   (budget <= 1500 ms)`,
    `  all 2,000 described                  ${all ? ms(allMs) : "NOT REACHED"}   (budget <= 8000 ms)`,
    `  calls while loading                  ${list(loadCalls)}`,
    `  throttled by the simulator           ${Object.keys(throttledDuringLoad).length ? list(throttledDuringLoad) : "none"}`,
    `  errors shown to the user             ${errors.length ? errors.join(" | ") : "none"}`,
    `watching it for ${watchSeconds} s with a 5 s refresh, ${TALL_VIEWPORT_ROWS} rows on screen`,
    `  ECS calls                            ${list(watched)}`,
    `  ECS calls per minute                 ${perMinute.toFixed(0)}   (budget <= 100; e1s ~440)`,
  ];
  return { lines, missed };
}
