import { defineConfig } from "vitest/config";

const shared = { environment: "node" as const, testTimeout: 20_000 };

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
