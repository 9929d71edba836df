// `d` and `=`: the object under the cursor as it was last read, or two task definition revisions
// compared (revision-diff.ts), read first when the gateway has not seen them. Either covers the
// whole screen until closed; meanwhile nothing under it polls.
import { resourceName } from "../../core/arn.js";
import type { EcsGateway } from "../../aws/ecs-gateway.js";
import { describeFailure } from "../../aws/failure.js";
import { topOf, viewKey } from "../../state/app-state.js";
import { marksOf } from "../../state/marks.js";
import { withDescription, withoutDescription } from "../../state/overlay.js";
import type { StoreHost } from "../../state/store-host.js";
import { entryOf, kindOf, rowAtCursor } from "../../state/view-rows.js";
import { DescribePane, PaneText, type DescribeOutputs } from "./describe-pane.js";
import { diffPair, diffText, diffTitle } from "./revision-diff.js";

export class DescribeIntents {
  constructor(
    private readonly host: StoreHost,
    private readonly gateway: () => EcsGateway | undefined,
  ) {}

  /** `d`: the object the row under the cursor was built from, as it was when it was last read. */
  describe(outputs: DescribeOutputs): void {
    const view = topOf(this.host.state());
    const kind = kindOf(view);
    const row = this.host.cursorRow();
    if (row === undefined) return;
    const value = kind.describe(row);
    if (!value) {
      const why = kind.isPlaceholder?.(row) ? "not described yet, try again in a moment" : "AWS has none";
      return this.host.flash(`nothing to describe on this row: ${why}`);
    }
    this.show(`${kind.id}/${resourceName(kind.key(row))}`, value, outputs);
  }

  /** `=`: the two revisions the cursor or the marks pick, once both are read. */
  diff(outputs: DescribeOutputs): void {
    const state = this.host.state();
    const view = topOf(state);
    const pair = diffPair({
      kind: view.kind,
      rows: entryOf(state, view)?.rows ?? [],
      row: rowAtCursor(state),
      marked: marksOf(state.marks, view),
    });
    if (!pair.ok) return this.host.flash(pair.message);
    const gateway = this.gateway();
    if (!gateway) return this.host.flash("not connected", "error");
    const title = diffTitle(pair.before, pair.after);
    const known = [pair.before, pair.after].every((ref) => gateway.knownTaskDefinition(ref));
    if (!known) this.host.flash(`reading ${title}…`);
    const from = viewKey(view);
    void Promise.all([
      gateway.describeTaskDefinition(pair.before),
      gateway.describeTaskDefinition(pair.after),
    ]).then(([before, after]) => {
      // The user went elsewhere meanwhile (or switched accounts): the diff is no longer wanted.
      const now = this.host.state();
      if (gateway !== this.gateway() || viewKey(topOf(now)) !== from) return;
      if (["describe", "logs", "dialog"].includes(now.overlay.type)) return;
      if (!before.ok) return this.host.flash(describeFailure(before.failure), "error");
      if (!after.ok) return this.host.flash(describeFailure(after.failure), "error");
      if (now.flash?.text === `reading ${title}…`) this.host.set({ flash: undefined });
      this.show(title, diffText(before.value, after.value, pair, outputs.lines), outputs);
    });
  }

  private show(title: string, value: object | PaneText, outputs: DescribeOutputs): void {
    const pane = new DescribePane(title, value, outputs, () => {
      this.host.set({ overlay: withoutDescription(this.host.state().overlay) });
      this.host.requestRefresh();
    });
    this.host.pausePolling();
    this.host.set({ overlay: withDescription(this.host.state().overlay, pane) });
  }
}
