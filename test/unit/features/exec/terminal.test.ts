// An exec shell in a real terminal: the simulated plugin sets the terminal up as the real one does
// (cbreak, no echo), so Ctrl-C, Ctrl-\ and Ctrl-Z make the terminal signal the whole foreground
// process group. The parent (deckhand's runInteractive) must survive them and the shell must get
// them. Needs `npm run build`.
import pty from "@lydell/node-pty";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { pluginInvocation } from "../../../../source/features/exec/plugin-invocation.js";
import { FAKE_PLUGIN, requireBuiltPlugin, simSession } from "../../../helpers/fake-plugin/index.js";

const PARENT = fileURLToPath(new URL("../../../helpers/fake-plugin/interactive-parent.ts", import.meta.url));
const TASK_ID = "0123456789abcdef0123456789abcdef";
const TARGET = `ecs:prod_${TASK_ID}_${TASK_ID}-2531612879`;

beforeAll(requireBuiltPlugin);

function startParent() {
  const invocation = pluginInvocation({
    pluginPath: FAKE_PLUGIN,
    session: simSession("ecs-execute-command-tty", { kind: "exec", target: TARGET, command: "/bin/sh" }),
    region: "us-east-1",
    target: { target: TARGET },
    endpoint: "https://ssm.us-east-1.amazonaws.com",
    credentials: { accessKeyId: "DEMO", secretAccessKey: "demo" },
    parentEnv: { PATH: process.env.PATH },
  });
  const terminal = pty.spawn(process.execPath, ["--import", "tsx", PARENT], {
    cols: 100,
    rows: 30,
    env: { ...process.env, DECKHAND_TEST_INVOCATION: JSON.stringify(invocation) },
  });
  let output = "";
  terminal.onData((data) => (output += data));
  const exited = new Promise<number>((resolve) => terminal.onExit(({ exitCode }) => resolve(exitCode)));
  const waitFor = async (text: string, after = 0) => {
    const deadline = Date.now() + 10_000;
    while (output.indexOf(text, after) < 0) {
      if (Date.now() > deadline) throw new Error(`no ${JSON.stringify(text)} in ${JSON.stringify(output)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return output.indexOf(text, after) + text.length;
  };
  return { terminal, exited, waitFor, output: () => output };
}

describe("an exec shell in a real terminal", () => {
  it("gets Ctrl-C, Ctrl-\\ and Ctrl-Z while deckhand survives them, and the terminal is restored", async () => {
    const { terminal, exited, waitFor, output } = startParent();
    let at = await waitFor("# ");
    terminal.write("whoami\r");
    at = await waitFor("root\r\n# ", at);
    terminal.write("echo half");
    await waitFor("echo half", at);
    terminal.write("\u0003");
    at = await waitFor("^C\r\n# ", at);
    terminal.write("\u001c");
    terminal.write("\u001a");
    terminal.write("hostname\r");
    at = await waitFor(`${TASK_ID}\r\n# `, at);
    terminal.write("exit\r");
    await waitFor("Exiting session with sessionId: ecs-execute-command-tty.", at);
    expect(await exited).toBe(0);
    const parent = /PARENT (\{.*\})/.exec(output());
    expect(parent?.[1] && JSON.parse(parent[1])).toEqual({
      outcome: { exitCode: 0, signal: null },
      terminalRestored: true,
    });
    // The terminal did not echo what was typed: the shell did, once.
    expect(output().match(/whoami/g)).toHaveLength(1);
  });
});
