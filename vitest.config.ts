import { defineConfig } from "vitest/config";

const shared = {
  environment: "node" as const,
  testTimeout: 20_000,
  // The SDK warns about Node 20 on stderr; it is noise in test output.
  env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
};

export default defineConfig({
  test: {
    projects: [
      { test: { ...shared, name: "unit", include: ["test/unit/**/*.test.ts?(x)"] } },
      {
        test: { ...shared, name: "ui", include: ["test/ui/**/*.test.tsx"], setupFiles: ["test/ui/setup.ts"] },
      },
      {
        test: {
          ...shared,
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          ...shared,
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
