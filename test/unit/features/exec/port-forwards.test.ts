// PortForwards with the built simulated plugin: real processes, a real local port, real TCP.
// Needs `npm run build`.
import { createServer, connect, type Server } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi, type Mock } from "vitest";
import {
  pluginInvocation,
  portForwardTarget,
  type PluginInvocation,
} from "../../../../source/features/exec/plugin-invocation.js";
import { PortForwards, type PortForward } from "../../../../source/features/exec/port-forwards.js";
import {
  FAKE_PLUGIN,
  readPluginRecord,
  requireBuiltPlugin,
  simSession,
} from "../../../helpers/fake-plugin/index.js";
import { waitFor } from "../../../helpers/wait-for.js";
import { isAlive } from "../../../helpers/process-alive.js";

const TASK_ID = "0123456789abcdef0123456789abcdef";
const TASK_ARN = `arn:aws:ecs:us-east-1:123456789012:task/prod/${TASK_ID}`;
const TARGET = `ecs:prod_${TASK_ID}_${TASK_ID}-2531612879`;

let root: string;
let recordFile: string;
let managers: PortForwards[];
let blockers: Server[];
beforeAll(requireBuiltPlugin);
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "deckhand-pf-"));
  recordFile = join(root, "record.jsonl");
  managers = [];
  blockers = [];
});
afterEach(async () => {
  for (const manager of managers) manager.stopAllNow();
  for (const server of blockers) server.close();
  // A plugin writes its last record as it exits: the folder goes once every one has.
  const pids = readPluginRecord(recordFile).map((entry) => entry.pid);
  await waitFor(() => pids.every((pid) => !isAlive(pid)), "the plugins to exit");
  rmSync(root, { recursive: true, force: true });
});

function manager(
  terminate: Mock<(sessionId: string) => Promise<unknown>> = vi.fn(async () => undefined),
  options: { openTimeoutMs?: number } = {},
) {
  const forwards = new PortForwards({ terminate, ...options });
  managers.push(forwards);
  return { forwards, terminate };
}

function invocation(
  sessionId: string,
  localPort: number,
  remotePort = 8080,
  remoteHost?: string,
): PluginInvocation {
  const target = portForwardTarget({
    target: TARGET,
    remotePort,
    localPort,
    ...(remoteHost ? { remoteHost } : {}),
  });
  return pluginInvocation({
    pluginPath: FAKE_PLUGIN,
    session: simSession(sessionId, { kind: "port", target: TARGET }),
    region: "us-east-1",
    target,
    endpoint: "https://ssm.us-east-1.amazonaws.com",
    credentials: { accessKeyId: "DEMO", secretAccessKey: "demo" },
    parentEnv: { PATH: process.env.PATH, DECKHAND_PLUGIN_RECORD: recordFile },
  });
}

function request(sessionId: string, localPort: number, remotePort = 8080, remoteHost?: string) {
  return {
    invocation: invocation(sessionId, localPort, remotePort, remoteHost),
    sessionId,
    taskArn: TASK_ARN,
    containerName: "web",
    remotePort,
    localPort,
    ...(remoteHost ? { remoteHost } : {}),
  };
}

function httpGet(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: "127.0.0.1" }, () =>
      socket.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n"),
    );
    let text = "";
    socket.on("data", (chunk) => (text += chunk.toString()));
    socket.on("end", () => resolve(text));
    socket.on("error", reject);
  });
}

function occupiedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    blockers.push(server);
    server.listen({ port: 0, host: "127.0.0.1" }, () => {
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : 0);
    });
  });
}

describe("PortForwards", () => {
  it("opens a forward, answers on the local port, and stops it with TerminateSession", async () => {
    const { forwards, terminate } = manager();
    const seen: Array<readonly PortForward[]> = [];
    forwards.subscribe(() => seen.push(forwards.list()));

    const forward = await forwards.start(request("sess-1", 0, 5432, "db.internal"));
    expect(forward).toMatchObject({
      id: "pf-1",
      state: "open",
      sessionId: "sess-1",
      remoteHost: "db.internal",
    });
    // Asked for port 0, the plugin picked one and said which.
    expect(forward.localPort).toBeGreaterThan(0);
    expect(forwards.list()).toEqual([forward]);
    expect(seen.map((list) => list[0]?.state)).toContain("starting");

    const response = await httpGet(forward.localPort);
    expect(response).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(response).toContain("deckhand simulated port forward to db.internal:5432");

    const pid = forward.pid ?? 0;
    expect(isAlive(pid)).toBe(true);
    await forwards.stop(forward.id);
    expect(terminate).toHaveBeenCalledWith("sess-1");
    expect(terminate).toHaveBeenCalledTimes(1);
    expect(forwards.list()).toEqual([]);
    expect(seen.some((list) => list[0]?.state === "stopped")).toBe(true);
    await waitFor(() => !isAlive(pid), "the plugin to exit");
    await waitFor(() => readPluginRecord(recordFile).length === 2, "the plugin's end record");
    expect(readPluginRecord(recordFile)[1]).toEqual({ pid, exit: 0, signal: "SIGTERM" });
  });

  it("names the task when there is no remote host", async () => {
    const { forwards } = manager();
    const forward = await forwards.start(request("sess-2", 0, 80));
    expect(await httpGet(forward.localPort)).toContain(
      `deckhand simulated port forward to task ${TASK_ID}:80`,
    );
  });

  it("fails with the plugin's last output when it exits early, and ends the session", async () => {
    const { forwards, terminate } = manager();
    const port = await occupiedPort();
    const forward = await forwards.start(request("sess-3", port));
    expect(forward.state).toBe("failed");
    expect(forward.message).toBe(
      `session-manager-plugin exited with code 1: listen tcp 127.0.0.1:${port}: EADDRINUSE`,
    );
    expect(terminate).toHaveBeenCalledWith("sess-3");
    expect(forwards.list()).toEqual([forward]);
    await forwards.stop(forward.id);
    expect(forwards.list()).toEqual([]);
    expect(terminate).toHaveBeenCalledTimes(1);
  });

  it("fails clearly when the plugin cannot be started", async () => {
    const { forwards, terminate } = manager();
    const missing = {
      ...request("sess-4", 0),
      invocation: { command: join(root, "nope"), args: [], env: {} },
    };
    const forward = await forwards.start(missing);
    expect(forward).toMatchObject({ state: "failed", message: expect.stringContaining("was not found") });
    expect(terminate).toHaveBeenCalledWith("sess-4");
  });

  it("keeps escape sequences in the plugin's last output off the screen", async () => {
    const { forwards } = manager();
    const script = String.raw`process.stdout.write("Starting session with SessionId: s\n\u001b[31mAccessDenied\u001b[0m:\u0007 no\n"); process.exit(1)`;
    const colourful = {
      ...request("sess-7", 0),
      invocation: { command: process.execPath, args: ["-e", script], env: {} },
    };
    const forward = await forwards.start(colourful);
    expect(forward.message).toBe("session-manager-plugin exited with code 1: AccessDenied:\ufffd no");
  });

  it("fails a plugin that never starts listening, and kills it", async () => {
    const { forwards } = manager(undefined, { openTimeoutMs: 300 });
    const silent = {
      ...request("sess-5", 0),
      invocation: { command: process.execPath, args: ["-e", "setInterval(() => {}, 1000)"], env: {} },
    };
    const forward = await forwards.start(silent);
    expect(forward).toMatchObject({ state: "failed", message: expect.stringContaining("did not open port") });
    await waitFor(() => !isAlive(forward.pid ?? 0), "the silent plugin to be killed");
  });

  it("stopAllNow kills every plugin at once; terminateAll then ends every session within its timeout", async () => {
    let release: () => void = () => {};
    const hanging = new Promise<void>((resolve) => (release = resolve));
    const terminate = vi.fn(async (sessionId: string) => (sessionId === "sess-b" ? hanging : undefined));
    const { forwards } = manager(terminate);
    const a = await forwards.start(request("sess-a", 0));
    const b = await forwards.start(request("sess-b", 0));
    expect([a.state, b.state]).toEqual(["open", "open"]);

    forwards.stopAllNow();
    expect(forwards.list().map((forward) => forward.state)).toEqual(["stopped", "stopped"]);
    await waitFor(() => !isAlive(a.pid ?? 0) && !isAlive(b.pid ?? 0), "both plugins to exit");

    const started = Date.now();
    await forwards.terminateAll(300);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(terminate.mock.calls.map(([id]) => id).sort()).toEqual(["sess-a", "sess-b"]);
    release();
    await forwards.terminateAll(300);
    expect(terminate).toHaveBeenCalledTimes(2);
  });

  it("marks a forward whose plugin dies later as failed", async () => {
    const { forwards, terminate } = manager();
    const forward = await forwards.start(request("sess-6", 0));
    process.kill(forward.pid ?? 0, "SIGKILL");
    await waitFor(() => forwards.list()[0]?.state === "failed", "the forward to fail");
    expect(forwards.list()[0]?.message).toBe("session-manager-plugin was killed by SIGKILL");
    expect(terminate).toHaveBeenCalledWith("sess-6");
  });
});
