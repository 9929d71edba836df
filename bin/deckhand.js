#!/usr/bin/env node
// Tiny launcher: the whole app is bundled into dist/ by `npm run build`.
import module from "node:module";

module.enableCompileCache?.();
await import("../dist/cli.js");
