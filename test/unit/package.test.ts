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

  it("refuses in the launcher the Node versions that engines refuses", () => {
    const engines = /^>=(\d+)$/.exec(manifest.engines.node);
    expect(engines, `engines.node is ">=N"`).not.toBeNull();
    const launcher = /var MINIMUM_NODE_MAJOR = (\d+);/.exec(read("bin/deckhand.js"));
    expect(launcher?.[1]).toBe(engines![1]);
  });
});
