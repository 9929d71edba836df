// `deckhand completion bash|zsh|fish`: the flags of --help with their descriptions, regions and
// profile names as values, and the bash script run for real: sourced into bash, asked what
// completes a partial command line, as readline would ask it.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REGIONS } from "../../../source/aws/regions.js";
import { completionFlags, completionScript, runCompletion, SHELLS } from "../../../source/app/completion.js";
import { FLAGS, parseOptions } from "../../../source/app/options.js";

const has = (command: string) => spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;

/** Runs completion with its output captured. */
async function run(args: string[], profiles: () => Promise<string[]> = async () => ["default"]) {
  let out = "";
  let err = "";
  const code = await runCompletion(args, {
    out: (text) => (out += text),
    err: (text) => (err += text),
    profiles,
  });
  return { code, out, err };
}

describe("the flags completion offers", () => {
  it("are every flag deckhand takes, each described as --help describes it", () => {
    const flags = completionFlags();
    expect(flags.map((flag) => flag.name)).toEqual(Object.keys(FLAGS));
    for (const flag of flags) {
      expect(flag.description, flag.name).toMatch(/^[A-Z]/);
      expect(flag.description, flag.name).not.toMatch(/\(default|^\.\.\./);
    }
    expect(flags.find((flag) => flag.name === "profile")).toMatchObject({ value: "name" });
    expect(flags.find((flag) => flag.name === "help")).toMatchObject({ short: "h" });
    expect(flags.find((flag) => flag.name === "demo")?.value).toBeUndefined();
  });

  it("are all accepted by deckhand, with a value where they take one", () => {
    for (const flag of completionFlags()) {
      const value =
        flag.name === "region"
          ? "eu-west-1"
          : flag.name === "endpoint-url"
            ? "http://127.0.0.1:4566"
            : "5000";
      const args = [`--${flag.name}`, ...(flag.value ? [value] : [])];
      if (flag.name === "service" || flag.name === "task") args.push("--cluster", "prod");
      expect(parseOptions(args).command, args.join(" ")).not.toBe("error");
    }
  });
});

describe("the scripts", () => {
  it.each(SHELLS)("for %s name every flag and every region", (shell) => {
    const script = completionScript(shell);
    for (const flag of completionFlags())
      expect(script).toContain(shell === "fish" ? `-l ${flag.name}` : `--${flag.name}`);
    for (const region of REGIONS) expect(script).toContain(region);
    expect(script).toContain("deckhand completion --profiles");
  });

  it("for zsh can be autoloaded from $fpath or sourced", () => {
    const script = completionScript("zsh");
    expect(script.split("\n")[0]).toBe("#compdef deckhand");
    expect(script).toContain("compdef _deckhand deckhand");
    expect(script).toContain(
      "'--profile=''[AWS profile from ~/.aws/config or ~/.aws/credentials]:name:_deckhand_profiles'",
    );
    expect(script).toContain("'(- *)'{-h,--help}'[Show this help]'");
  });

  it("for fish takes no file names and gives each flag its description", () => {
    const script = completionScript("fish");
    expect(script).toContain("complete -c deckhand -f\n");
    expect(script).toMatch(/-l region -x -a 'us-east-1 .*' -d 'AWS region'/);
    expect(script).toContain("-s h -l help -d 'Show this help'");
  });

  it.runIf(has("zsh"))("for zsh parse", () => {
    const check = spawnSync("zsh", ["-n"], { input: completionScript("zsh"), encoding: "utf8" });
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
  });

  it.runIf(has("fish"))("for fish parse", () => {
    // From a file: fish reading a script from a pipe, under vitest, takes its stdin for a directory.
    const file = join(mkdtempSync(join(tmpdir(), "deckhand-fish-")), "deckhand.fish");
    writeFileSync(file, completionScript("fish"));
    const check = spawnSync("fish", ["--no-execute", file], { encoding: "utf8" });
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
  });
});

describe("deckhand completion", () => {
  it.each(SHELLS)("%s prints the script and exits 0", async (shell) => {
    const { code, out, err } = await run([shell]);
    expect(code).toBe(0);
    expect(out).toBe(completionScript(shell));
    expect(err).toBe("");
  });

  it("exits 2 naming the shells it knows, for one it does not", async () => {
    const { code, out, err } = await run(["nosuchshell"]);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toBe('deckhand: completion knows bash, zsh or fish, not "nosuchshell"\n');
  });

  it("exits 2 without a shell, or with more than one word", async () => {
    expect(await run([])).toMatchObject({ code: 2, err: expect.stringContaining("bash|zsh|fish") });
    expect(await run(["bash", "zsh"])).toMatchObject({ code: 2, err: expect.stringContaining("one shell") });
  });

  it("--profiles prints the profile names, one a line, and nothing when the files cannot be read", async () => {
    expect(await run(["--profiles"], async () => ["default", "prod-admin"])).toEqual({
      code: 0,
      out: "default\nprod-admin\n",
      err: "",
    });
    expect(await run(["--profiles"], () => Promise.reject(new Error("EACCES")))).toEqual({
      code: 0,
      out: "",
      err: "",
    });
  });
});

/** The words readline hands a completion function for this line: "=" is a word of its own. */
function wordsOf(line: string): string[] {
  return line.split(" ").flatMap((word) => {
    const at = word.indexOf("=");
    return at < 0
      ? [word]
      : [word.slice(0, at), "=", word.slice(at + 1)].filter((part, i) => i < 2 || part !== "");
  });
}

const fakeDeckhand = (() => {
  const dir = mkdtempSync(join(tmpdir(), "deckhand-completion-"));
  const path = join(dir, "deckhand");
  writeFileSync(
    path,
    `#!/bin/sh\n[ "$1 $2" = "completion --profiles" ] && printf 'default\\nprod-admin\\nstaging\\n'\n`,
  );
  chmodSync(path, 0o755);
  return dir;
})();

/** What bash's completion, with the script sourced, offers for `line` (the cursor at its end). */
function bashCompletes(line: string): string[] {
  const words = wordsOf(line);
  const quote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;
  const program = [
    completionScript("bash"),
    `COMP_WORDS=(${words.map(quote).join(" ")})`,
    `COMP_CWORD=${words.length - 1}`,
    `COMP_LINE=${quote(line)}`,
    `COMP_POINT=${line.length}`,
    "_deckhand",
    `printf '%s\\n' "\${COMPREPLY[@]}"`,
  ].join("\n");
  const result = spawnSync("bash", ["--norc", "--noprofile", "-c", program], {
    encoding: "utf8",
    env: { PATH: `${fakeDeckhand}:${process.env.PATH}`, HOME: fakeDeckhand },
  });
  expect(result.stderr).toBe("");
  return result.stdout.split("\n").filter(Boolean);
}

const ALL_FLAGS = Object.keys(FLAGS).map((name) => `--${name}`);

describe.runIf(has("bash"))("the bash script, sourced into bash", () => {
  it("completes a partial flag", () => {
    expect(bashCompletes("deckhand --pro")).toEqual(["--profile"]);
    expect(bashCompletes("deckhand --re")).toEqual(["--region", "--refresh", "--readonly"]);
  });

  it("offers every flag and the completion command on an empty line", () => {
    expect(bashCompletes("deckhand ")).toEqual(["completion", ...ALL_FLAGS]);
  });

  it("does not offer a flag already given, nor the command after a flag", () => {
    expect(bashCompletes("deckhand --demo --readonly ")).toEqual(
      ALL_FLAGS.filter((flag) => flag !== "--demo" && flag !== "--readonly"),
    );
    expect(bashCompletes("deckhand --profile=prod --re")).toEqual(["--region", "--refresh", "--readonly"]);
  });

  it("completes profile names from deckhand completion --profiles, after a space or an =", () => {
    expect(bashCompletes("deckhand --profile ")).toEqual(["default", "prod-admin", "staging"]);
    expect(bashCompletes("deckhand --profile pro")).toEqual(["prod-admin"]);
    expect(bashCompletes("deckhand --profile=st")).toEqual(["staging"]);
    expect(bashCompletes("deckhand --demo --profile=")).toEqual(["default", "prod-admin", "staging"]);
  });

  it("completes region names", () => {
    expect(bashCompletes("deckhand --region eu-west-")).toEqual(["eu-west-1", "eu-west-2", "eu-west-3"]);
    expect(bashCompletes("deckhand --region=ap-southeast-")).toEqual(
      REGIONS.filter((r) => r.startsWith("ap-southeast-")),
    );
  });

  it("offers nothing for a value deckhand cannot know (seconds, a cluster name)", () => {
    expect(bashCompletes("deckhand --refresh ")).toEqual([]);
    expect(bashCompletes("deckhand --cluster ")).toEqual([]);
  });

  it("completes the shells after completion, and nothing after the shell", () => {
    expect(bashCompletes("deckhand completion ")).toEqual(["bash", "zsh", "fish"]);
    expect(bashCompletes("deckhand completion z")).toEqual(["zsh"]);
    expect(bashCompletes("deckhand completion bash ")).toEqual([]);
  });
});
