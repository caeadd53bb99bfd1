import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";
import { sampleAnswers } from "./build/sampleAnswers.ts";

export default defineConfig({
  plugins: [react(), sampleAnswers()],
  test: {
    include: ["test/**/*.test.{ts,tsx}"],
    exclude: ["test/e2e/**", "node_modules/**"],
    environment: "node",
    // Two files at a time. Vitest's default is one worker fewer than the cores, so on a 2-core machine the
    // files ran one by one while the SQL tests (DuckDB-WASM, one thread each) left a core idle.
    maxWorkers: 2,
    setupFiles: ["test/setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
