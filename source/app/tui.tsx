// The full-screen session: alternate screen, the Ink app, and the data layer loaded behind it. For
// an exec session the terminal is handed over: Ink unmounted, the alternate screen left, cooked
// mode; afterwards the same App is rendered again on the same store, so nothing is lost.
import { render, type Instance } from "ink";
import { ReadStream } from "node:tty";
import { AppStore } from "../state/app-store.js";
import { resolveDeepLink } from "../state/deep-link.js";
import { accountSwitching } from "./account-switching.js";
import type { Account } from "./open-account.js";
import type { HandedTerminal, TerminalHandover } from "../features/exec/exec-services.js";
import { App } from "../ui/app.js";
import {
  enterFullScreen,
  onExit,
  restoreOnExit,
  restoreTerminal,
  runExitHooks,
  setInputStream,
} from "../core/terminal.js";
import { limitHeapGrowth } from "./heap-growth.js";
import { restoreTerminalMode, saveTerminalMode } from "../core/terminal-mode.js";
import type { Options } from "./options.js";
import type { TableKeymap } from "../input/table-keys.js";

const FIRST_FRAME_WAIT_MS = 300;
/** How long quitting waits for TerminateSession of open sessions and port forwards. */
const TERMINATE_ON_EXIT_MS = 2_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A session waiting for the terminal, and how to tell its caller how it went. */
interface Job {
  session: (terminal: HandedTerminal) => Promise<unknown>;
  ifDeckhandExits: (() => Promise<unknown>) | undefined;
  settle: (outcome: { ok: true; value: unknown } | { ok: false; error: unknown }) => void;
}

/**
 * A fresh stream on the terminal for each stretch of Ink (and for "press enter"). It is destroyed
 * when the terminal is handed over, so that no reader is left in deckhand to take keystrokes meant
 * for the plugin. process.stdin would keep reading once started, even unlistened.
 */
function openInput(): NodeJS.ReadStream {
  return process.stdin.isTTY ? new ReadStream(0) : process.stdin;
}

function closeInput(stream: NodeJS.ReadStream): void {
  if (stream === process.stdin) return void stream.pause();
  if (stream.isTTY && stream.isRaw) stream.setRawMode(false);
  stream.destroy();
}

/** Keys that end "press enter to return": enter, and Ctrl-C, which must not quit deckhand here. */
const RETURN_KEYS = ["\r", "\n", "\u0003"];

const handedTerminal: HandedTerminal = {
  write: (text) => void process.stdout.write(text),
  waitForEnter: () =>
    new Promise<void>((resolve) => {
      const input = openInput();
      // Raw, so that Ctrl-C arrives as a key rather than as SIGINT to deckhand.
      if (input.isTTY) input.setRawMode(true);
      input.setEncoding("utf8");
      input.on("data", (chunk: string) => {
        if (!RETURN_KEYS.some((key) => chunk.includes(key))) return;
        closeInput(input);
        resolve();
      });
      input.once("end", resolve);
    }),
};

async function runJob(job: Job): Promise<void> {
  const { ifDeckhandExits } = job;
  const removeHook =
    ifDeckhandExits &&
    onExit({
      finish: async () => void (await Promise.race([ifDeckhandExits(), sleep(TERMINATE_ON_EXIT_MS)])),
    });
  const mode = saveTerminalMode();
  try {
    job.settle({ ok: true, value: await job.session(handedTerminal) });
  } catch (error) {
    job.settle({ ok: false, error });
  } finally {
    restoreTerminalMode(mode);
    removeHook?.();
  }
}

export async function runTui(
  options: Options,
  accountModule: Promise<typeof import("./open-account.js")>,
  keymap: TableKeymap,
): Promise<void> {
  restoreOnExit((error) => {
    process.stderr.write(
      `deckhand crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  });
  enterFullScreen();
  limitHeapGrowth();

  let ink: Instance | undefined;
  const jobs: Job[] = [];
  const terminal: TerminalHandover = {
    run<T>(
      session: (handed: HandedTerminal) => Promise<T>,
      ifDeckhandExits?: () => Promise<unknown>,
    ): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        jobs.push({
          session,
          ifDeckhandExits,
          settle: (outcome) => (outcome.ok ? resolve(outcome.value as T) : reject(outcome.error)),
        });
        ink?.unmount();
      });
    },
  };

  const store = new AppStore({ refreshMs: options.refreshMs });
  store.start();
  const firstLoad = accountModule
    .then(({ openAccount }) => openAccount(options))
    .then(async (account) => {
      if (options.deepLink) store.openAt(await resolveDeepLink(account.gateway, options.deepLink));
      const wired = (opened: Account) => {
        const { forwards } = opened.exec;
        onExit({
          now: () => forwards.stopAllNow(),
          finish: () => forwards.terminateAll(TERMINATE_ON_EXIT_MS),
        });
        const exec = { ...opened.exec, terminal };
        return [opened.gateway, opened.context, opened.openFollower, opened.actions, exec] as const;
      };
      store.enableSwitching(
        accountSwitching(options, account, (next) => store.switchAccount(...wired(next))),
      );
      return store.attach(...wired(account));
    })
    .catch((error: unknown) => store.failSetup(error instanceof Error ? error.message : String(error)));
  // Painting twice costs more than waiting a moment: when the first rows come quickly the first
  // frame already has them; a slow network gets a "loading…" frame instead.
  await Promise.race([firstLoad, sleep(FIRST_FRAME_WAIT_MS)]);

  for (;;) {
    const input = openInput();
    setInputStream(input);
    ink = render(<App store={store} keymap={keymap} />, {
      stdin: input,
      exitOnCtrlC: false,
      patchConsole: false,
      maxFps: 60,
    });
    await ink.waitUntilExit();
    ink = undefined;
    closeInput(input);
    setInputStream(undefined);
    if (jobs.length === 0) break;
    restoreTerminal();
    // Sessions asked for while one ran go next, before the UI is drawn again.
    for (let job = jobs.shift(); job; job = jobs.shift()) await runJob(job);
    enterFullScreen();
  }

  store.stop();
  restoreTerminal();
  await runExitHooks();
  process.exit(0);
}
