// The simulated session-manager-plugin (dist/sim-session-plugin.js) through its launcher, driven
// with the invocation deckhand builds. Needs `npm run build`.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { pluginInvocation, type PluginInvocation } from "../../../source/features/exec/plugin-invocation.js";
import {
  FAKE_PLUGIN,
  readPluginRecord,
  requireBuiltPlugin,
  simSession,
  type PluginStart,
} from "../../helpers/fake-plugin/index.js";

const TASK_ID = "0123456789abcdef0123456789abcdef";
const TARGET = `ecs:prod_web_${TASK_ID}_${TASK_ID}-2531612879`;

let root: string;
let recordFile: string;
beforeAll(requireBuiltPlugin);
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "deckhand-sim-plugin-"));
  recordFile = join(root, "record.jsonl");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function invocation(
  token: Parameters<typeof simSession>[1],
  sessionId = "ecs-execute-command-1",
): PluginInvocation {
  return pluginInvocation({
    pluginPath: FAKE_PLUGIN,
    session: simSession(sessionId, token),
    region: "us-east-1",
    target: { target: TARGET },
    endpoint: "https://ssm.us-east-1.amazonaws.com",
    credentials: { accessKeyId: "DEMO", secretAccessKey: "demo", sessionToken: "tok" },
    parentEnv: { PATH: process.env.PATH, AWS_PROFILE: "prod", DECKHAND_PLUGIN_RECORD: recordFile },
  });
}

function run(call: PluginInvocation, input = "") {
  const result = spawnSync(call.command, call.args, { env: call.env, input, encoding: "utf8" });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

describe("simulated session-manager-plugin", () => {
  it("answers a bare call like the real plugin", () => {
    const result = spawnSync(FAKE_PLUGIN, [], { encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      "The Session Manager plugin was installed successfully. Use the AWS CLI to start a session.",
    );
  });

  it("runs a one-off command between the session lines", () => {
    const result = run(invocation({ kind: "exec", target: TARGET, command: "cat /etc/os-release" }));
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /^\nStarting session with SessionId: ecs-execute-command-1\n\nNAME="Alpine Linux"\n[^]*\n\nExiting session with sessionId: ecs-execute-command-1\.\n\n$/,
    );
  });

  it("exits 127 for an unknown one-off command", () => {
    const result = run(invocation({ kind: "exec", target: TARGET, command: "psql -h db" }));
    expect(result.status).toBe(127);
    expect(result.stdout).toContain("sh: psql: not found");
  });

  it("acts as a shell: hostname is the task id, unknown commands are not found, exit ends it", () => {
    const result = run(
      invocation({ kind: "exec", target: TARGET, command: "/bin/sh" }),
      "hostname\nwhoami\necho hello $HOSTNAME\nenv\nfrobnicate\nexit\nhostname\n",
    );
    expect(result.status).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines).toContain(`# ${TASK_ID}`);
    expect(lines).toContain("# root");
    expect(lines).toContain(`# hello ${TASK_ID}`);
    expect(result.stdout).toContain("ECS_CONTAINER_METADATA_URI_V4=http://169.254.170.2/v4/");
    expect(lines).toContain("# sh: frobnicate: not found");
    expect(result.stdout.endsWith("# \n\nExiting session with sessionId: ecs-execute-command-1.\n\n")).toBe(
      true,
    );
  });

  it("gives powershell.exe a PowerShell prompt", () => {
    const result = run(
      invocation({ kind: "exec", target: TARGET, command: "powershell.exe", os: "windows" }),
      "whoami\nexit\n",
    );
    expect(result.stdout).toContain("PS C:\\> user manager\\containeradministrator");
  });

  it("survives Ctrl-C as a shell does", async () => {
    const call = invocation({ kind: "exec", target: TARGET, command: "/bin/sh" });
    const child = spawn(call.command, call.args, { env: call.env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    while (!stdout.includes("# ")) await new Promise((r) => setTimeout(r, 20));
    // The launcher execs node, so this pid is the plugin itself.
    process.kill(child.pid ?? 0, "SIGINT");
    while (!stdout.includes("^C")) await new Promise((r) => setTimeout(r, 20));
    child.stdin.end("pwd\nexit\n");
    expect(await exited).toBe(0);
    expect(stdout).toContain("^C\n# /\n# ");
  });

  it("refuses a session the simulator did not make", () => {
    const call = invocation({ kind: "exec", target: TARGET, command: "/bin/sh" });
    call.env.AWS_SSM_START_SESSION_RESPONSE = JSON.stringify({
      sessionId: "real",
      tokenValue: "AAEAAR-opaque-aws-token",
      streamUrl: "wss://x",
    });
    const result = run(call);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      "session-manager-plugin (deckhand simulator): this is not a simulated session",
    );
  });

  it("records argv without the token, the AWS environment with it, and how it ended", () => {
    const call = invocation({ kind: "exec", target: TARGET, command: "ls" });
    run(call);
    const [start, end] = readPluginRecord(recordFile);
    const started = start as PluginStart;
    expect(started.argv).toEqual(call.args);
    expect(JSON.stringify(started.argv)).not.toContain(
      (JSON.parse(call.env.AWS_SSM_START_SESSION_RESPONSE ?? "") as { tokenValue: string }).tokenValue,
    );
    expect(started.env).toMatchObject({
      AWS_ACCESS_KEY_ID: "DEMO",
      AWS_SECRET_ACCESS_KEY: "demo",
      AWS_SESSION_TOKEN: "tok",
      AWS_REGION: "us-east-1",
      AWS_DEFAULT_REGION: "us-east-1",
      AWS_SSM_START_SESSION_RESPONSE: call.env.AWS_SSM_START_SESSION_RESPONSE,
    });
    expect(started.env).not.toHaveProperty("AWS_PROFILE");
    expect(started.env).not.toHaveProperty("PATH");
    expect(end).toEqual({ pid: started.pid, exit: 0 });
  });
});
