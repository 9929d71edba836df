// The launcher checks the Node version before it loads the bundle, which an old Node cannot parse:
// one line naming the versions deckhand runs on, exit code 1, no stack trace. (CI runs the
// installed package on a real Node 18 as well: scripts/ci/package-smoke.ts.)
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const BIN = new URL("../../bin/deckhand.js", import.meta.url).pathname;

/** Runs the launcher on this Node made to say it is another version. */
function runAs(version: string, args: string[]) {
  const pretend =
    `Object.defineProperty(process, "version", { value: "v${version}" });` +
    `Object.defineProperty(process, "versions", { value: { ...process.versions, node: "${version}" } });`;
  return spawnSync(
    process.execPath,
    ["--import", `data:text/javascript,${encodeURIComponent(pretend)}`, BIN, ...args],
    { encoding: "utf8" },
  );
}

describe("the launcher on an unsupported Node", () => {
  it.each(["18.20.8", "16.20.2", "19.9.0"])("refuses Node %s in one line", (version) => {
    const run = runAs(version, ["--demo"]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      `deckhand: needs Node.js 20 or newer (tested on 20, 22 and 24); this is Node.js v${version}\n`,
    );
  });

  it("starts on the oldest supported major", () => {
    const run = runAs("20.0.0", ["--version"]);
    expect(run.stderr).toBe("");
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(run.status).toBe(0);
  });
});
