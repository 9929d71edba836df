import js from "@eslint/js";
import tseslint from "typescript-eslint";

// The layers of source/ and what each may not import (static imports, type-only ones too). A
// relative import names a folder of source/ as "../aws/…" or "../../aws/…"; no folder inside a
// layer shares a layer's name, so a pattern cannot catch a sibling by mistake.
const SDK = "@aws-sdk";
const ABOVE_AWS = ["app", "kinds", "state", "input", "features", "settings", "ui", "sim"];
const FORBIDDEN = {
  app: ["sim"],
  core: [SDK, "aws", ...ABOVE_AWS],
  aws: ABOVE_AWS,
  kinds: ["app", "state", "features", "input", "ui", "sim"],
  state: ["app", "input", "ui", "sim"],
  input: ["app", "ui", "sim"],
  features: ["app", "ui", "sim"],
  settings: ["app", "ui", "sim"],
  ui: ["app", SDK, "aws", "sim"],
  sim: ["app", "ui"],
};

function why(from, target) {
  if (from === "core") return "core/ is the bottom layer: it imports nothing else of the app, nor the SDK";
  if (from === "aws") return "aws/ imports nothing of the app but core/";
  if (target === "ui") return "only app/ mounts the UI; nothing below it imports ui/";
  if (target === "app") return "app/ is the top layer (flags, the session, the terminal): nothing imports it";
  if (target === "sim")
    return "only app/cli.ts and app/open-account.ts reach the simulator, by dynamic import";
  if (from === "ui") return "ui/ does not reach AWS: what it shows comes through state/ and features/";
  return `${from}/ sits below ${target}/: move what both need down, or into ${from}/`;
}

function restrictImports(from, targets) {
  const patterns = targets.map((target) => ({
    regex: target === SDK ? `^${SDK}/` : `^(\\.\\./)+${target}/`,
    message: why(from, target),
  }));
  return { "no-restricted-imports": ["error", { patterns }] };
}

const layerRules = [
  ...Object.entries(FORBIDDEN).map(([from, targets]) => ({
    files: [`source/${from}/**/*.{ts,tsx}`],
    rules: restrictImports(from, targets),
  })),
];

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/", "media/", ".bench/"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { process: "readonly", console: "readonly", setTimeout: "readonly" },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Off: an async function with no await is how a fake or a gateway method keeps the
      // Promise-returning signature it implements; no-floating-promises catches what matters.
      "@typescript-eslint/require-await": "off",
      // Passing on what a catch caught (typed unknown) is not making up a non-Error rejection.
      "@typescript-eslint/prefer-promise-reject-errors": ["error", { allowThrowingUnknown: true }],
    },
  },
  {
    files: ["test/**"],
    rules: {
      // vitest's asymmetric matchers (expect.stringContaining…) are typed any by design.
      "@typescript-eslint/no-unsafe-assignment": "off",
    },
  },
  ...layerRules,
  {
    files: ["source/**/*.{ts,tsx}"],
    ignores: ["source/sim/**", "source/app/cli.ts", "source/app/open-account.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "ImportExpression[source.value=/(^|\\/)sim\\//]",
          message: why("", "sim"),
        },
      ],
    },
  },
  // Plain JavaScript has no types to check against.
  { files: ["**/*.js", "**/*.mjs"], ...tseslint.configs.disableTypeChecked },
);
