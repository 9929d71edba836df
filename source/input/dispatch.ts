import type { ActionVerb, AppStore } from "../state/app-store.js";
import { osc52, saveLines } from "../features/logs/log-outputs.js";
import type { LogPaneOutputs } from "../features/logs/log-pane-store.js";
import type { RowOutputs } from "../features/copy-open/copy-and-open.js";
import { openInBrowser } from "../app/browser.js";
import type { DescribeOutputs } from "../features/describe/describe-pane.js";
import { describeLines } from "../ui/describe/json-lines.js";
import { KINDS } from "../kinds/registry.js";
import { helpLineCount } from "../ui/help-sections.js";
import { appliesTo, bindingFor, bindingsFor, keyLabel, type ActionId, type Binding } from "./keymap.js";

const copy = (text: string) => void process.stdout.write(osc52(text));
const LOG_OUTPUTS: LogPaneOutputs = { save: saveLines, copy };
const DESCRIBE_OUTPUTS: DescribeOutputs = { lines: describeLines, copy };

const ROW_OUTPUTS: RowOutputs = { copy: LOG_OUTPUTS.copy, browse: (url) => openInBrowser(url) };

/**
 * The one place keys turn into intents. Modes are checked from the top of the stack down:
 * description > action dialog > log pane > help > filter prompt > table; a key not consumed by a
 * mode falls through to the key bindings. A dialog that opens while a description is up (an action
 * or exec check that ends late) waits for it to close: the description covers the screen.
 */
export function dispatchKey(store: AppStore, key: string, input: string, quit: () => void): void {
  const { overlay } = store.getState();
  if (key === "ctrl-c") return quit();

  if (overlay.type === "describe") return overlay.pane.handleKey(key, input);

  if (overlay.type === "dialog") return store.dialogKey(key === " " ? "space" : key, input);

  if (overlay.type === "logs") {
    return overlay.pane.handleKey(key, input);
  }

  if (overlay.type === "help") {
    if (key === "esc" || key === "?" || key === "q") store.toggleHelp();
    else scrollHelp(store, bindingFor(key)?.action);
    return;
  }
  if (overlay.type === "command") {
    if (store.commandKey(key, input) === "quit") quit();
    return;
  }
  if (overlay.type === "filter") {
    if (key === "enter") store.closeFilter(true);
    else if (key === "esc") store.closeFilter(false);
    else if (key === "backspace") store.editFilter(overlay.draft.slice(0, -1));
    else if (input && !key.startsWith("ctrl-") && key.length === input.length)
      store.editFilter(overlay.draft + input);
    return;
  }
  const name = key === " " ? "space" : key;
  const kind = store.top().kind;
  const binding = bindingFor(name, kind);
  if (!binding) return;
  if (!appliesTo(binding, kind)) {
    const where = bindingsFor(name).map((b) => `${b.description}: in the ${b.kinds!.join(" or ")} view`);
    return store.showFlash(`${keyLabel(binding)} ${where.join("; ")}`);
  }
  run(store, binding, quit);
}

/** Help scrolls with the keys that move the table cursor, as remapped. */
function scrollHelp(store: AppStore, action: ActionId | undefined): void {
  const { overlay, viewportRows } = store.getState();
  const helpTop = overlay.type === "help" ? overlay.top : 0;
  const last = Math.max(0, helpLineCount(KINDS[store.top().kind]) - viewportRows);
  const page = Math.max(1, viewportRows - 1);
  const moves: Partial<Record<ActionId, number>> = {
    down: helpTop + 1,
    up: helpTop - 1,
    pageDown: helpTop + page,
    pageUp: helpTop - page,
    first: 0,
    last,
  };
  const to = action && moves[action];
  if (to !== undefined) store.scrollHelp(to, last);
}

const VERBS: Partial<Record<ActionId, ActionVerb>> = {
  scale: "scale",
  restart: "restart",
  rollback: "rollback",
  revision: "revision",
  toggleExec: "toggleExec",
  editScaling: "editScaling",
  stopTasks: "stopTasks",
};

function run(store: AppStore, binding: Binding, quit: () => void): void {
  const verb = VERBS[binding.action];
  if (verb) return store.startAction(verb);
  switch (binding.action) {
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
    case "describe":
      return store.openDescribe(DESCRIBE_OUTPUTS);
    case "back":
      return store.back();
    case "filter":
      return store.openFilter();
    case "command":
      return store.openCommand();
    case "refresh":
      if (!store.isAttached()) return;
      store.showFlash("refreshing…");
      return void store.refresh(true);
    case "help":
      return store.toggleHelp();
    case "quit":
      return quit();
    case "diff":
      return store.openDiff(DESCRIBE_OUTPUTS);
    case "deployments":
    case "events":
    case "autoscaling":
    case "taskDefinitions":
    case "instances":
    case "image":
    case "loadBalancers":
    case "network":
      return store.openRowView(binding.action);
    case "mark":
      return store.toggleMark();
    case "taskStatus":
      return store.cycleTaskSet();
    case "shell":
      return store.startExec("shell");
    case "runCommand":
      return store.startExec("command");
    case "portForward":
      return store.startExec("portForward");
    case "portForwards":
      return store.openPortForwards();
    case "stopForward":
      return store.stopForward();
    case "copy":
      return store.copyRow(ROW_OUTPUTS);
    case "openConsole":
      return store.openRowInConsole(ROW_OUTPUTS);
    case "wide":
      return store.toggleWide();
    case "sort":
      return store.sortBy(binding.keys[0]!);
  }
}
