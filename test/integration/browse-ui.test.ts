// The built CLI in a real pty against moto_server: clusters → services → tasks → containers, the
// filter, movement, back, and quitting with the terminal restored. Needs `npm run build` (the
// test:integration script does it).
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyAwsHome, motoDeckhandEnv, motoEcsClient, startMoto, type MotoServer } from "../helpers/moto.js";
import { CTRL_C, DOWN, ENTER, ESC, startDeckhand, UP, type Deckhand } from "../helpers/pty.js";
import { BIG_CLUSTER, BIG_SERVICE_COUNT, seedMoto, SMALL_CLUSTER, type Seed } from "../helpers/seed-moto.js";

const ALT_SCREEN_ON = "\u001b[?1049h";
const ALT_SCREEN_OFF = "\u001b[?1049l";
const CURSOR_HIDE = "\u001b[?25l";
const CURSOR_SHOW = "\u001b[?25h";

let moto: MotoServer;
let seed: Seed;
let awsHome: string;

beforeAll(async () => {
  moto = await startMoto();
  const ecs = motoEcsClient(moto.endpoint);
  seed = await seedMoto(ecs);
  ecs.destroy();
  awsHome = emptyAwsHome();
});

afterAll(async () => {
  await moto?.stop();
  if (awsHome) rmSync(awsHome, { recursive: true, force: true });
});

function start(
  args = ["--endpoint-url", moto.endpoint, "--region", "us-east-1"],
  extraEnv: Record<string, string> = {},
): Deckhand {
  return startDeckhand({
    args,
    env: { ...motoDeckhandEnv(awsHome), ...extraEnv },
  });
}

/** The filter prompt: a line starting with "/ ". */
const FILTER_PROMPT = /^\/ /m;

/** Applies a `/` filter, waiting for each step to show so no key lands in the wrong mode. */
async function filter(deckhand: Deckhand, text: string): Promise<void> {
  deckhand.press("/");
  await deckhand.waitForText(FILTER_PROMPT);
  await deckhand.type(text);
  deckhand.press(ENTER);
  await deckhand.waitForNoText(FILTER_PROMPT);
  await deckhand.waitForText(`</${text}>`);
}

/** Row order as drawn: the first cell of each table line, for names we expect to see. */
function rowOrder(screen: string, names: string[]): string[] {
  const lines = screen.split("\n");
  const at = (name: string) => lines.findIndex((line) => new RegExp(`^[^a-z0-9]*${name}\\s`).test(line));
  return names.filter((name) => at(name) >= 0).sort((a, b) => at(a) - at(b));
}

/* eslint-disable no-control-regex -- matching escape sequences is the point */
const CSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;
const OSC_DCS_APC = /\u001b[\]P_^][^\u0007\u001b]*(\u0007|\u001b\\)/g;
/* eslint-enable no-control-regex */

/** What the output leaves on the normal screen after the alternate screen is left. */
function visibleAfterLeaving(raw: string): string {
  return raw
    .slice(raw.lastIndexOf(ALT_SCREEN_OFF) + ALT_SCREEN_OFF.length)
    .replace(CSI, "")
    .replace(OSC_DCS_APC, "");
}

describe("deckhand against moto_server", () => {
  it("lists the seeded clusters, then q quits with code 0 and restores the terminal", async () => {
    const deckhand = start();
    await deckhand.waitForText("clusters[3]");
    for (const cluster of seed.clusters) await deckhand.waitForText(cluster.name);
    expect(deckhand.screen()).toMatch(/NAME\s+STATUS/);

    deckhand.press("q");
    const exit = await deckhand.waitForExit();
    expect(exit.exitCode).toBe(0);
    const raw = deckhand.raw();
    expect(raw).toContain(ALT_SCREEN_ON);
    expect(raw.lastIndexOf(ALT_SCREEN_OFF)).toBeGreaterThan(raw.lastIndexOf(ALT_SCREEN_ON));
    expect(raw.lastIndexOf(CURSOR_SHOW)).toBeGreaterThan(raw.lastIndexOf(CURSOR_HIDE));
    expect(visibleAfterLeaving(raw).trim()).toBe("");
  });

  it(`counts all ${BIG_SERVICE_COUNT} services of the big cluster and filters them`, async () => {
    const deckhand = start();
    await deckhand.waitForText("clusters[3]");
    await filter(deckhand, BIG_CLUSTER);
    deckhand.press(ENTER);
    await deckhand.waitForText(`services(${BIG_CLUSTER})[${BIG_SERVICE_COUNT}]`);
    expect(deckhand.screen()).toMatch(/NAME\s+STATUS/);

    // svc-010 … svc-019
    await filter(deckhand, "svc-01");
    await deckhand.waitForText(new RegExp(`services\\(${BIG_CLUSTER}\\)\\[10(/${BIG_SERVICE_COUNT})?\\]`));
    await deckhand.waitForText("svc-019");
    expect(deckhand.screen()).not.toContain("svc-020");

    deckhand.press(ESC); // clears the filter
    await deckhand.waitForText(`services(${BIG_CLUSTER})[${BIG_SERVICE_COUNT}]`);
    deckhand.press(ESC); // back to the clusters
    await deckhand.waitForText(/clusters\[/);
  });

  it("moves to a service, drills into its tasks and a task's container, goes back, and ctrl-c quits", async () => {
    const web = seed.small.services.find((s) => s.name === "web");
    if (!web) throw new Error("no seeded web service");
    const webTaskIds = web.tasks.map((t) => t.id);
    const deckhand = start();
    await deckhand.waitForText("clusters[3]");
    await filter(deckhand, SMALL_CLUSTER);
    deckhand.press(ENTER);

    const names = seed.small.services.map((s) => s.name);
    await deckhand.waitForText(`services(${SMALL_CLUSTER})[${names.length}]`);
    for (const name of names) await deckhand.waitForText(new RegExp(`^[^a-z0-9]*${name}\\s`, "m"));
    // Go to the last row, then back up to web, whatever order the table sorts in.
    const order = rowOrder(deckhand.screen(), names);
    expect(order).toHaveLength(names.length);
    for (let row = 0; row < order.length - 1; row += 1) deckhand.press(row % 2 ? DOWN : "j");
    for (let row = order.length - 1; row > order.indexOf("web"); row -= 1) deckhand.press(row % 2 ? UP : "k");
    deckhand.press(ENTER);

    await deckhand.waitForText(`tasks(${SMALL_CLUSTER}/web)[running][${web.tasks.length}]`);
    for (const id of webTaskIds) await deckhand.waitForText(id.slice(0, 8));
    deckhand.press(ENTER);

    const title = /containers\(([0-9a-f-]+)\)\[1\]/;
    await deckhand.waitForText(title);
    expect(webTaskIds).toContain(title.exec(deckhand.screen())?.[1]);
    await deckhand.waitForText("nginx:1.27");
    expect(deckhand.screen()).toMatch(/^[^a-z0-9]*web\s/m);

    deckhand.press(ESC);
    await deckhand.waitForText(`tasks(${SMALL_CLUSTER}/web)[running][${web.tasks.length}]`);
    deckhand.press(ESC);
    await deckhand.waitForText(`services(${SMALL_CLUSTER})[${names.length}]`);

    deckhand.press(CTRL_C);
    expect((await deckhand.waitForExit()).exitCode).toBe(0);
  });

  it("finds the endpoint and region in the environment, as the AWS CLI does", async () => {
    const deckhand = start([], { AWS_ENDPOINT_URL_ECS: moto.endpoint, AWS_DEFAULT_REGION: "us-east-1" });
    await deckhand.waitForText(/clusters\[3\]/);
    expect(deckhand.screen()).toContain(`Endpoint: ${moto.endpoint}`);
    expect(deckhand.screen()).toMatch(/Region:\s+us-east-1/);
    expect(deckhand.screen()).toMatch(/Account:\s+123456789012/);
    deckhand.press("q");
    expect((await deckhand.waitForExit()).exitCode).toBe(0);
  });
});
