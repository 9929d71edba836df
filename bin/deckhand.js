#!/usr/bin/env node
// Tiny launcher: the whole app is bundled into dist/ by `npm run build` (npm pack runs it first).
// It checks the Node version before loading the bundle, which an older Node may not even parse, so
// that an unsupported Node gets one line saying what is needed instead of a stack trace. For that,
// this file itself must parse on old Nodes: no static import, no top-level await, nothing newer
// than what Node 12 understands.

/** The oldest Node major deckhand runs on: keep it the same as "engines" in package.json. */
var MINIMUM_NODE_MAJOR = 20;

var major = Number(process.versions.node.split(".")[0]);
if (!(major >= MINIMUM_NODE_MAJOR)) {
  process.stderr.write(
    "deckhand: needs Node.js " +
      MINIMUM_NODE_MAJOR +
      " or newer (tested on 20, 22 and 24); this is Node.js " +
      process.version +
      "\n",
  );
  process.exit(1);
}

import("node:module")
  .then(function (module) {
    if (typeof module.enableCompileCache === "function") module.enableCompileCache();
    return import("../dist/cli.js");
  })
  .catch(function (error) {
    // A checkout that was never built; an installed package always has dist/.
    if (
      error &&
      error.code === "ERR_MODULE_NOT_FOUND" &&
      /Cannot find module '[^']*dist[\\/]cli\.js'/.test(String(error.message))
    ) {
      process.stderr.write("deckhand: dist/cli.js is missing: run `npm run build` first\n");
      process.exit(1);
    }
    throw error;
  });
