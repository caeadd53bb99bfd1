import { defineConfig } from "vitest/config";

// Browser tests: the built app (dist/) served by `vite preview`, driven by playwright-core in
// Debian's /usr/bin/chromium. One file at a time keeps a 2-core machine responsive.
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    environment: "node",
    globalSetup: ["test/e2e/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
