// `c` and `o` on the row under the cursor (copy-and-open.ts): copy how to refer to it, or open
// its page in the AWS console.
import { topOf } from "../../state/app-state.js";
import type { StoreHost } from "../../state/store-host.js";
import { kindOf } from "../../state/view-rows.js";
import type { KindId } from "../../kinds/types.js";
import { CopyAndOpen, type RowOutputs } from "./copy-and-open.js";

export class CopyOpenIntents {
  /** The flow whose dialog (which reference to copy) gets the keys while it is open. */
  readonly flow: CopyAndOpen;

  constructor(private readonly host: StoreHost) {
    this.flow = new CopyAndOpen(host);
  }

  copy(outputs: RowOutputs): void {
    const row = this.rowUnderCursor();
    if (row) this.flow.copy(row.kind, row.key, outputs);
  }

  open(outputs: RowOutputs): void {
    const row = this.rowUnderCursor();
    if (!row) return;
    const state = this.host.state();
    // The session's region, for what no ARN in scope places (families listed from no cluster).
    const region = state.context.find((item) => item.label === "Region")?.value;
    this.flow.open(row.kind, row.key, topOf(state).scope, outputs, region);
  }

  private rowUnderCursor(): { kind: KindId; key: string } | undefined {
    const view = topOf(this.host.state());
    const row = this.host.cursorRow();
    return row === undefined ? undefined : { kind: view.kind, key: kindOf(view).key(row) };
  }
}
