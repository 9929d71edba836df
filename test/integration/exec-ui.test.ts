// The built CLI in a real pty against moto_server, which has no ECS Exec: moto's tasks report no
// enableExecuteCommand, so `s` first explains why exec would not work; going ahead anyway (`t`)
// sends ExecuteCommand, which moto 5.2.1 answers with HTTP 500 and an HTML page. deckhand must say
// so clearly, start no plugin, and keep running. Needs `npm run build`.
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyAwsHome, motoDeckhandEnv, motoEcsClient, startMoto, type MotoServer } from "../helpers/moto.js";
import { ENTER, ESC, REPO_ROOT, startDeckhand } from "../helpers/pty.js";
import { seedMoto, SMALL_CLUSTER, type Seed } from "../helpers/seed-moto.js";

let moto: MotoServer;
let seed: Seed;
let home: string;

beforeAll(async () => {
  moto = await startMoto();
  const ecs = motoEcsClient(moto.endpoint);
  seed = await seedMoto(ecs);
  ecs.destroy();
  home = emptyAwsHome();
});

afterAll(async () => {
  await moto?.stop();
  if (home) rmSync(home, { recursive: true, force: true });
});

describe("exec against moto_server", () => {
  it("s on a container: the diagnosis, then ExecuteCommand's HTTP 500 as a clear error; deckhand goes on", async () => {
    const web = seed.small.services.find((service) => service.name === "web");
    if (!web) throw new Error("no seeded web service");
    const record = join(home, "plugin.jsonl");
    const deckhand = startDeckhand({
      args: ["--endpoint-url", moto.endpoint, "--region", "us-east-1"],
      env: {
        ...motoDeckhandEnv(home),
        PATH: `${join(REPO_ROOT, "test/helpers/fake-plugin")}:${process.env.PATH}`,
        DECKHAND_PLUGIN_RECORD: record,
        XDG_STATE_HOME: join(home, "state"),
        XDG_CONFIG_HOME: join(home, "xdg-config"),
      },
    });
    await deckhand.waitForText("clusters[3]");
    deckhand.press("/");
    await deckhand.type(SMALL_CLUSTER);
    deckhand.press(ENTER);
    await deckhand.waitForText(`</${SMALL_CLUSTER}>`);
    deckhand.press(ENTER);
    await deckhand.waitForText(new RegExp(`services\\(${SMALL_CLUSTER}\\)`));
    deckhand.press("/");
    await deckhand.type("web");
    deckhand.press(ENTER);
    await deckhand.waitForText("</web>");
    await deckhand.waitForText(/^[^a-z0-9]*web\s+ACTIVE/m);
    deckhand.press(ENTER);
    await deckhand.waitForText(`tasks(${SMALL_CLUSTER}/web)[running][${web.tasks.length}]`);
    deckhand.press(ENTER);
    await deckhand.waitForText(/containers\([0-9a-f-]+\)\[1\]/);
    await deckhand.waitForText("nginx:1.27");

    deckhand.press("s");
    await deckhand.waitForText("Cannot open a shell in web");
    await deckhand.waitForText("ECS Exec is not enabled for this task");
    await deckhand.waitForText("t tries anyway");
    const started = Date.now();
    deckhand.press("t");
    await deckhand.waitForText("ExecuteCommand failed (NotImplemented)");
    expect(Date.now() - started).toBeLessThan(5_000);
    const screen = deckhand.screen();
    expect(screen).toContain("the endpoint does not implement ExecuteCommand");
    expect(screen).toContain("moto, for one, has no ExecuteCommand");
    expect(existsSync(record)).toBe(false); // no session, so no plugin

    // Still running: close the error, go back up, quit cleanly.
    deckhand.press(ESC);
    await deckhand.waitForNoText("the endpoint does not implement ExecuteCommand");
    deckhand.press(ESC);
    await deckhand.waitForText(`tasks(${SMALL_CLUSTER}/web)`);
    deckhand.press(ESC);
    await deckhand.waitForText(new RegExp(`services\\(${SMALL_CLUSTER}\\)`));
    deckhand.press("q");
    expect((await deckhand.waitForExit()).exitCode).toBe(0);
  });
});
