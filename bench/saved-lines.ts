// The log pane's saved buffer (ctrl-s), and how it compares with what the simulator wrote.
import { CloudWatchLogsClient, FilterLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { SimulatedAccount } from "../source/sim/index.js";
import type { App } from "./pty-app.js";

const CTRL_S = "\u0013";

export interface Comparison {
  /** Oldest saved line + 1 ms (that millisecond may be partly evicted) … `to`. */
  from: number;
  to: number;
  saved: number;
  /** Lines the reference account wrote in the checked range. */
  expected: number;
  /** …of which the pane lacks: gaps, since each stream is checked only up to its newest line in the pane. */
  missing: number;
  /** Lines in the pane the reference account did not write. */
  extra: number;
  /** Pane lines from streams the reference account does not have (see `reference` below). */
  unknownStreams: number;
  /** A few of the missing and extra lines (`timestamp stream message`), to judge them by. */
  samples: { missing: string[]; extra: string[] };
}

/**
 * The saved buffer against what the simulator wrote to the service's log group. `reference` is a second
 * simulated account made with the server's options and built at the server's epoch: it writes the
 * same lines for the same streams. A stream is checked only up to its newest line in the pane (later
 * lines could be a lag or a stopped task, not a gap), and lines of streams the reference does not
 * know are counted apart.
 */
export async function compareWithSimulator(
  file: string,
  reference: SimulatedAccount,
  logGroupName: string,
  to: number,
): Promise<Comparison> {
  const key = (timestamp: number, stream: string, message: string) => `${timestamp} ${stream} ${message}`;
  const saved = new Map<string, number>();
  const newestByStream = new Map<string, number>();
  let oldest = Infinity;
  let savedCount = 0;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    // `ISO-time task/container message`; a line that does not match continues a multi-line message.
    const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z) ([0-9a-f]+)\/(\S+) (.*)$/.exec(line);
    if (!match) continue;
    const timestamp = Date.parse(match[1]!);
    const stream = `${match[2]}/${match[3]}`;
    savedCount += 1;
    oldest = Math.min(oldest, timestamp);
    newestByStream.set(stream, Math.max(newestByStream.get(stream) ?? -Infinity, timestamp));
    const k = key(timestamp, stream, match[4]!);
    saved.set(k, (saved.get(k) ?? 0) + 1);
  }
  const from = oldest + 1;
  const logs = new CloudWatchLogsClient({
    region: reference.region,
    requestHandler: reference.requestHandler,
    credentials: { accessKeyId: "BENCH", secretAccessKey: "bench" },
  });
  const written = new Map<string, number>();
  const knownStreams = new Set<string>();
  let expected = 0;
  try {
    let nextToken: string | undefined;
    do {
      const out = await logs.send(
        new FilterLogEventsCommand({
          logGroupName,
          startTime: from,
          endTime: to,
          nextToken,
          limit: 10_000,
        }),
      );
      for (const event of out.events ?? []) {
        // ecs/<container>/<taskId> → taskId/container, as the saved file names it
        const [, container, taskId] = (event.logStreamName ?? "").split("/");
        const stream = `${taskId}/${container}`;
        knownStreams.add(stream);
        const timestamp = event.timestamp ?? 0;
        if (timestamp > (newestByStream.get(stream) ?? to)) continue;
        expected += 1;
        const k = key(timestamp, stream, (event.message ?? "").split("\n")[0]!);
        written.set(k, (written.get(k) ?? 0) + 1);
      }
      nextToken = out.nextToken;
    } while (nextToken);
  } finally {
    logs.destroy();
  }
  const samples = { missing: [] as string[], extra: [] as string[] };
  let missing = 0;
  for (const [k, count] of written) {
    const lacking = Math.max(0, count - (saved.get(k) ?? 0));
    missing += lacking;
    if (lacking > 0 && samples.missing.length < 3) samples.missing.push(k);
  }
  let extra = 0;
  let unknownStreams = 0;
  for (const [k, count] of saved) {
    const [time, stream] = k.split(" ", 2) as [string, string];
    const timestamp = Number(time);
    if (timestamp < from || timestamp > to) continue;
    if (!knownStreams.has(stream)) unknownStreams += count;
    else {
      const surplus = Math.max(0, count - (written.get(k) ?? 0));
      extra += surplus;
      if (surplus > 0 && samples.extra.length < 3) samples.extra.push(k);
    }
  }
  return { from, to, saved: savedCount, expected, missing, extra, unknownStreams, samples };
}

export interface Saved {
  file: string;
  /** When ctrl-s was pressed (epoch ms). */
  at: number;
  /** Timestamp of the newest saved line (epoch ms). */
  newest: number;
}

/** ctrl-s in the pane: waits for the "saved" notice and returns the new file. */
export async function save(app: App, state: string): Promise<Saved | undefined> {
  const directory = join(state, "deckhand", "logs");
  const list = () =>
    existsSync(directory) ? readdirSync(directory).filter((name) => name.endsWith(".log")) : [];
  const before = new Set(list());
  const at = Date.now();
  app.press(CTRL_S);
  const done = await app
    .waitForText(/saved \d+ lines to /, 30_000)
    .then(() => true)
    .catch(() => false);
  const name = list().find((candidate) => !before.has(candidate));
  if (!done || !name) return undefined;
  const file = join(directory, name);
  const text = readFileSync(file, "utf8");
  const last = /(\d{4}-\d\d-\d\dT[\d:.]+Z) \S+ [^\n]*\n?$/.exec(text.slice(-100_000))?.[1];
  return { file, at, newest: last ? Date.parse(last) : Number.NaN };
}
