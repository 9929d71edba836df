// Exec and port forwarding in the real App, in-process, against the simulated account through the
// real SDK: which key means what in which view, the diagnostics shown before anything is sent, the
// port-forward prompt's checks, and the port forwards view. The terminal handover itself is the
// e2e suite's (test/e2e/exec-demo.test.ts): here a stand-in terminal records that it was asked for.
import { createServer, type Server } from "node:net";
import { request } from "node:http";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { ActionRunner } from "../../source/features/actions/runner.js";
import { AutoScalingGateway } from "../../source/aws/autoscaling-gateway.js";
import { connect } from "../../source/aws/connection.js";
import { EcsGateway } from "../../source/aws/ecs-gateway.js";
import { SsmGateway } from "../../source/aws/ssm-gateway.js";
import { PortForwards } from "../../source/features/exec/port-forwards.js";
import { createSimulatedAccount, execCases, type ExecCase } from "../../source/sim/index.js";
import { AppStore } from "../../source/state/app-store.js";
import type {
  ExecServices,
  PluginChoice,
  TerminalHandover,
} from "../../source/features/exec/exec-services.js";
import { App } from "../../source/ui/app.js";
import { memoryLog } from "../unit/features/actions/fixtures.js";
import { renderTui, type Rendered } from "./render-tui.js";

const ESC = "\u001b";
const TAB = "\t";
const CTRL_K = "\u000b";
const CTRL_U = "\u0015";
const SIM_PLUGIN = fileURLToPath(new URL("../../dist/sim-session-plugin.js", import.meta.url));

let rendered: Rendered | undefined;
let store: AppStore | undefined;
let forwards: PortForwards | undefined;
const servers: Server[] = [];

afterEach(async () => {
  rendered?.unmount();
  store?.stop();
  await forwards?.terminateAll(1_000);
  for (const server of servers.splice(0)) server.close();
});

interface OpenOptions {
  at?: ExecCase;
  plugin?: PluginChoice;
  readOnly?: string;
}

async function open(options: OpenOptions = {}) {
  const sim = createSimulatedAccount({ seed: 7 });
  const connection = await connect({ region: sim.region, requestHandler: sim.requestHandler });
  const gateway = new EcsGateway(connection.ecs);
  const ssm = new SsmGateway(connection.ssm);
  forwards = new PortForwards({ terminate: (id) => ssm.terminateSession(id) });
  const log = memoryLog();
  const handovers: string[] = [];
  const terminal: TerminalHandover = {
    // Stands in for tui.tsx: records the handover and says the shell exited at once.
    run: async <T,>() => {
      handovers.push("run");
      return { outcome: { exitCode: 0, signal: null } } as T;
    },
  };
  const exec: ExecServices = {
    ecs: gateway,
    ssm,
    region: sim.region,
    ssmEndpoint: connection.ssmEndpoint,
    credentials: () => connection.credentials(),
    plugin: () => options.plugin ?? { command: process.execPath, leadingArgs: [SIM_PLUGIN] },
    forwards,
    log,
    scope: { region: sim.region },
    terminal,
    env: {},
  };
  const initial = options.at ? stackTo(sim, options.at) : undefined;
  store = new AppStore({ refreshMs: 60_000, ...(initial ? { initial } : {}) });
  rendered = renderTui(<App store={store} />, { columns: 150, rows: 40 });
  store.start();
  const autoscaling = new AutoScalingGateway(connection.autoscaling);
  const scope = { region: sim.region };
  const runner = new ActionRunner({
    gateways: { ecs: gateway, autoscaling },
    log,
    scope,
    readOnly: options.readOnly,
  });
  void store.attach(
    gateway,
    [{ label: "Account", value: "demo" }],
    undefined,
    { runner, autoscaling, scope },
    exec,
  );
  return { ui: rendered, sim, log, handovers };
}

/** The views from the cluster list down to a task's containers. */
function stackTo(sim: ReturnType<typeof createSimulatedAccount>, at: ExecCase) {
  const cluster = sim.world.clusters.find((candidate) => candidate.name === at.cluster)!;
  const clusterScope = { clusterArn: cluster.arn, clusterName: cluster.name };
  const serviceScope = { ...clusterScope, serviceName: at.service };
  return [
    { kind: "clusters" as const, scope: {} },
    { kind: "services" as const, scope: clusterScope },
    { kind: "tasks" as const, scope: serviceScope },
    { kind: "containers" as const, scope: { ...serviceScope, taskArn: at.taskArn } },
  ];
}

async function type(ui: Rendered, text: string) {
  for (const char of text) await ui.press(char);
}

/** Puts the cursor on a container row by filtering the view to it. */
async function onContainer(ui: Rendered, name: string) {
  await ui.waitFor((text) => /containers\([0-9a-f]{32}\)\[\d+\]/.test(text) && text.includes(name));
  await type(ui, `/${name}`);
  await ui.press("\r");
  await ui.waitFor((text) => /containers\([0-9a-f]{32}\)\[1\/\d+\]/.test(text));
}

const execCalls = (sim: ReturnType<typeof createSimulatedAccount>) =>
  sim.calls
    .mutations()
    .filter((call) => call.operation === "ExecuteCommand" || call.operation === "StartSession");

describe("exec keys in the app", () => {
  it("s scales in services, opens a shell on a container; x and F say where they work", async () => {
    const sim0 = createSimulatedAccount({ seed: 7 });
    const ready = execCases(sim0).ready!;
    const { ui, sim, handovers, log } = await open({ at: ready });
    await onContainer(ui, ready.container);
    expect(ui.text()).toContain("<s> Shell");
    expect(ui.text()).not.toContain("<s> Scale");
    await ui.press("s");
    await ui.waitFor((text) => text.includes(`shell in ${ready.container} ended (exit code 0)`));
    expect(handovers).toEqual(["run"]);
    const [call] = execCalls(sim);
    expect(call?.input).toMatchObject({ container: ready.container, command: "/bin/sh", interactive: true });
    expect(log.entries.map((entry) => [entry.action, entry.call, entry.result])).toEqual([
      ["exec", "ExecuteCommand", "ok"],
    ]);

    // Back at the services: s is Scale there; x is not a services key.
    await ui.press(ESC);
    await ui.press(ESC);
    await ui.press(ESC);
    await ui.waitFor((text) => /services\(prod\)/.test(text) && text.includes("<s> Scale"));
    await ui.press("x");
    await ui.waitFor((text) => text.includes("<x> Run command: in the containers or tasks view"));
  });

  it("read-only mode does not refuse a shell: it changes no AWS resource", async () => {
    const at = execCases(createSimulatedAccount({ seed: 7 })).ready!;
    const { ui, sim, handovers } = await open({ at, readOnly: "deckhand was started with --readonly" });
    await onContainer(ui, at.container);
    expect(ui.text()).toContain("read-only");
    await ui.press("s");
    await ui.waitFor((text) => text.includes(`shell in ${at.container} ended (exit code 0)`));
    expect(handovers).toEqual(["run"]);
    expect(execCalls(sim)).toHaveLength(1);
  });

  it.each([
    ["disabled", "ECS Exec is not enabled for this task", "enable it with X (Exec on/off)"],
    ["agentStopped", "the ExecuteCommandAgent in", "restart the task"],
  ] as const)("%s: the diagnosis is shown with its hint and nothing is sent", async (which, reason, hint) => {
    const at = execCases(createSimulatedAccount({ seed: 7 }))[which];
    expect(at, `the seed-7 world has a ${which} task`).toBeDefined();
    const { ui, sim, log, handovers } = await open({ at });
    await onContainer(ui, at!.container);
    await ui.press("s");
    await ui.waitFor((text) => text.includes(`Cannot open a shell in ${at!.container}`));
    expect(ui.text()).toContain(reason);
    expect(ui.text()).toContain(hint);
    expect(ui.text()).toContain("Nothing was sent.");
    expect(execCalls(sim)).toEqual([]);
    expect(handovers).toEqual([]);
    await ui.waitFor(() => log.entries.length === 1);
    expect(log.entries[0]).toMatchObject({ action: "exec", call: null, result: "refused" });
    await ui.press(ESC);
    await ui.waitFor((text) => !text.includes("Cannot open a shell"));
  });

  it("a task that is not running: said before anything is sent", async () => {
    const at = execCases(createSimulatedAccount({ seed: 7 })).notRunning;
    expect(at, "the seed-7 world has a task that is not running").toBeDefined();
    const { ui, sim } = await open({ at });
    await onContainer(ui, at!.container);
    await ui.press("F");
    await ui.waitFor((text) => text.includes(`Cannot forward a port in ${at!.container}`));
    expect(ui.text()).toMatch(/the task is [A-Z]+, not RUNNING/);
    expect(execCalls(sim)).toEqual([]);
  });

  it("t goes ahead despite the diagnosis; AWS's refusal is shown with its cause and the app goes on", async () => {
    const at = execCases(createSimulatedAccount({ seed: 7 })).disabled!;
    const { ui, sim, log, handovers } = await open({ at });
    await onContainer(ui, at.container);
    await ui.press("s");
    await ui.waitFor((text) => text.includes("t tries anyway (AWS answers if it cannot)"));
    await ui.press("t");
    await ui.waitFor((text) => text.includes("ExecuteCommand failed (InvalidParameterException)"));
    expect(ui.text()).toContain("ExecuteCommand: InvalidParameterException");
    expect(ui.text()).toContain("execute command was not enabled when the task was run");
    expect(ui.text()).toContain("turn on execute command for the service");
    expect(execCalls(sim).map((call) => call.outcome)).toEqual(["InvalidParameterException"]);
    expect(handovers).toEqual([]);
    await ui.waitFor(() => log.entries.length === 2);
    expect(log.entries.map((entry) => entry.result)).toEqual(["refused", "error"]);
    await ui.press(ESC); // closes the notice; the flash stays
    await ui.waitFor((text) => !text.includes("turn on execute command"));
    expect(ui.text()).toContain("ExecuteCommand failed (InvalidParameterException)");
    await ui.press(ESC); // clears the filter
    await ui.press(ESC);
    await ui.waitFor((text) => /tasks\(prod\//.test(text));
  });

  it("s on a task with several containers asks which one first", async () => {
    const at = execCases(createSimulatedAccount({ seed: 7 })).disabled!;
    const { ui, sim } = await open({ at });
    await onContainer(ui, at.container);
    await ui.press(ESC); // clears the filter
    await ui.press(ESC); // back to the tasks, cursor on the task
    await ui.waitFor((text) => /tasks\(prod\//.test(text) && text.includes("<s> Shell"));
    await type(ui, `/${at.taskId}`);
    await ui.press("\r");
    await ui.waitFor((text) => /tasks\(prod\/[^)]+\)\[running\]\[1\/\d+\]/.test(text));
    await ui.press("s");
    await ui.waitFor((text) => text.includes(`Which container of ${at.taskId.slice(0, 8)}? (open a shell)`));
    expect(ui.text()).toContain(`${at.container}  (RUNNING)`);
    await ui.press("j");
    await ui.press("k");
    await ui.press("\r");
    await ui.waitFor((text) => text.includes(`Cannot open a shell in ${at.container}`));
    expect(execCalls(sim)).toEqual([]);
  });

  it("plugin missing: the install hint, and nothing is sent", async () => {
    const at = execCases(createSimulatedAccount({ seed: 7 })).ready!;
    const { ui, sim } = await open({
      at,
      plugin: { missing: true, hint: "session-manager-plugin is not on PATH; install it: brew install" },
    });
    await onContainer(ui, at.container);
    await ui.press("x");
    await ui.waitFor((text) => text.includes(`Cannot run a command in ${at.container}`));
    expect(ui.text()).toContain("session-manager-plugin is not installed");
    expect(ui.text()).toContain("brew install");
    expect(ui.text()).not.toContain("tries anyway"); // nothing to go ahead with
    expect(execCalls(sim)).toEqual([]);
  });

  it("a Windows container gets powershell.exe", async () => {
    const at = execCases(createSimulatedAccount({ seed: 7 })).windows;
    expect(at, "the seed-7 world has a Windows task").toBeDefined();
    const { ui, sim } = await open({ at });
    await onContainer(ui, at!.container);
    await ui.press("s");
    await ui.waitFor((text) => text.includes("ended (exit code 0)"));
    expect(execCalls(sim)[0]?.input).toMatchObject({ command: "powershell.exe" });
  });

  it("x prompts for the command before sending it", async () => {
    const at = execCases(createSimulatedAccount({ seed: 7 })).ready!;
    const { ui, sim } = await open({ at });
    await onContainer(ui, at.container);
    await ui.press("x");
    await ui.waitFor((text) => text.includes("command:") && text.includes("enter runs it"));
    await ui.press("\r");
    await ui.waitFor((text) => text.includes("type a command, e.g. ls -l /app"));
    expect(execCalls(sim)).toEqual([]);
    await type(ui, "cat /etc/os-release");
    await ui.waitFor((text) => text.includes(`→ ExecuteCommand in ${at.container}: cat /etc/os-release`));
    await ui.press("\r");
    await ui.waitFor((text) => text.includes(`"cat /etc/os-release" in ${at.container} ended (exit code 0)`));
    expect(execCalls(sim)[0]?.input).toMatchObject({ command: "cat /etc/os-release" });
  });
});

describe("port forwards in the app", () => {
  it("F: ports pre-filled, checked as typed (a taken local port too); P lists it; ctrl-k stops it", async () => {
    expect(existsSync(SIM_PLUGIN), "npm run build makes dist/sim-session-plugin.js").toBe(true);
    const at = execCases(createSimulatedAccount({ seed: 7 })).ready!;
    const { ui, sim, log } = await open({ at });
    await onContainer(ui, at.container);
    await ui.press("F");
    await ui.waitFor(
      (text) => text.includes("remote port: 8080") && text.includes("enter starts the forward"),
    );
    expect(ui.text()).toMatch(/local port:\s+\d+/);

    await type(ui, "http");
    await ui.waitFor((text) => text.includes("remote port must be a number, 1-65535"));
    await ui.press(CTRL_U);
    await type(ui, "8080");
    await ui.press(TAB);
    const taken = await listen();
    await type(ui, String(taken));
    await ui.waitFor((text) => text.includes(`local port: port ${taken} is already in use on this machine`));
    await ui.press("\r"); // refused: still the prompt, nothing sent
    await ui.waitFor((text) => text.includes("enter starts the forward"));
    expect(execCalls(sim)).toEqual([]);
    await ui.press(TAB);
    await type(ui, "db internal");
    await ui.waitFor((text) => text.includes('remote host "db internal" is not a host name or IP address'));
    await ui.press(CTRL_U);
    await ui.press(TAB);
    await ui.press(TAB);
    await ui.press(CTRL_U);
    const local = await freePort();
    await type(ui, String(local));
    await ui.waitFor((text) => text.includes(`→ forward localhost:${local} → ${at.container}:8080`));
    await ui.press("\r");
    await ui.waitFor((text) => text.includes(`forwarding localhost:${local} → ${at.container}:8080`), 10_000);
    expect(await httpGet(local)).toContain("deckhand simulated port forward");
    await ui.waitFor((text) => text.includes(`${local}→8080`)); // the PF column

    await ui.press("P");
    await ui.waitFor((text) => /portforwards\[1\]/.test(text) && text.includes("OPEN"));
    expect(ui.text()).toContain(`localhost:${local}`);
    await ui.press(CTRL_K);
    await ui.waitFor((text) => text.includes(`stopped port forward localhost:${local}`));
    await ui.waitFor((text) => /portforwards\[0\]/.test(text));
    const [session] = sim.ssm.sessions().filter((record) => record.kind === "port");
    expect(session?.terminated).toBeDefined();
    await ui.waitFor(() => log.entries.length >= 1);
    expect(log.entries[0]).toMatchObject({ action: "port-forward", call: "StartSession", result: "ok" });
  });
});

function listen(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    servers.push(server);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : 0);
    });
  });
}

async function freePort(): Promise<number> {
  const port = await listen();
  await new Promise((resolve) => servers.pop()!.close(resolve));
  return port;
}

function httpGet(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: "/", timeout: 5_000 }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve(body));
    });
    req.on("error", reject);
    req.end();
  });
}
