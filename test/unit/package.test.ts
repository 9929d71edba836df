// What package.json promises a user who installs the tarball: the bundle builds itself before
// packing, nothing is installed next to it, no install script runs, the launcher refuses the Nodes
// "engines" refuses, and the license it names is the one that ships.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const manifest = JSON.parse(read("package.json")) as {
  license: string;
  engines: { node: string };
  files: string[];
  bin: Record<string, string>;
  scripts: Record<string, string>;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  "//": string[];
};

describe("package.json", () => {
  it("builds dist/ before npm pack and npm publish", () => {
    expect(manifest.scripts.prepack).toBe("npm run build");
    expect(manifest.files).toEqual(["bin/deckhand.js", "dist/"]);
    expect(manifest.bin).toEqual({ deckhand: "bin/deckhand.js" });
  });

  it("runs no script when installed", () => {
    for (const name of ["preinstall", "install", "postinstall", "prepare"]) {
      expect(manifest.scripts[name], name).toBeUndefined();
    }
  });

  it("says why each runtime dependency stays (the bundle inlines the rest)", () => {
    const runtime = Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies });
    const notes = manifest["//"].join("\n");
    for (const name of runtime) expect(notes, `why ${name} is a runtime dependency`).toContain(name);
    expect(notes).toMatch(/bundles/);
  });

  it("ships the MIT license it names", () => {
    expect(manifest.license).toBe("MIT");
    const license = read("LICENSE");
    expect(license).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /);
    expect(license).toContain('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND');
  });

  it("names in the launcher's refusal the Node versions CI tests", () => {
    const ci = read(".ci/run");
    const tested = [20, ...[...ci.matchAll(/^NODE(2\d)=(\d+)\./gm)].map((match) => Number(match[2]))];
    expect(tested).toEqual([20, 22, 24]);
    expect(read("bin/deckhand.js")).toContain(
      `(tested on ${tested.slice(0, -1).join(", ")} and ${tested.at(-1)})`,
    );
  });

  it("refuses in the launcher the Node versions that engines refuses", () => {
    const engines = /^>=(\d+)$/.exec(manifest.engines.node);
    expect(engines, `engines.node is ">=N"`).not.toBeNull();
    const launcher = /var MINIMUM_NODE_MAJOR = (\d+);/.exec(read("bin/deckhand.js"));
    expect(launcher?.[1]).toBe(engines![1]);
  });
});

describe("README", () => {
  const readme = read("README.md");

  it("says how to install, upgrade and uninstall, and which Node versions are supported", () => {
    expect(readme).toContain("npm install -g deckhand");
    expect(readme).toContain("npm install -g ./deckhand-");
    expect(readme).toContain("npm install -g deckhand@latest");
    expect(readme).toContain("npm uninstall -g deckhand");
    expect(readme).toMatch(
      /\*\*Node\.js\*\*: 22 or 24 .*or 20, which is past its end\s+of life but still supported/s,
    );
  });

  it("names the exact moto that .ci/run checks", () => {
    const pinned = /^MOTO_VERSION=(\S+)$/m.exec(read(".ci/run"))?.[1];
    expect(pinned).toBeDefined();
    expect(readme).toContain(`moto[server]==${pinned}`);
  });

  it("shows how to install shell completion for each shell", () => {
    for (const shell of ["bash", "zsh", "fish"]) expect(readme).toContain(`deckhand completion ${shell}`);
  });
});
