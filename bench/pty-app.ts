// deckhand in a pty and the simulated account in a process of its own, for the log pane's budgets
// (logs.ts): both are killed, with their process groups, when the bench exits.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createSimulatedAccount, type SimOptions, type SimulatedAccount } from "../source/sim/index.js";
import { openPtyTerminal, type PtyTerminal } from "../test/helpers/pty-terminal.js";

const COLS = 160;
const ROWS = 40;
export const ENTER = "\r";

/** Every simulator knob the child could inherit, cleared so the in-process account matches it. */
const SIM_ENV: Record<string, string | undefined> = {
  DECKHAND_SIM_SERVICES: undefined,
  DECKHAND_SIM_TASKS: undefined,
  DECKHAND_SIM_LATENCY_MS: undefined,
  DECKHAND_SIM_SEED: undefined,
  DECKHAND_SIM_CALL_LOG: undefined,
  DECKHAND_SIM_LOG_RATE: undefined,
  DECKHAND_SIM_LIVETAIL: undefined,
};

export const sleep = (delay: number) => new Promise((resolve) => setTimeout(resolve, delay));
const live = new Set<number>();
process.once("exit", () => {
  for (const pid of live) killGroup(pid);
});

function killGroup(pid: number): void {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // already gone
  }
}

/** The simulated account in its own process behind http://127.0.0.1:port (bench/sim-server.ts). */
export interface SimServer {
  endpoint: string;
  /** Made as the server's account was: same seed and options, so it holds the same lines. */
  reference: SimulatedAccount;
  close: () => void;
}

export async function startSimServer(env: Record<string, string>, options: SimOptions): Promise<SimServer> {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/sim-server.ts"], {
    cwd: process.cwd(),
    env: { ...process.env, ...SIM_ENV, ...env },
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  const pid = child.pid!;
  live.add(pid);
  const { port, epoch } = await new Promise<{ port: string; epoch: number }>((resolve, reject) => {
    let text = "";
    child.stdout.on("data", (chunk: Buffer) => {
      text += chunk.toString();
      const found = /port (\d+) epoch (\d+)/.exec(text);
      if (found) resolve({ port: found[1]!, epoch: Number(found[2]) });
    });
    child.once("exit", (code) => reject(new Error(`the simulator server exited with ${code}`)));
  });
  // The same world: built at the server's epoch with the clock standing still, as the server's was,
  // then on real time, as the server's is.
  let building = true;
  const reference = createSimulatedAccount({
    ...options,
    throttle: false,
    now: () => (building ? epoch : Date.now()),
  });
  building = false;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    reference,
    close: () => {
      killGroup(pid);
      live.delete(pid);
    },
  };
}

/** deckhand against an endpoint: AWS as far as it can tell (fake keys, a region, no profile). */
export function endpointTarget(endpoint: string): {
  env: Record<string, string | undefined>;
  target: string[];
} {
  return {
    env: {
      AWS_ACCESS_KEY_ID: "bench",
      AWS_SECRET_ACCESS_KEY: "bench",
      AWS_SESSION_TOKEN: undefined,
      AWS_PROFILE: undefined,
      AWS_CONFIG_FILE: "/dev/null",
      AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
    },
    target: ["--endpoint-url", endpoint, "--region", "us-east-1"],
  };
}

/** deckhand in a pty; every output chunk is checked against the waiters once xterm has parsed it. */
export class App {
  private readonly pty: PtyTerminal;
  private readonly waiters = new Set<{ test: (screen: string) => boolean; done: (at: number) => void }>();
  private latestAt = 0;
  private closed = false;
  private exitedCode: number | undefined;
  /** Called with every parsed screen and the arrival time of the chunk that made it. */
  onScreen: ((screen: string, at: number) => void) | undefined;

  constructor(env: Record<string, string | undefined>, target: string[] = ["--demo"]) {
    this.pty = openPtyTerminal(process.execPath, ["bin/deckhand.js", ...target], {
      cols: COLS,
      rows: ROWS,
      cwd: process.cwd(),
      env: { ...SIM_ENV, ...env },
      onData: (_data, at) => {
        this.latestAt = at;
        // The terminal parses this chunk after this handler; check once it has (see pty-timer.ts).
        setImmediate(() => {
          const seenAt = this.latestAt;
          this.pty.term.write("", () => this.check(seenAt));
        });
      },
    });
    live.add(this.pty.child.pid);
    this.pty.child.onExit(({ exitCode }) => {
      this.exitedCode = exitCode;
      live.delete(this.pty.child.pid);
    });
  }

  get pid(): number {
    return this.pty.child.pid;
  }

  screen(): string {
    return this.pty.screen();
  }

  press(keys: string): number {
    const at = performance.now();
    this.pty.child.write(keys);
    return at;
  }

  async type(text: string): Promise<void> {
    for (const char of text) {
      this.press(char);
      await sleep(30);
    }
  }

  /** Resolves with the arrival time of the chunk after which the screen passed the test. */
  waitFor(test: (screen: string) => boolean, what: string, timeoutMs = 15_000): Promise<number> {
    if (test(this.screen())) return Promise.resolve(performance.now());
    return new Promise((resolve, reject) => {
      const waiter = {
        test,
        done: (at: number) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(at);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const exited = this.exitedCode === undefined ? "" : ` (deckhand exited with ${this.exitedCode})`;
        reject(
          new Error(
            `timed out after ${timeoutMs} ms waiting for ${what}${exited}; screen:\n${this.screen()}`,
          ),
        );
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  waitForText(text: string | RegExp, timeoutMs?: number): Promise<number> {
    const test = (screen: string) => (typeof text === "string" ? screen.includes(text) : text.test(screen));
    return this.waitFor(test, String(text), timeoutMs);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    killGroup(this.pty.child.pid);
    live.delete(this.pty.child.pid);
    this.pty.term.dispose();
  }

  private check(at: number): void {
    const screen = this.screen();
    this.onScreen?.(screen, at);
    for (const waiter of [...this.waiters]) if (waiter.test(screen)) waiter.done(at);
  }
}

export async function filterTo(app: App, text: string): Promise<void> {
  app.press("/");
  await app.waitForText(/^\/ /m);
  await app.type(text);
  app.press(ENTER);
  await app.waitForText(`</${text}>`);
}

export function rssOf(pid: number): { rssMb: number; peakMb: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
    return { rssMb: kb("VmRSS") / 1024, peakMb: kb("VmHWM") / 1024 };
  } catch {
    return undefined;
  }
}
