import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runInteractive, watchTask } from "../../../../source/features/exec/interactive-session.js";
import type { PluginInvocation } from "../../../../source/features/exec/plugin-invocation.js";

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "deckhand-interactive-"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function node(script: string): PluginInvocation {
  return { command: process.execPath, args: ["-e", script], env: { ...process.env } };
}

async function waitForFile(path: string): Promise<void> {
  for (let i = 0; i < 200 && !existsSync(path); i++) await new Promise((r) => setTimeout(r, 25));
  if (!existsSync(path)) throw new Error(`${path} never appeared`);
}

describe("runInteractive", () => {
  it("returns the child's exit code", async () => {
    expect(await runInteractive(node("process.exit(3)"))).toEqual({ exitCode: 3, signal: null });
    expect(await runInteractive(node(""))).toEqual({ exitCode: 0, signal: null });
  });

  it("passes the invocation's environment and arguments", async () => {
    const out = join(root, "seen.json");
    const invocation = node(
      `require("fs").writeFileSync(${JSON.stringify(out)}, JSON.stringify({ argv: process.argv.slice(1), v: process.env.DECKHAND_TEST_VALUE }))`,
    );
    invocation.args.push("one", "two");
    invocation.env.DECKHAND_TEST_VALUE = "from-invocation";
    await runInteractive(invocation);
    expect(JSON.parse(await import("node:fs").then((fs) => fs.readFileSync(out, "utf8")))).toEqual({
      argv: ["one", "two"],
      v: "from-invocation",
    });
  });

  it("reports a missing plugin as a value, not a throw", async () => {
    const outcome = await runInteractive({ command: join(root, "no-such-plugin"), args: [], env: {} });
    expect(outcome).toEqual({
      exitCode: null,
      signal: null,
      ended: "failed",
      error: `${join(root, "no-such-plugin")} was not found; install session-manager-plugin or check PATH`,
    });
  });

  it("reports a plugin that is not executable", async () => {
    const path = join(root, "session-manager-plugin");
    writeFileSync(path, "#!/bin/sh\n", { mode: 0o644 });
    const outcome = await runInteractive({ command: path, args: [], env: {} });
    expect(outcome).toMatchObject({ ended: "failed", error: expect.stringContaining("not executable") });
  });

  it("ignores Ctrl-C, Ctrl-\\ and Ctrl-Z while the child runs, then restores deckhand's own handlers", async () => {
    const before = process.listeners("SIGINT");
    const ownHandler = vi.fn();
    process.on("SIGINT", ownHandler);
    try {
      // The terminal signals the whole foreground process group; the child plays the terminal here.
      const outcome = await runInteractive(
        node(
          'process.kill(process.ppid, "SIGINT"); process.kill(process.ppid, "SIGQUIT"); process.kill(process.ppid, "SIGTSTP"); setTimeout(() => process.exit(0), 300)',
        ),
      );
      expect(outcome).toEqual({ exitCode: 0, signal: null });
      expect(ownHandler).not.toHaveBeenCalled();
      expect(process.listeners("SIGINT")).toEqual([...before, ownHandler]);
      expect(process.listeners("SIGQUIT")).toEqual([]);
      expect(process.listeners("SIGTSTP")).toEqual([]);
    } finally {
      process.removeListener("SIGINT", ownHandler);
    }
  });

  it("ends the child with SIGTERM when aborted", async () => {
    const ready = join(root, "ready");
    const controller = new AbortController();
    const running = runInteractive(
      node(`require("fs").writeFileSync(${JSON.stringify(ready)}, ""); setInterval(() => {}, 1000)`),
      { signal: controller.signal },
    );
    await waitForFile(ready);
    controller.abort();
    expect(await running).toEqual({ exitCode: null, signal: "SIGTERM", ended: "aborted" });
  });

  it("kills a child that ignores SIGTERM", async () => {
    const ready = join(root, "ready");
    const controller = new AbortController();
    const running = runInteractive(
      node(
        `process.on("SIGTERM", () => {}); require("fs").writeFileSync(${JSON.stringify(ready)}, ""); setInterval(() => {}, 1000)`,
      ),
      { signal: controller.signal, killAfterMs: 200 },
    );
    await waitForFile(ready);
    controller.abort();
    expect(await running).toEqual({ exitCode: null, signal: "SIGKILL", ended: "aborted" });
  });

  it("does not start when already aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    const outcome = await runInteractive(node("process.exit(5)"), { signal: controller.signal });
    expect(outcome).toEqual({ exitCode: null, signal: null, ended: "aborted" });
  });
});

describe("watchTask", () => {
  it("resolves with the status once the task is no longer RUNNING, retrying failed describes", async () => {
    const answers: Array<string | Error> = ["RUNNING", new Error("throttled"), "RUNNING", "STOPPED"];
    const describe = vi.fn(async () => {
      const next = answers.shift() ?? "STOPPED";
      if (next instanceof Error) throw next;
      return next;
    });
    expect(await watchTask(describe, 5, new AbortController().signal)).toBe("STOPPED");
    expect(describe).toHaveBeenCalledTimes(4);
  });

  it("resolves undefined when aborted, without describing again", async () => {
    const controller = new AbortController();
    const describe = vi.fn(async () => "RUNNING");
    const watching = watchTask(describe, 20, controller.signal);
    await new Promise((r) => setTimeout(r, 70));
    controller.abort();
    expect(await watching).toBeUndefined();
    const calls = describe.mock.calls.length;
    expect(calls).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 60));
    expect(describe).toHaveBeenCalledTimes(calls);
  });
});
