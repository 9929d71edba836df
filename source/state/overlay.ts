// What covers the table or takes the keys, as one value. The overlay's type is what has the keys:
// a prompt, help or the log pane (a "base"); a description, which covers the whole screen; or a
// dialog, drawn above the base it opened over, which comes back when the dialog closes. A dialog
// that opens while a description is up (an action or exec check that ends late) waits in it, and
// shows once the description closes.
import type { DialogView } from "../features/dialogs/action-dialog.js";
import type { DescribePane } from "../features/describe/describe-pane.js";
import type { LogPaneStore } from "../features/logs/log-pane-store.js";

export type BaseOverlay =
  | { type: "none" }
  | { type: "filter"; draft: string; cursor: number }
  | { type: "help"; top: number }
  | { type: "command" }
  | { type: "logs"; pane: LogPaneStore };

export type Overlay =
  | BaseOverlay
  | { type: "describe"; pane: DescribePane; under: BaseOverlay; waiting?: DialogView }
  | { type: "dialog"; dialog: DialogView; under: BaseOverlay };

export const NO_OVERLAY: BaseOverlay = { type: "none" };

/** The prompt, help or log pane under a description or dialog (the overlay itself when none is up). */
export function baseOf(overlay: Overlay): BaseOverlay {
  return overlay.type === "describe" || overlay.type === "dialog" ? overlay.under : overlay;
}

/** The same description or dialog, over another base. */
export function withBase(overlay: Overlay, base: BaseOverlay): Overlay {
  return overlay.type === "describe" || overlay.type === "dialog" ? { ...overlay, under: base } : base;
}

/** The dialog a flow shows (undefined: it closed); under a description it waits. */
export function withDialog(overlay: Overlay, dialog: DialogView | undefined): Overlay {
  if (overlay.type === "describe") {
    const { waiting: _, ...rest } = overlay;
    return dialog ? { ...rest, waiting: dialog } : rest;
  }
  if (overlay.type === "dialog") return dialog ? { ...overlay, dialog } : overlay.under;
  return dialog ? { type: "dialog", dialog, under: overlay } : overlay;
}

/** The open dialog, on screen or waiting for a description to close. */
export function dialogOf(overlay: Overlay): DialogView | undefined {
  return overlay.type === "dialog"
    ? overlay.dialog
    : overlay.type === "describe"
      ? overlay.waiting
      : undefined;
}

export function withDescription(overlay: Overlay, pane: DescribePane): Overlay {
  if (overlay.type === "describe") return { ...overlay, pane };
  if (overlay.type === "dialog")
    return { type: "describe", pane, under: overlay.under, waiting: overlay.dialog };
  return { type: "describe", pane, under: overlay };
}

/** The description closed: what it covered, and the dialog that waited for it, if any. */
export function withoutDescription(overlay: Overlay): Overlay {
  if (overlay.type !== "describe") return overlay;
  return overlay.waiting ? { type: "dialog", dialog: overlay.waiting, under: overlay.under } : overlay.under;
}

export function describeOf(overlay: Overlay): DescribePane | undefined {
  return overlay.type === "describe" ? overlay.pane : undefined;
}

export function logPaneOf(overlay: Overlay): LogPaneStore | undefined {
  const base = baseOf(overlay);
  return base.type === "logs" ? base.pane : undefined;
}

/** The log pane `pane` closed (nothing changes if another one is open). */
export function withoutLogPane(overlay: Overlay, pane: LogPaneStore): Overlay {
  return logPaneOf(overlay) === pane ? withBase(overlay, NO_OVERLAY) : overlay;
}

/** `?`: help opens at its first line, or closes. */
export function toggledHelp(overlay: Overlay): Overlay {
  return withBase(overlay, baseOf(overlay).type === "help" ? NO_OVERLAY : { type: "help", top: 0 });
}

/** Help scrolled to `top`, kept within 0…`last`; the same overlay when that changes nothing. */
export function scrolledHelp(overlay: Overlay, top: number, last: number): Overlay {
  const base = baseOf(overlay);
  const helpTop = Math.max(0, Math.min(top, last));
  if (base.type !== "help" || base.top === helpTop) return overlay;
  return withBase(overlay, { type: "help", top: helpTop });
}

/** The table is out of sight (a description or the log pane): only what covers it refreshes. */
export function coversTable(overlay: Overlay): boolean {
  return overlay.type === "describe" || baseOf(overlay).type === "logs";
}
