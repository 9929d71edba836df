// Bundles source/cli.tsx into dist/ as ESM. Ink and yoga use top-level await, so ESM is required;
// code splitting lets the AWS SDK and the simulator load after the first frame is on screen.
import { build } from "esbuild";
import { readFileSync, rmSync } from "node:fs";

const { version } = JSON.parse(readFileSync("package.json", "utf8"));

rmSync("dist", { recursive: true, force: true });
await build({
  entryPoints: { cli: "source/cli.ts" },
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  minify: true,
  legalComments: "none",
  chunkNames: "chunks/[name]-[hash]",
  external: ["react-devtools-core"],
  define: {
    "process.env.NODE_ENV": '"production"',
    "process.env.DEV": '"false"',
    DECKHAND_VERSION: JSON.stringify(version),
  },
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: "warning",
});
