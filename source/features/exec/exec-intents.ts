// `s`, `x` and `F` (exec-flow.ts), `P` and ctrl-k, bound to the session's exec services. The PF
// column and the portforwards view follow the forwards as they open and end. Nothing here changes
// an AWS resource, so read-only mode does not refuse it.
import { portForwardKind } from "../../kinds/port-forward.js";
import { topOf } from "../../state/app-state.js";
import type { PortForward } from "./port-forwards.js";
import { pushed } from "../../state/nav-stack.js";
import type { StoreHost } from "../../state/store-host.js";
import { kindOf, rowAtCursor } from "../../state/view-rows.js";
import { ExecFlow, type ExecMode } from "./exec-flow.js";
import type { ExecServices } from "./exec-services.js";

export class ExecIntents {
  private exec: { flow: ExecFlow; services: ExecServices; unsubscribe: () => void } | undefined;

  constructor(private readonly host: StoreHost) {}

  /** The account's exec services (none: the keys say exec is not available). */
  attach(services: ExecServices | undefined): void {
    this.detach();
    this.exec = services && this.bind(services);
  }

  detach(): void {
    this.exec?.unsubscribe();
  }

  /** The flow whose dialog gets the keys while it is open. */
  get flow(): ExecFlow | undefined {
    return this.exec?.flow;
  }

  /** The session's port forwards, for the views that show them; undefined when it cannot open any. */
  forwards(): (() => readonly PortForward[]) | undefined {
    return this.exec && (() => this.exec!.services.forwards.list());
  }

  start(mode: ExecMode): void {
    const exec = this.exec;
    if (!exec) {
      const why = this.host.attached() ? "ECS Exec is not available in this session" : "not connected";
      return this.host.flash(why, "error");
    }
    const state = this.host.state();
    const view = topOf(state);
    const refused = exec.flow.start(mode, view.kind, rowAtCursor(state), view.scope);
    if (refused) this.host.flash(refused, "warn");
  }

  /** `P`: the port forwards view, on top of the view it was opened from. */
  openPortForwards(): void {
    const state = this.host.state();
    if (topOf(state).kind === portForwardKind.id) return;
    this.host.apply(pushed(state, { kind: portForwardKind.id, scope: {} }));
  }

  /** ctrl-k in the port forwards view: stops the forward under the cursor. */
  stopForward(): void {
    const state = this.host.state();
    const row = rowAtCursor(state);
    const forward = row === undefined ? undefined : kindOf(topOf(state)).forward?.(row);
    if (!forward || !this.exec) return;
    void this.exec.flow.stopForward(forward);
  }

  private bind(services: ExecServices): NonNullable<ExecIntents["exec"]> {
    const flow = new ExecFlow(services, this.host);
    const stopRefreshing = services.forwards.subscribe(() => {
      if (kindOf(topOf(this.host.state())).showsForwards) this.host.requestRefresh();
    });
    const stopWatching = flow.watchForwards();
    return {
      services,
      flow,
      unsubscribe: () => {
        stopRefreshing();
        stopWatching();
      },
    };
  }
}
