// The real-terminal harness every pty test uses: runs the built `bin/deckhand.js` in a pseudo-terminal
// and feeds its output to a headless xterm, so assertions see the screen a user would see.
// Needs `npm run build` first (the test scripts do it).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openPtyTerminal } from "./pty-terminal.js";
import { onTestFinished, TestRunner } from "vitest";

export const ENTER = "\r";
export const ESC = "\u001b";
export const UP = "\u001b[A";
export const DOWN = "\u001b[B";
export const PGUP = "\u001b[5~";
export const PGDN = "\u001b[6~";
export const CTRL_C = "\u0003";
export const CTRL_R = "\u0012";
export const BACKSPACE = "\u007f";

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BIN = "bin/deckhand.js";
const POLL_MS = 25;
/** Gap between writes, like a quick typist. deckhand splits keys that arrive together, so this is
 * not needed for correctness; it keeps each test step a separate keystroke, as a person types. */
const KEY_GAP_MS = 40;

export interface StartOptions {
  args?: string[];
  env?: Record<string, string | undefined>;
  cols?: number;
  rows?: number;
  /** A shell command run in the same terminal after deckhand exits (e.g. `stty -a`). */
  afterExit?: string;
}

export interface Exit {
  exitCode: number;
  signal?: number;
}

export interface Deckhand {
  /** The visible viewport, one line per row, each trimmed on the right. */
  screen(): string;
  /** The text of the first line drawn in inverse video (the table's cursor bar), or undefined. */
  selectedLine(): string | undefined;
  waitForText(text: string | RegExp, timeoutMs?: number): Promise<void>;
  waitForNoText(text: string | RegExp, timeoutMs?: number): Promise<void>;
  /** Waits until a condition on the screen holds; the error names `what` and shows the screen. */
  waitUntil(condition: () => boolean, what: string, timeoutMs?: number): Promise<void>;
  /** Queues raw bytes as one write, e.g. ENTER, ESC, DOWN or "j"; writes are spaced KEY_GAP_MS apart. */
  press(keys: string): void;
  /** Types text one character per write; resolves once all of it is written. */
  type(text: string): Promise<void>;
  resize(cols: number, rows: number): void;
  /** Every byte received so far, escape sequences included. */
  raw(): string;
  exited: Promise<Exit>;
  /** Resolves with the exit, or throws (with the screen) if it does not come in time. */
  waitForExit(timeoutMs?: number): Promise<Exit>;
  /** Signals the whole process group (default SIGTERM). */
  kill(signal?: NodeJS.Signals): void;
  /** Signals deckhand alone, as `kill PID` would; its children are deckhand's business. */
  signal(signal: NodeJS.Signals): void;
  /** Kills the process if still running, waits for it, frees the terminal. Idempotent. */
  close(): Promise<void>;
}

const live = new Set<Deckhand>();

process.once("exit", () => {
  for (const deckhand of live) deckhand.kill("SIGKILL");
});

/** Starts deckhand in a pty. Inside a test it is closed automatically when the test ends; when started
 * from beforeAll, call close() (or closeAll()) in afterAll. */
export function startDeckhand(options: StartOptions = {}): Deckhand {
  const { args = [], cols = 120, rows = 40 } = options;
  if (!existsSync(join(REPO_ROOT, "dist", "cli.js"))) {
    throw new Error("dist/cli.js is missing: run `npm run build` before the pty tests");
  }
  const quote = (word: string) => `'${word.replaceAll("'", "'\\''")}'`;
  const [command, commandArgs] = options.afterExit
    ? ["/bin/sh", ["-c", `${[process.execPath, BIN, ...args].map(quote).join(" ")}; ${options.afterExit}`]]
    : [process.execPath, [BIN, ...args]];
  let received = "";
  let lastDataAt = Date.now();
  let exit: Exit | undefined;
  const { term, child, screen } = openPtyTerminal(command, commandArgs, {
    cols,
    rows,
    cwd: REPO_ROOT,
    env: options.env ?? {},
    onData: (data) => {
      received += data;
      lastDataAt = Date.now();
    },
  });
  const exited = new Promise<Exit>((resolve) => {
    child.onExit(({ exitCode, signal }) => {
      exit = { exitCode, signal };
      resolve(exit);
    });
  });

  const selectedLine = () => {
    const buffer = term.buffer.active;
    for (let y = 0; y < term.rows; y += 1) {
      const line = buffer.getLine(buffer.viewportY + y);
      if (!line) continue;
      for (let x = 0; x < term.cols; x += 1) {
        if (line.getCell(x)?.isInverse()) return line.translateToString(true);
      }
    }
    return undefined;
  };

  const explain = (what: string) =>
    `${what}${exit ? ` (deckhand exited with code ${exit.exitCode}, signal ${exit.signal ?? "none"})` : ""}\n` +
    `--- screen ${term.cols}x${term.rows} ---\n${screen()}\n--- end of screen ---`;

  const waitFor = async (want: boolean, text: string | RegExp, timeoutMs: number) => {
    const matches = () => (typeof text === "string" ? screen().includes(text) : text.test(screen()));
    const deadline = Date.now() + timeoutMs;
    while (matches() !== want) {
      if (exit && want) {
        // Let the last bytes reach the terminal before giving up.
        await sleep(POLL_MS * 4);
        if (matches() === want) return;
        throw new Error(explain(`deckhand exited while waiting for ${String(text)}`));
      }
      if (Date.now() > deadline) {
        throw new Error(
          explain(`timed out after ${timeoutMs} ms waiting for ${want ? "" : "no "}${String(text)}`),
        );
      }
      await sleep(POLL_MS);
    }
  };

  const kill = (signal: NodeJS.Signals = "SIGTERM") => {
    if (exit) return;
    try {
      // The pty child leads its own session and process group; reach anything it spawned too.
      process.kill(-child.pid, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
    }
  };

  let writes = Promise.resolve();
  let writeError: Error | undefined;
  const press = (keys: string) => {
    writes = writes.then(async () => {
      if (exit || writeError) return;
      try {
        child.write(keys);
      } catch (error) {
        // The pty can close between the exit check and the write; type() reports it.
        writeError = error instanceof Error ? error : new Error(String(error));
        return;
      }
      await sleep(KEY_GAP_MS);
    });
  };

  let closing: Promise<void> | undefined;
  const deckhand: Deckhand = {
    screen,
    selectedLine,
    waitForText: (text, timeoutMs = 10_000) => waitFor(true, text, timeoutMs),
    waitForNoText: (text, timeoutMs = 10_000) => waitFor(false, text, timeoutMs),
    async waitUntil(condition, what, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!condition()) {
        if (Date.now() > deadline)
          throw new Error(explain(`timed out after ${timeoutMs} ms waiting until ${what}`));
        await sleep(POLL_MS);
      }
    },
    press,
    async type(text) {
      for (const char of text) press(char);
      await writes;
      if (writeError) throw writeError;
    },
    resize(newCols, newRows) {
      child.resize(newCols, newRows);
      term.resize(newCols, newRows);
    },
    raw: () => received,
    exited,
    async waitForExit(timeoutMs = 5_000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(explain(`deckhand did not exit within ${timeoutMs} ms`))),
          timeoutMs,
        );
      });
      try {
        const result = await Promise.race([exited, timeout]);
        // The pty can report the exit before the last output: wait for it to go quiet (at most
        // 1 s), then for the terminal to have parsed it, so that screen() shows the last words.
        const exitedAt = Date.now();
        while (Date.now() - lastDataAt < 100 && Date.now() - exitedAt < 1_000) await sleep(POLL_MS);
        await new Promise<void>((resolve) => term.write("", resolve));
        return result;
      } finally {
        clearTimeout(timer);
      }
    },
    kill,
    signal(signal) {
      if (!exit) process.kill(child.pid, signal);
    },
    close() {
      closing ??= (async () => {
        kill("SIGTERM");
        const timer = setTimeout(() => kill("SIGKILL"), 2_000);
        await exited;
        clearTimeout(timer);
        live.delete(deckhand);
        term.dispose();
      })();
      return closing;
    },
  };
  live.add(deckhand);
  if (TestRunner.getCurrentTest()) onTestFinished(() => deckhand.close());
  return deckhand;
}

export async function closeAll(): Promise<void> {
  await Promise.all([...live].map((deckhand) => deckhand.close()));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
