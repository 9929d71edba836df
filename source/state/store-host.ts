// What a feature's intents (features/*/…-intents.ts, open-log-pane.ts) ask of the store: the
// state, ways to change it, and the flash line.
import type { DialogView, FlashLevel } from "../features/dialogs/action-dialog.js";
import type { AppState, StatePatch, Step } from "./app-state.js";

export interface StoreHost {
  state(): AppState;
  set(patch: StatePatch): void;
  /** A reducer's step: its patch, then its flash line, then a refresh of the view on top. */
  apply(step: Step): void;
  now(): number;
  flash(text: string, level?: FlashLevel): void;
  /** Shows a flow's dialog, or closes it (undefined); under a description it waits (overlay.ts). */
  showDialog(dialog: DialogView | undefined): void;
  /** Loads the view on top soon, without waiting for it; forced like ctrl-r. */
  requestRefresh(forced?: boolean): void;
  /** No polling until the next refresh: something covers the table. */
  pausePolling(): void;
  /** The row under the cursor of the view on top; undefined after saying why there is none. */
  cursorRow(): unknown;
  /** Whether an account is attached (else "not connected"). */
  attached(): boolean;
}
