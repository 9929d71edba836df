// ECS exec and port forwarding in a real terminal against `deckhand --demo`, with the fake
// session-manager-plugin first on PATH (it runs the simulated plugin and records its argv and
// environment): a shell and back to the same row, a one-off command, a port forward carrying a
// real HTTP request, cleanup when deckhand is killed, and the diagnostics of each failure case.
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { request } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createSimulatedAccount, execCases } from "../../source/sim/index.js";
import { CTRL_C, ENTER, ESC, REPO_ROOT, startDeckhand, type Deckhand } from "../helpers/pty.js";
import { isAlive } from "../helpers/process-alive.js";

const CTRL_K = "\u000b";
const CTRL_U = "\u0015";
const TAB = "\t";
const LEAVE_ALT_SCREEN = "\u001b[?1049l";
const ENTER_ALT_SCREEN = "\u001b[?1049h";

// The demo's world (seed 1): which service shows which exec case.
const CASES = execCases(createSimulatedAccount());

interface Recorded {
  argv?: string[];
  env?: Record<string, string>;
  pid: number;
  exit?: number;
  signal?: string;
}

interface Mutation {
  operation: string;
  input: Record<string, unknown>;
  outcome: string;
}

function session(env: Record<string, string | undefined> = {}) {
  const dir = mkdtempSync(join(tmpdir(), "deckhand-exec-"));
  const record = join(dir, "plugin.jsonl");
  const callLog = join(dir, "calls.json");
  const app = startDeckhand({
    args: ["--demo"],
    cols: 150,
    rows: 40,
    env: {
      PATH: `${join(REPO_ROOT, "test/helpers/fake-plugin")}:${process.env.PATH}`,
      DECKHAND_SIM_PLUGIN: "path",
      DECKHAND_PLUGIN_RECORD: record,
      DECKHAND_SIM_CALL_LOG: callLog,
      XDG_STATE_HOME: join(dir, "state"),
      XDG_CONFIG_HOME: join(dir, "config"),
      // Must not reach the plugin: its credentials come resolved, in its environment.
      AWS_PROFILE: "deckhand-e2e-profile",
      ...env,
    },
  });
  const recorded = (): Recorded[] =>
    existsSync(record)
      ? readFileSync(record, "utf8")
          .trim()
          .split("\n")
          .map((line) => JSON.parse(line) as Recorded)
      : [];
  const mutations = (): Mutation[] =>
    existsSync(callLog)
      ? (JSON.parse(readFileSync(callLog, "utf8")) as { mutations: Mutation[] }).mutations
      : [];
  return { app, recorded, mutations };
}

/** From the cluster list to prod's services. */
async function openProd(app: Deckhand): Promise<void> {
  await app.waitForText(/clusters\[\d+\]/);
  await app.waitForText("prod");
  app.press("/");
  await app.type("prod");
  app.press(ENTER);
  app.press(ENTER);
  await app.waitForText(/services\(prod\)\[\d+\]/);
}

/** From prod's services to the containers of a service's first (or given) task. */
async function openContainers(app: Deckhand, service: string, taskId?: string): Promise<void> {
  app.press("/");
  await app.type(service);
  app.press(ENTER);
  await app.waitForText(`</${service}>`);
  await app.waitForText(new RegExp(`│${service}\\s+ACTIVE`));
  app.press(ENTER);
  await app.waitForText(new RegExp(`tasks\\(prod/${service}\\)\\[running\\]\\[\\d+\\]`));
  await app.waitForText("RUNNING");
  if (taskId) {
    app.press("/");
    await app.type(taskId);
    app.press(ENTER);
    await app.waitForText(`</${taskId}>`);
  }
  app.press(ENTER);
  await app.waitForText(/containers\([0-9a-f]{32}\)\[\d+\]/);
  await app.waitForText("RUNNING");
}

/** Back from a service's containers (and a filtered task list) to the unfiltered services of prod. */
async function backToServices(app: Deckhand): Promise<void> {
  const title = () => /┌─ (\S+)/.exec(app.screen())?.[1] ?? "";
  for (let step = 0; step < 5 && !/^services\(prod\)\[\d+\]$/.test(title()); step += 1) {
    const before = title();
    app.press(ESC);
    await app.waitUntil(() => title() !== before, `esc leaves ${before}`);
  }
  await app.waitForText(/services\(prod\)\[\d+\] /);
}

function taskIdOnScreen(app: Deckhand): string {
  return /containers\(([0-9a-f]{32})\)/.exec(app.screen())![1]!;
}

describe("exec in a real terminal (--demo, fake plugin on PATH)", () => {
  it("a shell, Ctrl-C inside it, exit back to the same row; a one-off command; the plugin contract", async () => {
    const { app, recorded } = session();
    await openProd(app);
    await openContainers(app, CASES.ready!.service);
    const taskId = taskIdOnScreen(app);
    const row = app.selectedLine();
    expect(row).toContain(CASES.ready!.container);

    app.press("s");
    await app.waitForText("Starting session with SessionId:");
    expect(app.raw().lastIndexOf(LEAVE_ALT_SCREEN)).toBeGreaterThan(app.raw().lastIndexOf(ENTER_ALT_SCREEN));
    await app.waitForText(/^# $/m);
    await app.type("hostname\r");
    await app.waitForText(new RegExp(`^${taskId}$`, "m"));
    app.press(CTRL_C); // to the shell, not to deckhand
    await app.waitForText("^C");
    await app.type("echo still here\r");
    await app.waitForText(/^still here$/m);
    await app.type("exit\r");
    await app.waitForText(`shell in ${CASES.ready!.container} ended (exit code 0)`);
    await app.waitForText(`containers(${taskId})`);
    expect(app.selectedLine()).toBe(row);

    const [start, end] = recorded();
    expect(end).toMatchObject({ pid: start!.pid, exit: 0 });
    const argv = start!.argv!;
    const env = start!.env!;
    const response = JSON.parse(env.AWS_SSM_START_SESSION_RESPONSE!) as Record<string, string>;
    expect(response.tokenValue).toBeTruthy();
    expect(argv.join(" ")).not.toContain(response.tokenValue!);
    expect(argv[0]).toBe("AWS_SSM_START_SESSION_RESPONSE");
    expect(argv[1]).toBe("us-east-1");
    expect(argv[2]).toBe("StartSession");
    expect(argv[3]).toBe("");
    expect(JSON.parse(argv[4]!)).toEqual({
      Target: expect.stringMatching(new RegExp(`^ecs:prod_${taskId}_[\\w-]+$`)),
    });
    expect(argv[5]).toBe("https://ssm.us-east-1.amazonaws.com");
    expect(env).toMatchObject({
      AWS_ACCESS_KEY_ID: "DEMO",
      AWS_SECRET_ACCESS_KEY: "demo",
      AWS_REGION: "us-east-1",
    });
    expect(env.AWS_PROFILE).toBeUndefined();

    app.press("x");
    await app.waitForText("enter runs it");
    await app.type("hostname");
    app.press(ENTER);
    await app.waitForText("press enter to return to deckhand");
    expect(app.screen()).toMatch(new RegExp(`^${taskId}$`, "m"));
    app.press(CTRL_C); // returns like enter: it must not quit deckhand
    await app.waitForText(`"hostname" in ${CASES.ready!.container} ended (exit code 0)`);
    expect(app.selectedLine()).toBe(row);

    // Diagnostics: a service without exec, a task whose agent stopped; nothing goes to the plugin.
    await backToServices(app);
    await openContainers(app, CASES.disabled!.service);
    app.press("s");
    await app.waitForText("ECS Exec is not enabled for this task");
    await app.waitForText("Nothing was sent.");
    app.press(ESC);
    await app.waitForNoText("Nothing was sent.");
    await backToServices(app);
    await openContainers(app, CASES.agentStopped!.service, CASES.agentStopped!.taskId);
    app.press("s");
    await app.waitForText(/the ExecuteCommandAgent in \S+ is STOPPED/);
    app.press(ESC);
    await app.waitForNoText("Nothing was sent.");

    // A Windows container gets PowerShell.
    await backToServices(app);
    await openContainers(app, CASES.windows!.service);
    app.press("s");
    await app.waitForText("PS C:\\>");
    await app.type("exit\r");
    await app.waitForText("ended (exit code 0)");
    const sessions = recorded().filter((entry) => entry.argv);
    expect(sessions).toHaveLength(3);
    const windows = JSON.parse(sessions[2]!.env!.AWS_SSM_START_SESSION_RESPONSE!) as { tokenValue: string };
    expect(Buffer.from(windows.tokenValue, "base64url").toString()).toContain('"command":"powershell.exe"');
  });

  it("a port forward carries HTTP, shows in the PF column and :pf, and stops there", async () => {
    const { app, mutations } = session();
    await openProd(app);
    await openContainers(app, CASES.ready!.service);
    const port = await freePort();
    app.press("F");
    await app.waitForText("remote port: 8080");
    app.press(TAB);
    app.press(CTRL_U);
    await app.type(String(port));
    await app.waitForText(`→ forward localhost:${port} → ${CASES.ready!.container}:8080`);
    app.press(ENTER);
    await app.waitForText(`forwarding localhost:${port} → ${CASES.ready!.container}:8080`);
    expect(await httpGet(port)).toContain("deckhand simulated port forward");
    await app.waitForText(`${port}→8080`);

    app.press(":");
    await app.type("pf");
    app.press(ENTER);
    await app.waitForText("portforwards[1]");
    await app.waitForText(`localhost:${port}`);
    app.press(CTRL_K);
    await app.waitForText(`stopped port forward localhost:${port}`);
    await app.waitForText("portforwards[0]");
    const started = mutations().find((call) => call.operation === "StartSession");
    expect(started?.input).toMatchObject({
      DocumentName: "AWS-StartPortForwardingSession",
      Parameters: { portNumber: ["8080"], localPortNumber: [String(port)] },
    });
    await expect.poll(() => mutations().some((call) => call.operation === "TerminateSession")).toBe(true);
    await expect(httpGet(port)).rejects.toThrow();
  });

  it("SIGTERM: the forward's plugin is gone, its session terminated, the terminal restored", async () => {
    const { app, recorded, mutations } = session();
    await openProd(app);
    await openContainers(app, CASES.ready!.service);
    const port = await freePort();
    app.press("F");
    await app.waitForText("remote port: 8080");
    app.press(TAB);
    app.press(CTRL_U);
    await app.type(String(port));
    app.press(ENTER);
    await app.waitForText(`forwarding localhost:${port}`);
    const plugin = recorded().find((entry) => entry.argv)!;
    expect(isAlive(plugin.pid)).toBe(true);

    app.kill("SIGTERM");
    const exit = await app.waitForExit(5_000);
    expect(exit.exitCode).toBe(128 + 15);
    expect(app.raw().lastIndexOf(LEAVE_ALT_SCREEN)).toBeGreaterThan(app.raw().lastIndexOf(ENTER_ALT_SCREEN));
    // deckhand signals the plugin and exits; the plugin then ends on its own time (under load, past
    // the poll's default second), like the shell's plugin below.
    await expect.poll(() => isAlive(plugin.pid), { timeout: 5_000 }).toBe(false);
    expect(mutations().map((call) => call.operation)).toEqual(["StartSession", "TerminateSession"]);
  });

  it("SIGTERM to deckhand during a shell: the plugin is stopped and the session terminated", async () => {
    const { app, recorded, mutations } = session();
    await openProd(app);
    await openContainers(app, CASES.ready!.service);
    app.press("s");
    await app.waitForText(/^# $/m);
    const plugin = recorded().find((entry) => entry.argv)!;
    const { sessionId } = JSON.parse(plugin.env!.AWS_SSM_START_SESSION_RESPONSE!) as { sessionId: string };
    expect(isAlive(plugin.pid)).toBe(true);

    // To deckhand alone: the plugin must not be left running with the terminal.
    app.signal("SIGTERM");
    const exit = await app.waitForExit(5_000);
    expect(exit.exitCode).toBe(128 + 15);
    await expect.poll(() => isAlive(plugin.pid), { timeout: 5_000 }).toBe(false);
    expect(recorded().at(-1)).toMatchObject({ pid: plugin.pid, signal: "SIGTERM" });
    const ended = mutations().filter((call) => call.operation === "TerminateSession");
    expect(ended.map((call) => call.input)).toEqual([{ SessionId: sessionId }]);
  });

  it("q with a forward open: deckhand ends its session before exiting", async () => {
    const { app, mutations } = session();
    await openProd(app);
    await openContainers(app, CASES.ready!.service);
    app.press("F");
    await app.waitForText("remote port: 8080");
    app.press(TAB);
    app.press(CTRL_U);
    await app.type(String(await freePort()));
    app.press(ENTER);
    await app.waitForText("forwarding localhost:");
    app.press("q");
    expect((await app.waitForExit()).exitCode).toBe(0);
    expect(mutations().map((call) => call.operation)).toEqual(["StartSession", "TerminateSession"]);
  });

  it("a DECKHAND_SIM_PLUGIN that means nothing stops start-up with exit code 2", async () => {
    const { app } = session({ DECKHAND_SIM_PLUGIN: "maybe" });
    expect((await app.waitForExit()).exitCode).toBe(2);
    expect(app.screen()).toContain('DECKHAND_SIM_PLUGIN must be "path"');
  });

  it("no plugin installed (DECKHAND_SIM_PLUGIN=none): the install hint, nothing sent", async () => {
    const { app, mutations, recorded } = session({ DECKHAND_SIM_PLUGIN: "none" });
    await openProd(app);
    await openContainers(app, CASES.ready!.service);
    app.press("s");
    await app.waitForText("session-manager-plugin is not installed");
    await app.waitForText("session-manager-plugin is not on PATH; ECS Exec needs it");
    expect(mutations()).toEqual([]);
    expect(recorded()).toEqual([]);
    app.press(ESC);
    await app.waitForNoText("Nothing was sent.");
    app.press("q");
    expect((await app.waitForExit()).exitCode).toBe(0);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function httpGet(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: "/", timeout: 3_000 }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve(body));
    });
    req.on("error", reject);
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.end();
  });
}
