// The one place keys turn into intents, for the whole screen: which scope has the key (a
// description, a dialog, the log pane, help, a prompt, the table), then that scope's keymap.
import type { ActionVerb, AppStore } from "../state/app-store.js";
import type { LogPaneOutputs } from "../features/logs/log-pane-store.js";
import type { RowOutputs } from "../features/copy-open/copy-and-open.js";
import type { DescribeOutputs } from "../features/describe/describe-pane.js";
import { KINDS } from "../kinds/registry.js";
import { keyLabel } from "./binding.js";
import { helpLineCount } from "./help-sections.js";
import { editLine } from "./line-editor.js";
import {
  appliesTo,
  bindingIn,
  type ActionId,
  type TableBinding,
  type TableContext,
  type TableKeymap,
} from "./table-keys.js";

/** Where keys send what leaves deckhand: saved log lines, the clipboard, the browser. */
export interface KeyOutputs {
  logs: LogPaneOutputs;
  describe: DescribeOutputs;
  rows: RowOutputs;
}

/** What the dispatcher acts on: the store, the session's table keys and the outputs. */
export interface KeySession {
  store: AppStore;
  keymap: TableKeymap;
  outputs: KeyOutputs;
}

/**
 * Scopes are checked from the top of the stack down: description > dialog > log pane > help >
 * command line > filter prompt > table. A dialog that opens while a description is up (an action
 * or exec check that ends late) waits for it to close: the description covers the screen.
 */
export function dispatchKey(session: KeySession, key: string, input: string, quit: () => void): void {
  const { store } = session;
  const { overlay } = store.getState();
  if (key === "ctrl-c") return quit();

  if (overlay.type === "describe") return overlay.pane.handleKey(key, input);

  if (overlay.type === "dialog") return store.dialogKey(key === " " ? "space" : key, input);

  if (overlay.type === "logs") {
    return overlay.pane.handleKey(key, input);
  }

  if (overlay.type === "help") {
    if (key === "esc" || key === "?" || key === "q") store.toggleHelp();
    else scrollHelp(session, session.keymap.bindingsOf(key)[0]?.action);
    return;
  }
  if (overlay.type === "command") {
    if (store.commandKey(key, input) === "quit") quit();
    return;
  }
  if (overlay.type === "filter") {
    if (key === "enter") store.closeFilter(true);
    else if (key === "esc") store.closeFilter(false);
    else {
      const line = editLine({ text: overlay.draft, cursor: overlay.cursor }, key, input);
      if (line) store.editFilter(line.text, line.cursor);
    }
    return;
  }
  tableKey(session, key === " " ? "space" : key, quit);
}

/**
 * A key on the table: the binding of this view, or why it does nothing here (another view's key
 * says where it works; a key that needs a row, why there is none).
 */
function tableKey(session: KeySession, key: string, quit: () => void): void {
  const { store } = session;
  const kind = store.kindOf(store.top());
  const context: TableContext = { kind, noRow: () => store.noRowReason() };
  const binding = bindingIn(session.keymap, key, kind.id);
  if (!binding) return;
  if (!appliesTo(binding, kind.id)) {
    const where = session.keymap.bindingsOf(key).map((each) => each.disabledReason?.(context));
    return store.showFlash(`${keyLabel(binding)} ${where.join("; ")}`);
  }
  const reason = binding.disabledReason?.(context);
  if (reason !== undefined) return store.showFlash(reason);
  run(session, binding, quit);
}

/** Help scrolls with the keys that move the table cursor, as remapped. */
function scrollHelp({ store, keymap }: KeySession, action: ActionId | undefined): void {
  const { overlay, viewportRows } = store.getState();
  const helpTop = overlay.type === "help" ? overlay.top : 0;
  const last = Math.max(0, helpLineCount(KINDS[store.top().kind], keymap) - viewportRows);
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

function run({ store, outputs }: KeySession, binding: TableBinding, quit: () => void): void {
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
      return store.openLogs(outputs.logs);
    case "describe":
      return store.openDescribe(outputs.describe);
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
      return store.openDiff(outputs.describe);
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
      return store.copyRow(outputs.rows);
    case "openConsole":
      return store.openRowInConsole(outputs.rows);
    case "wide":
      return store.toggleWide();
    case "sort":
      return store.sortBy(binding.keys[0]!);
  }
}
