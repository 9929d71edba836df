// The full-screen session: alternate screen, the Ink app, and the data layer loaded behind it.
import { render } from "ink";
import { AppStore } from "./store/app-store.js";
import { App } from "./ui/app.js";
import { enterFullScreen, restoreOnExit, restoreTerminal } from "./terminal.js";
import type { Options } from "./options.js";

export async function runTui(options: Options): Promise<void> {
  restoreOnExit((error) => {
    process.stderr.write(
      `deckhand crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  });
  enterFullScreen();

  const store = new AppStore({ refreshMs: options.refreshMs });
  const ink = render(<App store={store} refreshMs={options.refreshMs} />, {
    exitOnCtrlC: false,
    patchConsole: false,
    maxFps: 30,
  });
  store.start();
  // The first frame is on screen before the AWS SDK (or the simulator) is even loaded.
  void import("./open-account.js")
    .then(({ openAccount }) => openAccount(options))
    .then((account) => store.attach(account.gateway, account.context))
    .catch((error: unknown) =>
      store.showFlash(error instanceof Error ? error.message : String(error), "error"),
    );

  await ink.waitUntilExit();
  store.stop();
  restoreTerminal();
  process.exit(0);
}
