// What a user gets from `npm pack`, tried as a user would: packs this checkout (prepack builds
// dist/ from nothing), checks what the tarball holds, installs it into an empty prefix with no
// registry, and runs the installed `deckhand` on each Node given: --version, --help, completion,
// and --demo in a pseudo-terminal until the cluster table shows. `npx` of the tarball starts the
// demo too, and an unsupported Node gets one line. Any step that fails stops with what it saw.
//
// node --import tsx scripts/ci/package-smoke.ts [--node PATH]... [--unsupported-node PATH]
//   --node              a node binary to run the installed package with (default: this one)
//   --unsupported-node  a node older than "engines" allows: it must refuse in one line
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { openPtyTerminal } from "../../test/helpers/pty-terminal.js";

/** The most an install may take on disk (the issue's budget). */
const MAX_INSTALLED_BYTES = 20 * 1024 * 1024;
const DEMO_DEADLINE_MS = 30_000;
const EXIT_DEADLINE_MS = 10_000;

/** Every path the tarball may hold; anything else is something no user runs. */
const REQUIRED = [
  "package.json",
  "README.md",
  "LICENSE",
  "bin/deckhand.js",
  "dist/cli.js",
  "dist/sim-session-plugin.js",
  "dist/third-party-licenses.txt",
];
const ALLOWED = /^dist\/chunks\/[\w-]+\.js$/;
const INSTALL_SCRIPTS = ["preinstall", "install", "postinstall", "prepare"];

const repo = join(import.meta.dirname, "../..");
const { values } = parseArgs({
  options: {
    node: { type: "string", multiple: true },
    "unsupported-node": { type: "string" },
  },
});
const nodes = values.node?.length ? values.node : [process.execPath];
const work = mkdtempSync(join(tmpdir(), "deckhand-package-"));
const figures: string[] = [];

class SmokeFailure extends Error {}

function fail(message: string): never {
  throw new SmokeFailure(message);
}

function step(title: string): void {
  process.stdout.write(`\n-- ${title}\n`);
}

function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(command, args, {
    cwd: options.cwd ?? work,
    env: options.env ?? process.env,
    encoding: "utf8",
    timeout: 300_000,
  });
  if (result.error) fail(`${command} ${args.join(" ")} could not run: ${result.error.message}`);
  return result;
}

function explain(result: SpawnSyncReturns<string>): string {
  return `exit code ${result.status}, signal ${result.signal ?? "none"}\n--- stdout ---\n${result.stdout}--- stderr ---\n${result.stderr}`;
}

/** The environment of a user with nothing but this node and the installed package on PATH. */
function userEnv(nodeBinary: string, prefix: string, home: string): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const key of Object.keys(process.env)) env[key] = undefined;
  return {
    ...env,
    PATH: [dirname(nodeBinary), join(prefix, "bin"), "/usr/local/bin", "/usr/bin", "/bin"].join(":"),
    HOME: home,
    XDG_CONFIG_HOME: join(home, ".config"),
    XDG_STATE_HOME: join(home, ".local/state"),
    TERM: "xterm-256color",
    LANG: process.env.LANG ?? "C.UTF-8",
    // The installed copy must not find this checkout's node_modules.
    NODE_PATH: undefined,
    NODE_OPTIONS: undefined,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: undefined,
  };
}

function definedOnly(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined));
}

function directorySize(path: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(path, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) {
      bytes += statSync(join(entry.parentPath, entry.name)).size;
      files += 1;
    }
  }
  return { bytes, files };
}

/** Every package.json of an installed package under a node_modules tree. */
function installedPackages(nodeModules: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(nodeModules, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
    const dirs = entry.name.startsWith("@")
      ? readdirSync(join(nodeModules, entry.name)).map((name) => join(entry.name, name))
      : [entry.name];
    for (const dir of dirs) {
      found.push(dir);
      const nested = join(nodeModules, dir, "node_modules");
      try {
        found.push(...installedPackages(nested).map((name) => `${dir} > ${name}`));
      } catch {
        // no nested node_modules
      }
    }
  }
  return found;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

async function driveDemo(
  what: string,
  command: string,
  args: string[],
  env: Record<string, string | undefined>,
) {
  const home = env.HOME!;
  const { term, child, screen } = openPtyTerminal(command, args, { cols: 120, rows: 32, cwd: home, env });
  let exit: { exitCode: number; signal?: number } | undefined;
  const exited = new Promise<void>((resolve) =>
    child.onExit((result) => {
      exit = result;
      resolve();
    }),
  );
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const shown = () => `--- screen ---\n${screen()}\n--- end of screen ---`;
  try {
    const started = Date.now();
    const table = () =>
      /clusters\[\d+\]/.test(screen()) && /\bprod\b/.test(screen()) && /batch-ec2/.test(screen());
    while (!table()) {
      if (exit) fail(`${what} exited (code ${exit.exitCode}) before the cluster table showed\n${shown()}`);
      if (Date.now() - started > DEMO_DEADLINE_MS)
        fail(`${what} did not show the cluster table within ${DEMO_DEADLINE_MS / 1000} s\n${shown()}`);
      await sleep(50);
    }
    const firstTable = Date.now() - started;
    child.write("q");
    const deadline = sleep(EXIT_DEADLINE_MS).then(() => "timeout" as const);
    if ((await Promise.race([exited, deadline])) === "timeout")
      fail(`${what} did not exit within ${EXIT_DEADLINE_MS / 1000} s of q\n${shown()}`);
    if (exit!.exitCode !== 0) fail(`${what} exited with code ${exit!.exitCode} after q\n${shown()}`);
    return firstTable;
  } finally {
    if (!exit) child.kill("SIGKILL");
    await Promise.race([exited, sleep(2_000)]);
    term.dispose();
  }
}

async function main(): Promise<void> {
  step("npm pack on a checkout without dist/ (prepack must build it)");
  rmSync(join(repo, "dist"), { recursive: true, force: true });
  const packed = run("npm", ["pack", "--json", "--pack-destination", work], { cwd: repo });
  if (packed.status !== 0) fail(`npm pack failed\n${explain(packed)}`);
  const [pack] = JSON.parse(packed.stdout) as [
    { filename: string; size: number; unpackedSize: number; files: { path: string }[] },
  ];
  const tarball = join(work, pack.filename);
  const paths = pack.files.map((file) => file.path);
  const missing = REQUIRED.filter((path) => !paths.includes(path));
  if (missing.length)
    fail(`the tarball lacks ${missing.join(", ")}: check "files" in package.json and the build`);
  const extra = paths.filter((path) => !REQUIRED.includes(path) && !ALLOWED.test(path));
  if (extra.length)
    fail(`the tarball holds what no user runs: ${extra.join(", ")}: tighten "files" in package.json`);
  if (!paths.some((path) => ALLOWED.test(path)))
    fail("the tarball has no dist/chunks/: the build is not split");
  figures.push(
    `tarball ${pack.filename}: ${mb(pack.size)} packed, ${mb(pack.unpackedSize)} unpacked, ${paths.length} files`,
  );
  console.log(figures.at(-1));

  step("what the tarball says about itself");
  const extracted = join(work, "extracted");
  mkdirSync(extracted);
  const untar = run("tar", ["-xzf", tarball, "-C", extracted]);
  if (untar.status !== 0) fail(`tar could not extract ${tarball}\n${explain(untar)}`);
  const manifest = JSON.parse(readFileSync(join(extracted, "package/package.json"), "utf8")) as {
    version: string;
    dependencies?: Record<string, string>;
    optionalDependencies?: Record<string, string>;
    scripts?: Record<string, string>;
  };
  const scripts = INSTALL_SCRIPTS.filter((name) => manifest.scripts?.[name]);
  if (scripts.length)
    fail(`package.json has install scripts (${scripts.join(", ")}): an install must run none`);
  const license = readFileSync(join(extracted, "package/LICENSE"), "utf8");
  if (!/^MIT License/.test(license) || !license.includes("Permission is hereby granted"))
    fail('LICENSE is not the MIT license text that package.json\'s "license" names');
  const runtime = Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies });
  console.log(`runtime dependencies: ${runtime.length ? runtime.join(", ") : "none"}; no install scripts`);

  const prefix = join(work, "prefix");
  step(`npm install -g ${pack.filename} into an empty prefix, offline`);
  const installStarted = Date.now();
  const installed = run("npm", [
    "install",
    "--global",
    "--prefix",
    prefix,
    "--offline",
    "--no-audit",
    "--no-fund",
    "--cache",
    join(work, "npm-cache"),
    tarball,
  ]);
  const installMs = Date.now() - installStarted;
  if (installed.status !== 0) fail(`npm install -g of the tarball failed\n${explain(installed)}`);
  const nodeModules = join(prefix, "lib/node_modules");
  const packages = installedPackages(nodeModules);
  const size = directorySize(nodeModules);
  figures.push(
    `install: ${installMs} ms, ${packages.length} package(s) (${packages.join(", ")}), ${mb(size.bytes)} in ${size.files} files`,
  );
  console.log(figures.at(-1));
  if (size.bytes > MAX_INSTALLED_BYTES)
    fail(`the install takes ${mb(size.bytes)}, over ${mb(MAX_INSTALLED_BYTES)}`);
  if (packages.length !== 1 || packages[0] !== "deckhand")
    fail(`the install pulled more than deckhand: ${packages.join(", ")}`);

  for (const node of nodes) {
    const home = mkdtempSync(join(work, "home-"));
    const env = userEnv(node, prefix, home);
    const version = run(node, ["--version"]).stdout.trim();
    step(`installed deckhand on Node ${version}`);
    const printed = run("deckhand", ["--version"], { cwd: home, env: definedOnly(env) });
    if (printed.status !== 0 || printed.stdout.trim() !== manifest.version)
      fail(`deckhand --version should print ${manifest.version}\n${explain(printed)}`);
    const help = run("deckhand", ["--help"], { cwd: home, env: definedOnly(env) });
    if (help.status !== 0 || !help.stdout.includes("--demo"))
      fail(`deckhand --help failed\n${explain(help)}`);
    const completion = run("deckhand", ["completion", "bash"], { cwd: home, env: definedOnly(env) });
    if (completion.status !== 0 || !completion.stdout.includes("complete -F _deckhand deckhand"))
      fail(`deckhand completion bash failed\n${explain(completion)}`);
    const ms = await driveDemo(
      `deckhand --demo on Node ${version}`,
      join(prefix, "bin/deckhand"),
      ["--demo"],
      env,
    );
    figures.push(
      `Node ${version}: --version, --help, completion ok; --demo showed the cluster table in ${ms} ms`,
    );
    console.log(figures.at(-1));
  }

  step("npx --package <tarball> deckhand --demo");
  const home = mkdtempSync(join(work, "home-"));
  const npxEnv: Record<string, string | undefined> = {
    ...userEnv(nodes[0]!, join(work, "no-prefix"), home),
    npm_config_cache: join(work, "npx-cache"),
  };
  // npx itself comes from the npm running this script; the package runs on the node first on PATH.
  npxEnv.PATH = `${dirname(nodes[0]!)}:${dirname(process.execPath)}:${npxEnv.PATH}`;
  const npx = spawnSync("sh", ["-c", "command -v npx"], { encoding: "utf8" }).stdout.trim();
  if (!npx) fail("npx is not on PATH");
  const ms = await driveDemo(
    "npx deckhand --demo",
    npx,
    ["--yes", "--offline", "--package", tarball, "deckhand", "--demo"],
    npxEnv,
  );
  figures.push(`npx --package ${pack.filename} deckhand --demo: cluster table in ${ms} ms`);
  console.log(figures.at(-1));

  const old = values["unsupported-node"];
  if (old) {
    const version = run(old, ["--version"]).stdout.trim();
    step(`installed deckhand on Node ${version}, which "engines" does not allow`);
    const env = definedOnly(userEnv(old, prefix, home));
    const refused = run("deckhand", ["--version"], { cwd: home, env });
    const lines = refused.stderr.trim().split("\n");
    if (
      refused.status !== 1 ||
      lines.length !== 1 ||
      !/needs Node\.js \d+ or newer/.test(lines[0]!) ||
      refused.stdout
    )
      fail(
        `deckhand on Node ${version} should exit 1 with one line naming the supported versions\n${explain(refused)}`,
      );
    figures.push(`Node ${version}: refused in one line: ${lines[0]}`);
    console.log(figures.at(-1));
  }
}

try {
  await main();
  process.stdout.write(`\npackage smoke test passed\n${figures.map((line) => `  ${line}`).join("\n")}\n`);
  rmSync(work, { recursive: true, force: true });
} catch (error) {
  process.stderr.write(
    `\npackage smoke test FAILED: ${error instanceof SmokeFailure ? error.message : (error as Error).stack}\n` +
      `(its files are kept in ${work})\n`,
  );
  process.exit(1);
}
