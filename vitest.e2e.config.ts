import { defineConfig } from "vitest/config";

// Browser tests: the built app (dist/) served by `vite preview`, driven by playwright-core in
// Debian's /usr/bin/chromium. Two files at a time (E2E_WORKERS=1 for one): a file spends much of its
// time waiting on its page, so on this 2-core machine two workers finished the 18 files in 595 s
// against 835 s for one (2026-11-30, both while other work kept the load average above 10).
const workers = Number(process.env.E2E_WORKERS ?? 2);

export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    environment: "node",
    globalSetup: ["test/e2e/global-setup.ts"],
    fileParallelism: workers > 1,
    maxWorkers: workers,
    // A file's beforeAll opens the app on the sample (5–10 s, 20–30 s on a busy machine) and a test
    // imports and re-renders more than once; the waits inside use LOAD_TIMEOUT (test/e2e/browser.ts).
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
