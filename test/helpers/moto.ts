// Runs moto_server (moto 5.2.1) as a child process on a free loopback port for the integration suite.
// A small Python watchdog sits between us and moto_server: it stops moto when our stdin pipe closes,
// so even a SIGKILLed test worker leaves no orphan server behind.
import { spawn, type ChildProcess } from "node:child_process";
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { ECSClient } from "@aws-sdk/client-ecs";
import { vi } from "vitest";

export const MOTO_REGION = "us-east-1";
export const MOTO_CREDENTIALS = { accessKeyId: "testing", secretAccessKey: "testing" };

export interface MotoServer {
  /** e.g. http://127.0.0.1:41234 */
  endpoint: string;
  port: number;
  /** Clears all moto state and re-applies the ecs::task transition. */
  reset(): Promise<void>;
  stop(): Promise<void>;
  /** The last few kB moto printed, for failure messages. */
  log(): string;
}

const WATCHDOG = `
import subprocess, sys, threading
child = subprocess.Popen(sys.argv[1:], stdin=subprocess.DEVNULL)
def watch():
    sys.stdin.read()
    child.terminate()
threading.Thread(target=watch, daemon=True).start()
sys.exit(child.wait())
`;

const START_TIMEOUT_MS = 20_000;
const LOG_LIMIT = 8_000;
const running = new Set<ChildProcess>();

process.once("exit", () => {
  for (const child of running) killGroup(child, "SIGKILL");
});

export async function startMoto(): Promise<MotoServer> {
  const executable = findOnPath("moto_server");
  if (!executable) {
    throw new Error(
      "moto_server is not on PATH. The integration suite needs moto 5.2.1 with its server extras " +
        "(python3 -m pip install 'moto[server]==5.2.1'); check with: python3 -c 'import moto, flask, flask_cors'",
    );
  }
  let lastError: unknown;
  // A free port can be taken between probing and binding; try a few.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      return await launch(executable, await freePort());
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

/** An ECS client aimed at moto: static credentials, and no retries because moto answers 500 for
 * unimplemented operations. */
export function motoEcsClient(endpoint: string): ECSClient {
  // Node 20 is supported here; the SDK's upgrade notice only clutters the test output.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  return new ECSClient({ endpoint, region: MOTO_REGION, credentials: MOTO_CREDENTIALS, maxAttempts: 1 });
}

async function launch(executable: string, port: number): Promise<MotoServer> {
  const env: NodeJS.ProcessEnv = { ...process.env, MOTO_ECS_NEW_ARN: "true" };
  delete env.MOTO_ECS_SERVICE_RUNNING;
  delete env.MOTO_ECS_SERVICE_FAILED_TASKS;
  const child = spawn("python3", ["-c", WATCHDOG, executable, "-H", "127.0.0.1", "-p", String(port)], {
    env,
    stdio: ["pipe", "pipe", "pipe"],
    detached: true, // its own process group, so stop() reaches moto_server too
  });
  running.add(child);
  let output = "";
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-LOG_LIMIT);
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  let spawnError: Error | undefined;
  const exited = new Promise<void>((resolve) => {
    const done = () => {
      running.delete(child);
      resolve();
    };
    child.once("exit", done);
    child.once("error", (error) => {
      spawnError = error;
      done();
    });
  });

  const endpoint = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (!running.has(child)) return;
    // EOF makes the watchdog terminate and reap moto_server; signals are the fallback.
    child.stdin?.end();
    const timers = [
      setTimeout(() => killGroup(child, "SIGTERM"), 2_000),
      setTimeout(() => killGroup(child, "SIGKILL"), 4_000),
    ];
    await exited;
    timers.forEach(clearTimeout);
  };

  try {
    await waitUntilAnswering(endpoint, child, () => spawnError);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\nmoto_server output:\n${output}`);
  }

  const server: MotoServer = {
    endpoint,
    port,
    log: () => output,
    stop,
    async reset() {
      await motoApi(endpoint, "/moto-api/reset", {});
      // Tasks otherwise move one state towards STOPPED on every DescribeTasks (docs/aws.md, "moto
      // 5.2.1: services and tasks").
      await motoApi(endpoint, "/moto-api/state-manager/set-transition", {
        model_name: "ecs::task",
        transition: { progression: "manual", times: 1_000_000 },
      });
    },
  };
  await server.reset();
  return server;
}

async function waitUntilAnswering(
  endpoint: string,
  child: ChildProcess,
  spawnError: () => Error | undefined,
): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const failed = spawnError();
    if (failed) throw new Error(`could not start the moto_server watchdog with python3: ${failed.message}`);
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`moto_server exited early (code ${child.exitCode}, signal ${child.signalCode})`);
    }
    try {
      const response = await fetch(`${endpoint}/moto-api/data.json`, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) return;
    } catch (error) {
      // Connection refused until werkzeug binds; anything else is worth seeing.
      if (!isConnectionRefused(error)) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`moto_server did not answer on ${endpoint} within ${START_TIMEOUT_MS} ms`);
}

async function motoApi(endpoint: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${endpoint}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`moto ${path} answered ${response.status}: ${await response.text()}`);
}

function isConnectionRefused(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code === "ECONNREFUSED" || (error as Error).name === "TimeoutError";
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch (error) {
    // ESRCH: the group is already gone.
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/** A new folder holding an empty AWS config and credentials file, for motoDeckhandEnv(). */
export function emptyAwsHome(): string {
  const home = mkdtempSync(join(tmpdir(), "deckhand-aws-"));
  writeFileSync(join(home, "config"), "");
  writeFileSync(join(home, "credentials"), "");
  return home;
}

/**
 * The environment for deckhand against moto: test credentials, and nothing from the developer's own
 * AWS setup (profiles, regions, endpoints, config files) that could leak in.
 */
export function motoDeckhandEnv(awsHome: string): Record<string, string | undefined> {
  return {
    AWS_ACCESS_KEY_ID: "testing",
    AWS_SECRET_ACCESS_KEY: "testing",
    AWS_SESSION_TOKEN: undefined,
    AWS_PROFILE: undefined,
    AWS_DEFAULT_PROFILE: undefined,
    AWS_REGION: undefined,
    AWS_DEFAULT_REGION: undefined,
    AWS_ENDPOINT_URL: undefined,
    AWS_ENDPOINT_URL_ECS: undefined,
    AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: undefined,
    AWS_CONFIG_FILE: join(awsHome, "config"),
    AWS_SHARED_CREDENTIALS_FILE: join(awsHome, "credentials"),
  };
}

/** motoDeckhandEnv() for this process, for connect() in a test; returns the undo. */
export function stubMotoCredentialEnv(): () => void {
  const home = emptyAwsHome();
  for (const [name, value] of Object.entries(motoDeckhandEnv(home))) vi.stubEnv(name, value);
  return () => {
    vi.unstubAllEnvs();
    rmSync(home, { recursive: true, force: true });
  };
}
