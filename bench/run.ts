// `npm run bench`: measures the performance budgets and prints what it measured.
import { bigCluster } from "./big-cluster.js";
import { coldStart } from "./cold-start.js";
import { logsBench } from "./logs.js";

const runs = Number(process.env.BENCH_RUNS ?? 15);
const watchSeconds = Number(process.env.BENCH_WATCH_SECONDS ?? 60);
const logSeconds = Number(process.env.BENCH_LOG_SECONDS ?? 30);
const logPollSeconds = Number(process.env.BENCH_LOG_POLL_SECONDS ?? 60);

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
const start = await coldStart(runs);
for (const line of start.lines) console.log(line);
console.log("");
const big = await bigCluster(watchSeconds);
for (const line of big.lines) console.log(line);
console.log("");
const logs = await logsBench(logSeconds, logPollSeconds);
for (const line of logs.lines) console.log(line);

const missed = [...start.missed, ...big.missed, ...logs.missed];
console.log("");
console.log(missed.length === 0 ? "all budgets met" : `BUDGETS MISSED: ${missed.join("; ")}`);
process.exit(missed.length === 0 ? 0 : 1);
