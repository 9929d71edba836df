// The log pane in a real pty against moto_server. moto 5.2.1 has FilterLogEvents and GetLogEvents
// but answers StartLiveTail with HTTP 500 (docs/aws.md, "moto 5.2.1: unimplemented operations"), so
// this proves the polling fallback over real HTTP: streams named like awslogs names them, the
// seeded history, then lines put while the pane is open showing up within a polling interval. Needs
// `npm run build` (test:integration does it).
import { CloudWatchLogsClient, PutLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  MOTO_CREDENTIALS,
  MOTO_REGION,
  emptyAwsHome,
  motoDeckhandEnv,
  motoEcsClient,
  startMoto,
  type MotoServer,
} from "../helpers/moto.js";
import { ENTER, ESC, startDeckhand, type Deckhand } from "../helpers/pty.js";
import {
  BIG_CLUSTER,
  seedMoto,
  SMALL_CLUSTER,
  type Seed,
  type SeededService,
  type SeededTask,
} from "../helpers/seed-moto.js";

/** The pane polls a group every 2 s and reads 5 s behind the newest event; allow for moto's pace. */
const NEW_LINE_WITHIN_MS = 8_000;

let moto: MotoServer;
let seed: Seed;
let logs: CloudWatchLogsClient;
let awsHome: string;
let web: SeededService;

beforeAll(async () => {
  moto = await startMoto();
  const ecs = motoEcsClient(moto.endpoint);
  logs = new CloudWatchLogsClient({
    endpoint: moto.endpoint,
    region: MOTO_REGION,
    credentials: MOTO_CREDENTIALS,
    maxAttempts: 1,
  });
  seed = await seedMoto(ecs, logs);
  ecs.destroy();
  const found = seed.small.services.find((s) => s.name === "web");
  if (!found || found.tasks.length < 2) throw new Error("no seeded web service with two tasks");
  web = found;
  awsHome = emptyAwsHome();
});

afterAll(async () => {
  logs?.destroy();
  await moto?.stop();
  if (awsHome) rmSync(awsHome, { recursive: true, force: true });
});

function start(): Deckhand {
  return startDeckhand({
    args: ["--endpoint-url", moto.endpoint, "--region", "us-east-1"],
    cols: 160,
    rows: 40,
    env: motoDeckhandEnv(awsHome),
  });
}

/** Applies a `/` filter, waiting for each step to show so no key lands in the wrong mode. */
async function filter(deckhand: Deckhand, text: string): Promise<void> {
  deckhand.press("/");
  await deckhand.waitForText(/^\/ /m);
  await deckhand.type(text);
  deckhand.press(ENTER);
  await deckhand.waitForText(`</${text}>`);
}

/** staging → web's tasks. */
async function openWebTasks(deckhand: Deckhand): Promise<void> {
  await deckhand.waitForText("clusters[3]");
  await filter(deckhand, SMALL_CLUSTER);
  deckhand.press(ENTER);
  await deckhand.waitForText(`services(${SMALL_CLUSTER})[3]`);
  await filter(deckhand, "web");
  await deckhand.waitForText(/^[^a-z0-9]*web\s/m);
}

const POLLING = /polling \(Live Tail unavailable: [^)]*\)/;

/** Puts one line per task now, one call per stream; task.logLines keeps every line its stream holds. */
async function putLines(tasks: SeededTask[], label: string): Promise<string[]> {
  const messages: string[] = [];
  for (const task of tasks) {
    const message = `${label} from ${task.id.slice(0, 8)}`;
    await logs.send(
      new PutLogEventsCommand({
        logGroupName: task.logGroup,
        logStreamName: task.logStream,
        logEvents: [{ message, timestamp: Date.now() }],
      }),
    );
    messages.push(message);
    task.logLines.push(message);
  }
  return messages;
}

async function waitForLines(deckhand: Deckhand, messages: string[], timeoutMs: number): Promise<number> {
  const started = performance.now();
  for (const message of messages) {
    await deckhand.waitForText(message, Math.max(1, timeoutMs - (performance.now() - started)));
  }
  return performance.now() - started;
}

describe("log pane against moto_server (polling fallback)", () => {
  it("follows a service: says it polls, shows both tasks' history, then new lines as they are put", async () => {
    const deckhand = start();
    await openWebTasks(deckhand);
    deckhand.press("l");
    await deckhand.waitForText(`logs(${SMALL_CLUSTER}/web)`);

    // moto 5.2.1 answers StartLiveTail with an HTML 500: the pane must say it fell back.
    await deckhand.waitForText(POLLING, 20_000);
    const history = web.tasks.flatMap((task) => [...task.logLines]);
    await waitForLines(deckhand, history, 10_000);
    // Two tasks: each line carries its task/container prefix.
    for (const task of web.tasks) expect(deckhand.screen()).toContain(`${task.id.slice(0, 8)}/web`);
    expect(deckhand.screen()).toContain(`logs(${SMALL_CLUSTER}/web)[${history.length}]`);

    for (let round = 1; round <= 2; round += 1) {
      const fresh = await putLines(web.tasks, `fresh line ${round}`);
      const took = await waitForLines(deckhand, fresh, NEW_LINE_WITHIN_MS);
      expect(took).toBeLessThan(NEW_LINE_WITHIN_MS);
      await deckhand.waitForText(`logs(${SMALL_CLUSTER}/web)[${history.length + round * web.tasks.length}]`);
    }
    expect(deckhand.screen()).toMatch(POLLING);
    expect(deckhand.screen()).not.toMatch(/dropped/);

    deckhand.press(ESC); // back to the table, as it was
    await deckhand.waitForText(`services(${SMALL_CLUSTER})[1/3] </web>`);
    deckhand.press("q");
    expect((await deckhand.waitForExit()).exitCode).toBe(0);
  });

  it("follows one container: only its task's stream, and its new lines", async () => {
    const deckhand = start();
    await openWebTasks(deckhand);
    deckhand.press(ENTER);
    await deckhand.waitForText(`tasks(${SMALL_CLUSTER}/web)[running][${web.tasks.length}]`);
    deckhand.press(ENTER);
    const title = /containers\(([0-9a-f-]+)\)\[1\]/;
    await deckhand.waitForText(title);
    const taskId = title.exec(deckhand.screen())?.[1];
    const task = web.tasks.find((t) => t.id === taskId);
    if (!task) throw new Error(`the containers view shows task ${taskId}, not one of web's`);
    const other = web.tasks.find((t) => t !== task)!;
    await deckhand.waitForText(/^[^a-z0-9]*web\s/m);
    deckhand.press("l");
    await deckhand.waitForText(`logs(${task.id}/web)`);

    await deckhand.waitForText(POLLING, 20_000);
    // Everything its stream holds, the earlier test's lines included.
    await waitForLines(deckhand, task.logLines, 10_000);
    const [fresh] = await putLines([task, other], "container line");
    const took = await waitForLines(deckhand, [fresh!], NEW_LINE_WITHIN_MS);
    expect(took).toBeLessThan(NEW_LINE_WITHIN_MS);
    await deckhand.waitForText(`logs(${task.id}/web)[${task.logLines.length}]`);
    // Nothing from the other task, old or new; one source, so no prefix.
    expect(deckhand.screen()).not.toContain(other.id.slice(0, 8));

    deckhand.press(ESC);
    await deckhand.waitForText(title);
    deckhand.press("q");
    expect((await deckhand.waitForExit()).exitCode).toBe(0);
  });

  it("follows only the service's own tasks, though moto's ListTasks ignores serviceName", async () => {
    // prod runs tasks for svc-000 … svc-003; moto lists them all whatever serviceName says
    // (docs/aws.md, "moto 5.2.1: services and tasks"), so the follower has to keep the tasks whose
    // group is service:<name>.
    const service = seed.big.services.find((s) => s.name === "svc-001");
    if (!service || service.tasks.length !== 1) throw new Error("no seeded svc-001 with one task");
    const [task] = service.tasks as [SeededTask];
    const others = seed.big.services.flatMap((s) => (s === service ? [] : s.tasks));
    expect(others.length).toBeGreaterThan(0);

    const deckhand = start();
    await deckhand.waitForText("clusters[3]");
    await filter(deckhand, BIG_CLUSTER);
    deckhand.press(ENTER);
    await deckhand.waitForText(`services(${BIG_CLUSTER})[`);
    await filter(deckhand, service.name);
    await deckhand.waitForText(new RegExp(`^[^a-z0-9]*${service.name}\\s`, "m"));
    deckhand.press("l");
    await deckhand.waitForText(`logs(${BIG_CLUSTER}/${service.name})`);
    await deckhand.waitForText(POLLING, 20_000);
    // The newest line is its own, so it is on screen whatever else the pane holds.
    await putLines([task], "own line");
    await waitForLines(deckhand, task.logLines.slice(-1), NEW_LINE_WITHIN_MS);
    const foreign = others.filter((other) => deckhand.screen().includes(other.id.slice(0, 8)));
    expect(
      foreign.map((other) => other.logStream),
      "other services' streams in the pane",
    ).toEqual([]);
    await waitForLines(deckhand, task.logLines, 1_000);
    expect(deckhand.screen()).toContain(`logs(${BIG_CLUSTER}/${service.name})[${task.logLines.length}]`);
  });
});
