// Plays deckhand's part in a real terminal for exec-terminal.test.ts: runs the plugin invocation
// in DECKHAND_TEST_INVOCATION (JSON) through runInteractive, then prints the outcome and the
// terminal settings before and after. Run with `node --import tsx` inside a pty.
import { spawnSync } from "node:child_process";
import { runInteractive } from "../../../source/features/exec/interactive-session.js";
import type { PluginInvocation } from "../../../source/features/exec/plugin-invocation.js";

const stty = () =>
  spawnSync("stty", ["-g"], { stdio: ["inherit", "pipe", "ignore"], encoding: "utf8" }).stdout.trim();

const invocation = JSON.parse(process.env.DECKHAND_TEST_INVOCATION ?? "") as PluginInvocation;
const before = stty();
const outcome = await runInteractive(invocation);
const after = stty();
process.stdout.write(`\nPARENT ${JSON.stringify({ outcome, terminalRestored: before === after })}\n`);
