// Bundles source/cli.tsx into dist/ as ESM. Ink and yoga use top-level await, so ESM is required;
// code splitting lets the AWS SDK and the simulator load after the first frame is on screen.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { LICENSES_FILE, thirdPartyLicenses } from "./third-party-licenses.mjs";

// npm pack runs this (prepack): on a clone without `npm ci`, say so rather than ERR_MODULE_NOT_FOUND.
const { build } = await import("esbuild").catch((error) => {
  if (error.code !== "ERR_MODULE_NOT_FOUND") throw error;
  process.stderr.write(
    "build: esbuild is not installed: run `npm ci` first (npm pack builds dist/ with it)\n",
  );
  process.exit(1);
});

const { version } = JSON.parse(readFileSync("package.json", "utf8"));

// Ink only loads react-devtools-core when DEV=true; the bundle gets an empty module in its place.
const withoutDevtools = {
  name: "without-devtools",
  setup(build) {
    build.onResolve({ filter: /^react-devtools-core$/ }, () => ({
      path: "react-devtools-core",
      namespace: "empty",
    }));
    build.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "export default {};" }));
  },
};

// yoga-layout decodes its embedded WASM with fetch() on a data: URL when fetch exists, which loads
// Node's whole fetch implementation at start-up (~40 ms here); its own atob fallback is much cheaper.
const yogaWithoutFetch = {
  name: "yoga-without-fetch",
  setup(build) {
    build.onLoad({ filter: /yoga-layout[\\/]dist[\\/]binaries[\\/].*\.js$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      const patched = source.replaceAll('"function"!=typeof fetch', "true");
      if (patched === source)
        throw new Error("yoga-layout changed: the fetch() check to patch was not found");
      return { contents: patched, loader: "js" };
    });
  },
};

rmSync("dist", { recursive: true, force: true });
const app = build({
  entryPoints: { cli: "source/app/cli.ts" },
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  minify: process.env.DECKHAND_BUILD_MINIFY !== "0",
  legalComments: "none",
  chunkNames: "chunks/[name]-[hash]",
  plugins: [withoutDevtools, yogaWithoutFetch],
  alias: { "string-width": "fast-string-width" },
  // Prefer packages' ES modules (the AWS SDK ships both): they tree-shake, the CommonJS builds do not.
  mainFields: ["module", "main"],
  define: {
    "process.env.NODE_ENV": '"production"',
    "process.env.DEV": '"false"',
    DECKHAND_VERSION: JSON.stringify(version),
  },
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  metafile: true,
  logLevel: "warning",
});

// The simulated session-manager-plugin for --demo and the tests: a program of its own, run by the
// test/helpers/fake-plugin launcher, sharing nothing with the UI bundle.
const simulatedPlugin = build({
  entryPoints: { "sim-session-plugin": "source/sim/session-plugin/main.ts" },
  outdir: "dist",
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  minify: process.env.DECKHAND_BUILD_MINIFY !== "0",
  legalComments: "none",
  metafile: true,
  logLevel: "warning",
});

// Both run to the end even when one fails, so a broken app build still leaves the plugin usable.
const failed = (await Promise.allSettled([app, simulatedPlugin])).find(({ status }) => status === "rejected");
if (failed) throw failed.reason;
writeFileSync(
  `dist/${LICENSES_FILE}`,
  thirdPartyLicenses([(await app).metafile, (await simulatedPlugin).metafile]),
);
