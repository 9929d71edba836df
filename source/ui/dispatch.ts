import type { AppStore } from "../store/app-store.js";
import { osc52, saveLines } from "../logs/log-outputs.js";
import type { LogPaneOutputs } from "../store/log-pane-store.js";
import { actionFor, type ActionId } from "./keymap.js";

const LOG_OUTPUTS: LogPaneOutputs = {
  save: saveLines,
  copy: (text) => void process.stdout.write(osc52(text)),
};

/**
 * The one place keys turn into intents. Modes are checked from the top of the stack down:
 * log pane > help > filter prompt > table; a key not consumed by a mode falls through to the key
 * bindings.
 */
export function dispatchKey(store: AppStore, key: string, input: string, quit: () => void): void {
  const { mode, filterDraft, logPane } = store.getState();
  if (key === "ctrl-c") return quit();

  if (logPane) {
    return logPane.handleKey(key, input);
  }

  if (mode === "help") {
    if (key === "esc" || key === "?" || key === "q") store.toggleHelp();
    return;
  }
  if (mode === "filter") {
    if (key === "enter") store.closeFilter(true);
    else if (key === "esc") store.closeFilter(false);
    else if (key === "backspace") store.editFilter(filterDraft.slice(0, -1));
    else if (input && !key.startsWith("ctrl-") && key.length === input.length)
      store.editFilter(filterDraft + input);
    return;
  }
  const action = actionFor(key);
  if (action) run(store, action, quit);
}

function run(store: AppStore, action: ActionId, quit: () => void): void {
  switch (action) {
    case "down":
      return store.moveCursor(1);
    case "up":
      return store.moveCursor(-1);
    case "first":
      return store.moveTo("first");
    case "last":
      return store.moveTo("last");
    case "pageDown":
      return store.page(1);
    case "pageUp":
      return store.page(-1);
    case "drill":
      return store.drill();
    case "logs":
      return store.openLogs(LOG_OUTPUTS);
    case "back":
      return store.back();
    case "filter":
      return store.openFilter();
    case "refresh":
      if (!store.isAttached()) return;
      store.showFlash("refreshing…");
      return void store.refresh(true);
    case "help":
      return store.toggleHelp();
    case "quit":
      return quit();
  }
}
