// The full-screen session: alternate screen, the Ink app, and the data layer loaded behind it.
import { render } from "ink";
import { AppStore } from "./store/app-store.js";
import { App } from "./ui/app.js";
import { enterFullScreen, restoreOnExit, restoreTerminal } from "./terminal.js";
import { limitHeapGrowth } from "./heap-growth.js";
import type { Options } from "./options.js";

const FIRST_FRAME_WAIT_MS = 300;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runTui(
  options: Options,
  accountModule: Promise<typeof import("./open-account.js")>,
): Promise<void> {
  restoreOnExit((error) => {
    process.stderr.write(
      `deckhand crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  });
  enterFullScreen();
  limitHeapGrowth();

  const store = new AppStore({ refreshMs: options.refreshMs });
  store.start();
  const firstLoad = accountModule
    .then(({ openAccount }) => openAccount(options))
    .then((account) => store.attach(account.gateway, account.context, account.openFollower, account.actions))
    .catch((error: unknown) => store.failSetup(error instanceof Error ? error.message : String(error)));
  // Painting twice costs more than waiting a moment: when the first rows come quickly the first
  // frame already has them; a slow network gets a "loading…" frame instead.
  await Promise.race([firstLoad, sleep(FIRST_FRAME_WAIT_MS)]);
  const ink = render(<App store={store} />, {
    exitOnCtrlC: false,
    patchConsole: false,
    maxFps: 60,
  });

  await ink.waitUntilExit();
  store.stop();
  restoreTerminal();
  process.exit(0);
}
