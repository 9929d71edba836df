import js from "@eslint/js";
import tseslint from "typescript-eslint";

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
  // Plain JavaScript has no types to check against.
  { files: ["**/*.js", "**/*.mjs"], ...tseslint.configs.disableTypeChecked },
);
