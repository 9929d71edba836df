// One overlay: what has the keys is the overlay's type; a dialog comes back to what it opened over,
// and one that opens under a description waits for it to close.
import { describe, expect, it } from "vitest";
import type { DialogView } from "../../../source/features/dialogs/action-dialog.js";
import type { DescribePane } from "../../../source/features/describe/describe-pane.js";
import type { LogPaneStore } from "../../../source/features/logs/log-pane-store.js";
import {
  baseOf,
  coversTable,
  describeOf,
  dialogOf,
  logPaneOf,
  NO_OVERLAY,
  scrolledHelp,
  toggledHelp,
  withBase,
  withDescription,
  withDialog,
  withoutDescription,
  withoutLogPane,
  type Overlay,
} from "../../../source/state/overlay.js";

const dialog: DialogView = { kind: "busy", title: "Scale checkout", text: "reading…" };
const other: DialogView = { kind: "busy", title: "Scale checkout", text: "still reading…" };
const pane = { title: "describe" } as unknown as DescribePane;
const logs = { title: "logs" } as unknown as LogPaneStore;
const filter: Overlay = { type: "filter", draft: "pro", cursor: 3 };

describe("overlay", () => {
  it("a dialog opens over a prompt, takes the keys, and gives the prompt back when it closes", () => {
    const open = withDialog(filter, dialog);
    expect(open).toEqual({ type: "dialog", dialog, under: filter });
    expect(dialogOf(open)).toBe(dialog);
    expect(withDialog(open, other)).toEqual({ type: "dialog", dialog: other, under: filter });
    expect(withDialog(open, undefined)).toEqual(filter);
  });

  it("a dialog that opens under a description waits, and shows once the description closes", () => {
    const described = withDescription(filter, pane);
    expect(described).toEqual({ type: "describe", pane, under: filter });
    const waiting = withDialog(described, dialog);
    expect(waiting.type).toBe("describe");
    expect(dialogOf(waiting)).toBe(dialog);
    expect(withoutDescription(waiting)).toEqual({ type: "dialog", dialog, under: filter });
    // Closed while it waited: the description closes onto what it covered.
    expect(withoutDescription(withDialog(waiting, undefined))).toEqual(filter);
  });

  it("a description opened while a dialog is up takes the screen, the dialog waiting under it", () => {
    const over = withDescription(withDialog(NO_OVERLAY, dialog), pane);
    expect(over).toEqual({ type: "describe", pane, under: NO_OVERLAY, waiting: dialog });
    expect(describeOf(over)).toBe(pane);
  });

  it("the log pane covers the table, also under a dialog; closing another pane changes nothing", () => {
    const open = withDialog({ type: "logs", pane: logs }, dialog);
    expect(logPaneOf(open)).toBe(logs);
    expect(coversTable(open)).toBe(true);
    expect(coversTable(withDescription(NO_OVERLAY, pane))).toBe(true);
    expect(coversTable(withDialog(filter, dialog))).toBe(false);
    const another = { title: "other" } as unknown as LogPaneStore;
    expect(withoutLogPane(open, another)).toBe(open);
    expect(withoutLogPane(open, logs)).toEqual({ type: "dialog", dialog, under: NO_OVERLAY });
  });

  it("help opens at its first line and closes; it scrolls within its lines, under a dialog too", () => {
    const help = toggledHelp(NO_OVERLAY);
    expect(help).toEqual({ type: "help", top: 0 });
    expect(toggledHelp(help)).toEqual(NO_OVERLAY);
    expect(scrolledHelp(help, 30, 12)).toEqual({ type: "help", top: 12 });
    expect(scrolledHelp(help, -3, 12)).toBe(help);
    expect(scrolledHelp(filter, 3, 12)).toBe(filter);
    const under = withDialog(help, dialog);
    expect(baseOf(scrolledHelp(under, 2, 12))).toEqual({ type: "help", top: 2 });
  });

  it("a new base keeps the description or dialog over it", () => {
    expect(withBase(filter, { type: "command" })).toEqual({ type: "command" });
    expect(withBase(withDialog(filter, dialog), NO_OVERLAY)).toEqual({
      type: "dialog",
      dialog,
      under: NO_OVERLAY,
    });
  });
});
