// The licenses of the packages esbuild copied into dist/. They are no longer installed next to
// deckhand (the bundle has them inlined, and legalComments drops their banners), so their license
// texts ship in one file instead: MIT asks for the notice in every copy, Apache-2.0 for the license
// and any NOTICE file.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const LICENSES_FILE = "third-party-licenses.txt";

const LICENSE_NAME = /^(licen[cs]e|copying|notice)(\.(md|txt|markdown))?$/i;

/** The package directories (…/node_modules/name) that the build's inputs came from. */
function packageRoots(metafiles) {
  const roots = new Set();
  for (const metafile of metafiles) {
    for (const input of Object.keys(metafile.inputs)) {
      const path = input.replace(/^[a-z-]+:/, "");
      const at = path.lastIndexOf("node_modules/");
      if (at < 0) continue;
      const rest = path.slice(at + "node_modules/".length).split("/");
      const name = rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
      roots.add(`${path.slice(0, at)}node_modules/${name}`);
    }
  }
  return [...roots];
}

function authorOf(manifest) {
  const { author } = manifest;
  if (!author) return undefined;
  return typeof author === "string"
    ? author
    : [author.name, author.email && `<${author.email}>`].filter(Boolean).join(" ");
}

/** The text of the file: every bundled package, its license, and its license and notice files. */
export function thirdPartyLicenses(metafiles) {
  const packages = packageRoots(metafiles)
    .filter((root) => existsSync(join(root, "package.json")))
    .map((root) => {
      const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
      const files = readdirSync(root)
        .filter((name) => LICENSE_NAME.test(name))
        .sort()
        .map((name) => readFileSync(join(root, name), "utf8").trim());
      return { name: manifest.name, version: manifest.version, manifest, files };
    })
    .sort(
      (a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version, "en", { numeric: true }),
    );
  // Packages whose license files are the same text (the AWS SDK's Apache-2.0, most MIT ones differ by
  // their copyright line) share one copy of it.
  const byText = new Map();
  for (const { name, version, manifest, files } of packages) {
    const license = typeof manifest.license === "string" ? manifest.license : "(no license field)";
    const author = authorOf(manifest);
    const body = files.length
      ? files.join("\n\n")
      : `The package has no license file; its package.json says "${license}"${author ? `, author ${author}` : ""}.`;
    const names = byText.get(body) ?? new Set();
    names.add(`${name}@${version} (${license})`);
    byText.set(body, names);
  }
  const sections = [...byText].map(
    ([body, names]) => `${[...names].join("\n")}\n${"-".repeat(60)}\n${body}\n`,
  );
  if (sections.length === 0) throw new Error("the build's metafile names no package under node_modules");
  return (
    "deckhand bundles the following packages into dist/. Their licenses and notices follow.\n\n" +
    sections.join("\n")
  );
}
