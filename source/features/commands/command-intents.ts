// `:`: the command line opens over the table, and a command run (commands.ts) has its effect on
// the store: open a view, help, quit, switch account, or a line in the flash.
import type { AccountIntents } from "../accounts/account-intents.js";
import { topOf } from "../../state/app-state.js";
import { marksOn } from "../../state/marks.js";
import { NO_OVERLAY, withBase } from "../../state/overlay.js";
import type { StoreHost } from "../../state/store-host.js";
import { commandLineKey, openCommandLine, remember } from "./command-mode.js";
import { runCommand, stackFor } from "./commands.js";

export class CommandIntents {
  constructor(
    private readonly host: StoreHost,
    private readonly accounts: AccountIntents,
  ) {}

  open(): void {
    const state = this.host.state();
    this.host.set({
      overlay: withBase(state.overlay, { type: "command" }),
      commandLine: openCommandLine(state.commandLine),
    });
  }

  /** A key on the command line; says "quit" when the command run asks for it. */
  key(key: string, input: string): "quit" | undefined {
    const state = this.host.state();
    const { line, done } = commandLineKey(state.commandLine, key, input);
    if (!done) return void this.host.set({ commandLine: line });
    this.host.set({ overlay: withBase(state.overlay, NO_OVERLAY), commandLine: openCommandLine(line) });
    return done.run === undefined ? undefined : this.run(done.run);
  }

  run(text: string): "quit" | undefined {
    const { host } = this;
    const effect = runCommand(text, topOf(host.state()));
    // Like k9s, the history keeps the commands that did something, not typos or refusals.
    if (effect.known && effect.type !== "flash") {
      host.set({ commandLine: remember(host.state().commandLine, text) });
    }
    const state = host.state();
    switch (effect.type) {
      case "quit":
        return "quit";
      case "help":
        return void host.set({ overlay: withBase(state.overlay, { type: "help", top: 0 }) });
      case "flash":
        return void host.flash(effect.text, effect.level);
      case "switch":
        return void this.accounts.start(effect.what, effect.value);
      case "open": {
        const stack = stackFor(effect.kind, effect.scope, state.stack);
        host.apply({ patch: { stack, marks: marksOn(state.marks, stack) }, refresh: true });
      }
    }
  }
}
